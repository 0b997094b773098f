import SafeguardCore

Tool.notYetImplemented(name: "csv-report", summary: "NDJSON to CSV: flat exports and statistical tables, safe to share", commands: [
    ("flatten", "Turn records into RFC 4180 CSV"),
    ("count", "Counts grouped by fields, with small-number suppression"),
    ("nrm-stats", "The NRM tables the Home Office publishes"),
]).main()
