// The text view of each report, one place per report: the columns a person
// reads at a terminal. The NDJSON records (each record's `layout`) are the
// contract for scripts; these tables are for people and may change.
// Pseudonymous ids are shown; names, dates of birth and placements are not,
// except in the placement summary, which is about placements.

// MARK: nrm-referral status

extension NRMStatus: TextReportRow {
    public static var textColumns: [TextColumn<NRMStatus>] {
        [
            TextColumn("Referral") { $0.referral.rawValue },
            TextColumn("Subject") { $0.subject.rawValue },
            TextColumn("Treated as") { $0.treatedAs.rawValue },
            TextColumn("Received") { $0.received.description },
            TextColumn("Stage") { $0.stageWords },
            TextColumn("Waiting for") { s in s.outstanding.map { $0 == .rgDecision ? "RG decision" : "CG decision" } ?? "-" },
            TextColumn("Due") { $0.due?.description ?? "-" },
            TextColumn("Overdue?") { s in s.due.map { TextWords.due($0, asOf: s.asOf) } ?? "-" },
        ]
    }

    public static func textHeading(_ rows: [NRMStatus]) -> String {
        let overdue = rows.filter(\.overdue).count
        let asOf = rows.first.map { " as of \($0.asOf.inWords)" } ?? ""
        return "NRM referrals\(asOf): " + TextWords.count(rows.count, "referral") + ", " + TextWords.count(overdue, "decision") + " overdue."
    }

    public static var textFootnote: String? {
        "RG: the reasonable-grounds decision. CG: the conclusive-grounds decision, due when the recovery period ends."
    }

    var stageWords: String {
        switch stage {
        case .rgPending: return "waiting for RG"
        case .rgPositive: return "positive RG; recovery period to \(recoveryEnds!)"
        case .rgNegative: return "negative RG on \(rg!.on)"
        case .cgPending: return "recovery period ended \(recoveryEnds!)"
        case .cgPositive: return "positive CG on \(cg!.on)"
        case .cgNegative: return "negative CG on \(cg!.on)"
        case .withdrawn: return "withdrawn on \(withdrawn!)"
        }
    }
}

// MARK: age-assess check

/// The `assessment-check` report for one assessment: its gaps, each with a code and a sentence.
public struct AssessmentCheck: Sendable {
    public let assessment: AgeAssessment
    public let rules: RuleSet
    public let gaps: [AssessmentGap]
    public init(_ assessment: AgeAssessment, rules: RuleSet = .sources) {
        self.assessment = assessment
        self.rules = rules
        gaps = assessment.gaps(under: rules)
    }
    public var json: JSONValue { assessment.checkJSON(under: rules) }
}

extension AssessmentCheck: TextReportRow {
    public static var textColumns: [TextColumn<AssessmentCheck>] {
        [
            TextColumn("Assessment") { $0.assessment.id.rawValue },
            TextColumn("Person") { $0.assessment.person.rawValue },
            TextColumn("Date") { $0.assessment.date.description },
            TextColumn("Outcome") { $0.assessment.outcome.rawValue },
            TextColumn("Sound?") { $0.assessment.isSound(under: $0.rules) ? "yes" : "no" },
            TextColumn("Gaps") { c in c.gaps.isEmpty ? "none" : TextWords.count(c.gaps.count, "gap") },
        ]
    }

    public static func textHeading(_ rows: [AssessmentCheck]) -> String {
        "Age assessments checked: " + TextWords.count(rows.count, "assessment") + ", "
            + "\(rows.filter { !$0.gaps.isEmpty }.count) with gaps in procedure."
    }

    public var textDetails: [String] { gaps.map { "\($0.rawValue): \($0.label)" } }
}

// MARK: age-assess status

extension AgeStatus: TextReportRow {
    public static var textColumns: [TextColumn<AgeStatus>] {
        [
            TextColumn("Person") { $0.person.rawValue },
            TextColumn("Treated as") { $0.treatedAs.rawValue },
            TextColumn("Why") { $0.basis == .soundAssessment ? "sound assessment" : "age in doubt, no sound assessment" },
            TextColumn("Relied on") { $0.assessment?.rawValue ?? "-" },
            TextColumn("Youngest age") { $0.youngestAge.map(String.init) ?? "-" },
            TextColumn("Turns 18") { s in s.turns18.map { $0 <= s.asOf ? "\($0) (passed)" : $0.description } ?? "-" },
            TextColumn("Assessments") { String($0.assessments) },
        ]
    }

    public static func textHeading(_ rows: [AgeStatus]) -> String {
        let asOf = rows.first.map { " as of \($0.asOf.inWords)" } ?? ""
        return "Age status\(asOf): " + TextWords.count(rows.count, "person", "people") + ", "
            + "treated as a child: \(rows.filter { $0.treatedAs == .child }.count)."
    }

    public static var textFootnote: String? {
        "A person whose age is in doubt is treated as a child until a completed assessment free of gaps settles it (SOLACE L312)."
    }

