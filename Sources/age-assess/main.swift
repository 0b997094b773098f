import SafeguardCore

Tool.notYetImplemented(name: "age-assess", summary: "age assessment records, the child presumption and age on a date", commands: [
    ("age", "Age in whole years on a date, child or adult, and the 18th birthday"),
    ("new", "Record an age assessment"),
    ("check", "Report procedural gaps in assessments"),
    ("status", "Which treatment applies to each person, and why"),
]).main()
