import SafeguardCore
import SafeguardCLI

Tool(name: "csv-report",
     summary: "NDJSON to CSV: flat exports and statistical tables, safe to share",
     commands: [flattenCommand, countCommand, nrmStatsCommand]
).main()
