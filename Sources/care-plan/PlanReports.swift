import SafeguardCore
import SafeguardCLI

let safetyDaysFlag = Flag("safety-plan-days", value: "N", help: "A safety plan not reviewed for more than this many days is stale.",
                          .int(in: 1...3650), default: CarePlanRules().safetyPlanDays)
let reductionFlag = Flag("risk-reduction", value: "N", help: "Risk is significantly reduced when no answer is high and the levels are down by at least N in total since the first assessment.",
                         .int(in: 0...30), default: CarePlanRules().riskReduction)

extension CommandContext {
    func planRules() throws -> CarePlanRules {
        var rules = CarePlanRules()
        rules.safetyPlanDays = try self[safetyDaysFlag]
        // A command without --risk-reduction never has it given: the parser refuses undeclared options.
        rules.riskReduction = try self[reductionFlag]
        return rules
    }

    /// The plans in the input files as of --as-of; other kinds are passed with --pass or counted.
    func foldPlans(files: [String]) throws -> CarePlanFolder {
        var folder = CarePlanFolder(asOf: try asOf())
        try CaseFile.fold(InputFiles(files), into: &folder, diagnostics: diagnostics, other: passOrLeaveOut)
        return folder
    }

    /// The one plan named by the first argument.
    func onePlan() throws -> CarePlanCase {
        guard let first = operands.first else { throw UsageError("give the plan id") }
        let id = try recordID(from: first, what: "plan id")
        let folder = try foldPlans(files: Array(operands.dropFirst()))
        guard let c = folder.cases[id] else { throw CommandFailure("plan \(id) is not in the input", exitCode: .dataError) }
        return c
    }
}
