import SafeguardCore
import SafeguardCLI

let dobFlag = Flag<CivilDate?>("dob", value: "DATE", help: "A date of birth (yyyy-mm-dd).", .date)
let claimedAgeFlag = Flag<Int?>("claimed-age", value: "N", help: "An age claimed, in years.", .int(in: StatedAge.claimedAgeRange))
let onFlag = Flag.date("on", help: "The date to work out the age on.")
let fieldFlag = Flag<String?>("field", value: "PATH", help: "Where the date of birth is in each record, as a dotted path (by default dob, then subject.dob).", .path)
let passUndatedFlag = Flag(switch: "pass", help: "Copy records that have no date of birth to the output unchanged.")

let ageCommand = Command(
    name: "age", summary: "Age in whole years on a date, child or adult, and the 18th birthday; or the dates of birth a claimed age allows.",
    usage: "[--dob DATE | --claimed-age N] [--on DATE] [--field PATH] [--pass] [--rejects FILE] [FILE...]",
    details: """
    With --dob, writes one age-on-date record. With --claimed-age, writes the earliest and latest dates \
    of birth that give that age on the date. With neither, reads records and writes an age-on-date record \
    for each one that has a date of birth (at --field, or dob, or subject.dob). A 29 February birthday \
    falls on 1 March in a common year, as in UK law. The date of birth itself is not repeated in the output.
    """,
    flags: [dobFlag, claimedAgeFlag, onFlag, fieldFlag, passUndatedFlag, CommonFlag.rejects]
) { context in
    let on = try context[onFlag]
    let dob = try context[dobFlag]
    let claimed = try context[claimedAgeFlag]
    if dob != nil && claimed != nil { throw UsageError("give --dob or --claimed-age, not both") }
    if dob != nil || claimed != nil {
        guard context.operands.isEmpty else { throw UsageError("--dob and --claimed-age take no input files") }
        if let dob {
            guard let result = try AgeOnDate(dob: dob, on: on) else {
                throw CommandFailure("the date of birth is after --on \(on)", exitCode: .dataError)
            }
            try context.output.write(record: result.json)
        } else if let claimed {
            try context.output.write(record: try ClaimedAgeRange(age: claimed, on: on).json)
        }
        return .ok
    }
    let paths = try context[fieldFlag].map { [$0] } ?? ["dob", "subject.dob"]
    let pass = try context[passUndatedFlag]
    try forEachRecord(in: InputFiles(context.operands), diagnostics: context.diagnostics) { r in
        guard let (path, value) = paths.lazy.compactMap({ p in r.object.value(at: p).map { (p, $0) } }).first else {
            if pass { try context.output.writeLine(r.raw) }
            return
        }
        guard let text = value.stringValue, let dob = CivilDate(text) else {
            throw RecordError("field \(path) is not a real date; write it as yyyy-mm-dd")
        }
        guard var result = try AgeOnDate(dob: dob, on: on) else {
            throw RecordError("field \(path) is after \(on): a date of birth cannot be in the future")
        }
        result.record = r.object["id"]?.stringValue.flatMap(RecordID.init)
        result.person = (r.object.value(at: "subject.id") ?? r.object["person"])?.stringValue.flatMap(RecordID.init)
        try context.output.write(record: result.json)
    }
    return .ok
}
