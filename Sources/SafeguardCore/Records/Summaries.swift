/// The rows shown at the prompt before a record is written, for the caseworker to check.
public extension Referral {
    var summaryRows: [(String, String)] {
        var rows: [(String, String)] = [("Referral id", id.rawValue), ("Subject id", subject.id.rawValue)]
        if let n = subject.name { rows.append(("Name", n)) }
        switch subject.age {
        case .dateOfBirth(let d): rows.append(("Date of birth", "\(d) (age \(d.age(on: received) ?? 0) on \(received))"))
        case .claimedAge(let n): rows.append(("Claimed age", String(n)))
        }
        rows.append(("Age disputed", subject.ageDisputed ? "yes" : "no"))
        rows.append(("Treated as", "\(treatedAs.rawValue) (\(ageBasis.label))"))
        rows.append(("Sex", subject.sex.label))
        rows.append(("Nationality", subject.nationality?.code ?? "not known"))
        rows.append(("Languages", subject.languages.map(\.rawValue).joined(separator: ", ")))
        rows.append(("Interpreter needed", subject.interpreterNeeded ? "yes" : "no"))
        rows.append(("First responder", firstResponder.label))
        rows.append(("Date of referral", received.description))
        rows.append(("Exploitation", exploitation.map(\.label).joined(separator: "; ")))
        if countyLines { rows.append(("County lines", "yes")) }
        rows.append(("Indicators", indicators.isEmpty ? "none" : indicators.joined(separator: ", ")))
        switch consent {
        case .notRequiredChild: rows.append(("Consent", "not required for a child"))
        case .signed(let on): rows.append(("Consent", "signed on \(on)"))
        }
        if let account { rows.append(("Account", account)) }
        return rows
    }
}

public extension DutyToNotify {
    var summaryRows: [(String, String)] {
        [("Record id", id.rawValue), ("Date", notifiedOn.description), ("First responder", firstResponder.label),
         ("Sex", sex.label), ("Nationality", nationality?.code ?? "not known"),
         ("Exploitation", exploitation.map(\.label).joined(separator: "; ")),
         ("Indicators", indicators.isEmpty ? "none" : indicators.joined(separator: ", "))]
    }
}
