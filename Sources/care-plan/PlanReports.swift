import SafeguardCore
import SafeguardCLI

let safetyDaysFlag = Flag("safety-plan-days", value: "N", help: "A safety plan not reviewed for more than this many days is stale.",
                          .int(in: 1...3650), default: CarePlanRules().safetyPlanDays)
let reductionFlag = Flag("risk-reduction", value: "N", help: "Risk is significantly reduced when no answer is high and the levels are down by at least N in total since the first assessment.",
                         .int(in: 0...30), default: CarePlanRules().riskReduction)
let transitionDaysFlag = Flag("transition-days", value: "N", help: "A child who turns 18 within N days needs a transition action and adult social care informed (SOLACE L405).",
                              .int(in: 0...3650), default: CarePlanRules().transitionDays)
/// The age assessments that settle a disputed age, for check, exit and summary.
let assessmentsFlag = Flag<[String]>("case", value: "FILE", help: "A file of the same case to read age assessments from: the person's child or adult status on the date is worked out with them (SOLACE L312).", each: .path)

extension CommandContext {
    func planRules() throws -> CarePlanRules {
        var rules = CarePlanRules()
        rules.safetyPlanDays = try self[safetyDaysFlag]
        // A command without --risk-reduction never has it given: the parser refuses undeclared options.
        rules.riskReduction = try self[reductionFlag]
        rules.transitionDays = try self[transitionDaysFlag]
        rules.ruleSet = try self[CommonFlag.rules]
        return rules
    }

    /// The plans in the input files as of --as-of; other kinds are passed with --pass or counted.
    /// Age assessments in the input files and the --case files go to their person's plans.
    func foldPlans(files: [String]) throws -> CarePlanFolder {
        var folder = CarePlanFolder(asOf: try asOf())
        var assessments: [AgeAssessment] = []
        try CaseFile.fold(InputFiles(files), into: &folder, diagnostics: diagnostics) { r in
            if r.kind == AgeAssessment.kind { assessments.append(try AgeAssessment(r.object)) }
            try passOrLeaveOut(r)
        }
        folder.attach(assessments: assessments + (try ageAssessments()))
        return folder
    }

    /// The age assessments in the --case files (care-plan new, check, exit and summary).
    func ageAssessments() throws -> [AgeAssessment] {
        // `new` declares --case for the check at write time; it is read here for the assessments too.
        let paths = command.declares(assessmentsFlag) ? try self[assessmentsFlag] : []
        guard !paths.isEmpty else { return [] }
        var found: [AgeAssessment] = []
        try forEachRecord(in: InputFiles(paths), diagnostics: diagnostics) { r in
            guard r.kind == AgeAssessment.kind else { return }
            found.append(try AgeAssessment(r.object))
        }
        guard diagnostics.errorCount == 0 else {
            throw CommandFailure("the --case files have bad lines; the person's age cannot be settled from them", exitCode: .dataError)
        }
        return found
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
