import SafeguardCore
import SafeguardCLI

Tool(name: "age-assess",
     summary: "age assessment records, the child presumption and age on a date",
     commands: [ageCommand, newAssessmentCommand, checkCommand, statusCommand, voidCommand],
     caseChecker: AgeStatusFolder.self
).main()