    public var textDetails: [String] {
        latestGaps.isEmpty ? [] : ["latest assessment \(latestAssessment!) has gaps: " + latestGaps.map(\.rawValue).joined(separator: ", ")]
    }
}

// MARK: missing-child report

extension MissingStatus: TextReportRow {
    public static var textColumns: [TextColumn<MissingStatus>] {
        [
            TextColumn("Child") { $0.child.rawValue },
            TextColumn("Now") { s in
                guard s.missingNow, let since = s.since else { return "not missing" }
                return "\(s.type == .away ? "away" : "MISSING") since \(since.shortUK) (\(TextWords.hours(s.hoursMissing ?? 0)))"
            },
            TextColumn("Police") { s in s.missingNow ? (s.policeNotNotified ? "NOT TOLD" : "told") : "-" },
            TextColumn("Episodes") { "\($0.episodesInWindow) in \($0.windowDays) days" + ($0.isRepeat ? ", repeat" : "") },
            TextColumn("Return interview") { $0.interviewWords },
            TextColumn("Action needed?") { $0.actionNeeded ? "yes" : "no" },
        ]
    }

    var interviewWords: String {
        guard lastReturned != nil else { return "-" }
        if !interviewOutstanding { return interview?.rawValue ?? "-" }
        guard let due = interviewDue else { return "outstanding" }
        if interviewOverdue { return "OVERDUE by \(TextWords.hours(due.hours(to: asOf))) (due \(due.shortUK))" }
        return "due \(due.shortUK)"
    }

    public static func textHeading(_ rows: [MissingStatus]) -> String {
        let asOf = rows.first.map { " as of \($0.asOf.inWordsUK)" } ?? ""
        return "Missing from care\(asOf): " + TextWords.count(rows.count, "child", "children") + "; "
            + "\(rows.filter(\.missingNow).count) missing or away now, "
            + TextWords.count(rows.filter(\.interviewOverdue).count, "return interview") + " overdue, "
            + "\(rows.filter(\.policeNotNotified).count) not reported to the police."
    }

    public static var textFootnote: String? { "Times are UK time. Action is needed when a child is missing now, an interview is overdue, or the police were not told." }

    public var textDetails: [String] {
        var lines: [String] = []
        if highRiskWindow { lines.append("in the high-risk first days of a placement (trafficking concern, SOLACE L399)") }
        if !notify.isEmpty, traffickingConcern, missingNow { lines.append("tell: " + notify.map(\.label).joined(separator: "; ")) }
        return lines
    }
}

extension PlacementSummary: TextReportRow {
    public static var textColumns: [TextColumn<PlacementSummary>] {
        [
            TextColumn("Placement") { $0.placement },
            TextColumn("Episodes") { String($0.episodes) },
            TextColumn("Children") { String($0.children.count) },
            TextColumn("Hours missing") { String($0.hoursMissing) },
        ]
    }

    public static func textHeading(_ rows: [PlacementSummary]) -> String {
        "Missing episodes by placement" + (rows.first.map { ", the \($0.windowDays) days to \($0.asOf.inWordsUK)" } ?? "") + ":"
    }
}

// MARK: care-plan check and exit

extension CarePlanCheck: TextReportRow {
    public static var textColumns: [TextColumn<CarePlanCheck>] {
        [
            TextColumn("Plan") { $0.plan.rawValue },
            // Worked out on the as-of date; the plan's own group shown when it differs (issue 14, rule 0).
            TextColumn("Treated as") { $0.status.treatedAs.rawValue + ($0.status.changed ? " (plan made for \($0.status.madeAs.rawValue))" : "") },
            TextColumn("Rules broken") { $0.findings.isEmpty ? "none" : TextWords.count($0.findings.count, "rule") },
        ]
    }

    public static func textHeading(_ rows: [CarePlanCheck]) -> String {
        let asOf = rows.first.map { " as of \($0.asOf.inWords)" } ?? ""
        return "Care plans checked\(asOf): " + TextWords.count(rows.count, "plan") + ", \(rows.filter { !$0.findings.isEmpty }.count) breaking a rule."
    }

    public var textDetails: [String] {
        findings.map { "\($0.problem.rawValue): \($0.problem.label)" + ($0.detail.map { " (\($0))" } ?? "") }
    }
}

extension CarePlanExit: TextReportRow {
    public static var textColumns: [TextColumn<CarePlanExit>] {
        [
            TextColumn("Plan") { $0.plan.rawValue },
            TextColumn("As of") { $0.asOf.description },
            TextColumn("Ready to leave the service?") { $0.ready ? "yes" : "not yet: " + TextWords.count($0.unmet.count, "criterion", "criteria") + " unmet" },
        ]
    }

    public static func textHeading(_ rows: [CarePlanExit]) -> String { "Exit readiness (HESTIA exit criteria):" }

    public var textDetails: [String] {
        unmet.map { u in u.problem.map { "\(u.criterion.rawValue): \($0.label) (\(u.detail))" } ?? "\(u.criterion.rawValue): \(u.criterion.label) (\(u.detail))" }
    }
}
