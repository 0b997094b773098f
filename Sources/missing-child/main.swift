import SafeguardCore

Tool.notYetImplemented(name: "missing-child", summary: "missing-from-care episodes, what is overdue, the SSDA903 Missing table", commands: [
    ("start", "Record a child going missing or away from placement"),
    ("return", "Record a child found or returned"),
    ("interview", "Record the return interview"),
    ("placement", "Record a placement"),
    ("report", "The nightly missing-from-care report"),
    ("ssda903", "The SSDA903 Missing table for a collection year"),
]).main()
