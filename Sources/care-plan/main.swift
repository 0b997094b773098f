import SafeguardCore
import SafeguardCLI

Tool(name: "care-plan",
     summary: "victims' support and care plans, reviews and exit readiness",
     commands: [newPlanCommand, reviewCommand, actionCommand, checkPlanCommand, exitCommand, summaryCommand, voidCommand],
     caseChecker: CarePlanFolder.self
).main()
