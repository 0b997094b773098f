import SafeguardCore

Tool.notYetImplemented(name: "care-plan", summary: "victims' support and care plans, reviews and exit readiness", commands: [
    ("new", "Make a support or care plan"),
    ("review", "Record a review of a plan"),
    ("action", "Record an action on a plan"),
    ("check", "Report rules a plan breaks"),
    ("exit", "Whether the person is ready to leave the service"),
    ("summary", "A printable summary for a case meeting"),
]).main()
