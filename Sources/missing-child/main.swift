import SafeguardCore
import SafeguardCLI

Tool(name: "missing-child",
     summary: "missing-from-care episodes, what is overdue, the SSDA903 Missing table",
     commands: [startCommand, returnCommand, interviewCommand, placementCommand, concernCommand, notifyCommand, reviewCommand,
                reportCommand, ssda903Command, voidCommand],
     caseChecker: MissingFolder.self
).main()
