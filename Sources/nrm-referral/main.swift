import SafeguardCore
import SafeguardCLI

Tool(name: "nrm-referral",
     summary: "referrals to the National Referral Mechanism, decisions and deadlines",
     commands: [newCommand, notifyCommand, decideCommand, withdrawCommand, statusCommand, validateCommand, indicatorsCommand, voidCommand],
     caseChecker: NRMCaseFolder.self
).main()
