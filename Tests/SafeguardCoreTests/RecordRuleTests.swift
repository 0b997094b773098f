import XCTest
@testable import SafeguardCore

/// A record's rules live in its initialiser: a record made (from options, or
/// at the prompt) and a record read are refused by the same rule, in the same words.
final class RecordRuleTests: XCTestCase {
    func refused<R: Record>(_ make: () throws -> R, _ line: String, _ message: String, file: StaticString = #filePath, line n: UInt = #line) {
        XCTAssertThrowsError(try make(), file: file, line: n) { XCTAssertEqual("\($0)", message, "made", file: file, line: n) }
        XCTAssertThrowsError(try R(obj(line)), file: file, line: n) { XCTAssertEqual("\($0)", message, "read", file: file, line: n) }
    }

    func testMadeAndReadMeetTheSameRules() {
        let c = RecordID("C-1")!, seen = dt("2026-11-22T20:00:00Z"), before = dt("2026-11-22T19:00:00Z")
        refused({ try MissingStart(id: RecordID("ms-1")!, child: c, lastSeen: seen, type: .missing, from: nil, reportedToPolice: before,
                                   policeReference: nil, mayHaveBeenMoved: false) },
                #"{"kind":"missing-start","v":1,"id":"ms-1","child":"C-1","last-seen":"2026-11-22T20:00:00Z","type":"missing","reported-to-police":"2026-11-22T19:00:00Z","may-have-been-moved":false}"#,
                "field reported-to-police is before last-seen")
        refused({ try Placement(id: RecordID("p-1")!, child: c, dob: CivilDate("2012-01-01")!, placement: "Oak House", start: CivilDate("2011-01-01")!,
                                traffickingConcern: false) },
                #"{"kind":"placement","v":1,"id":"p-1","child":"C-1","dob":"2012-01-01","placement":"Oak House","start":"2011-01-01","trafficking-concern":false}"#,
                "field dob is after the placement start")
        refused({ try ReturnInterview(id: RecordID("i-1")!, child: c, status: .done, at: seen, by: nil, independent: true) },
                #"{"kind":"return-interview","v":1,"id":"i-1","child":"C-1","status":"done","at":"2026-11-22T20:00:00Z","independent":true}"#,
                "field by: a held interview names who held it")
        refused({ try TraffickingConcern(id: RecordID("tc-1")!, child: c, change: .lifted, on: CivilDate("2026-11-22")!, reason: nil) },
                #"{"kind":"trafficking-concern","v":1,"id":"tc-1","child":"C-1","concern":"lifted","on":"2026-11-22"}"#,
                "field reason is missing: a concern is lifted only with a reason")
        refused({ try MissingReview(id: RecordID("v-1")!, child: c, held: CivilDate("2026-11-22")!, by: [.police]) },
                #"{"kind":"missing-review","v":1,"id":"v-1","child":"C-1","held":"2026-11-22","by":["police"]}"#,
                "field by: a repeat-missing review is multi-agency: name at least two agencies present")
        refused({ try VoidRecord(id: RecordID("x-1")!, voids: RecordID("x-1")!, reason: "a mistake", on: CivilDate("2026-11-22")!) },
                #"{"kind":"void","v":1,"id":"x-1","voids":"x-1","reason":"a mistake","on":"2026-11-22"}"#,
                "field id: a void cannot void itself")
        refused({ try DutyToNotify(id: RecordID("dtn-1")!, notifiedOn: CivilDate("2026-11-22")!, firstResponder: .police, sex: .female,
                                   nationality: nil, exploitation: [], indicators: []) },
                #"{"kind":"duty-to-notify","v":1,"id":"dtn-1","notified-on":"2026-11-22","first-responder":"police","treated-as":"adult","consent":"refused","sex":"female","exploitation":[],"indicators":[]}"#,
                "field exploitation: give at least one exploitation type (not-specified if unknown)")
    }

    func testAnAgeAssessmentMadeAndReadMeetsTheSameRules() {
        let a = assessment(), written = JSONWriter.string(a.json), future = CivilDate("2027-01-01")!
        func made(claimed: StatedAge = .claimedAge(16), assessed: AssessedAge? = .range(19...21), mindedToResponse: String? = nil) throws -> AgeAssessment {
            try AgeAssessment(id: a.id, person: a.person, date: a.date, claimed: claimed, documents: a.documents, assessors: a.assessors,
                              interpreterNeeded: a.interpreterNeeded, interpreter: a.interpreter, appropriateAdult: a.appropriateAdult,
                              purposeExplained: a.purposeExplained, adversePointsPut: a.adversePointsPut, factors: a.factors, reasons: a.reasons,
                              outcome: a.outcome, assessed: assessed, conclusion: a.conclusion, mindedToResponse: mindedToResponse)
        }
        XCTAssertEqual(try made(), a)
        refused({ try made(claimed: .dateOfBirth(future)) },
                written.replacingOccurrences(of: #""claimed":{"age":16}"#, with: #""claimed":{"dob":"2027-01-01"}"#),
                "field claimed.dob is after the assessment date")
        refused({ try made(assessed: .dateOfBirth(future)) },
                written.replacingOccurrences(of: #""assessed":{"min-age":19,"max-age":21}"#, with: #""assessed":{"dob":"2027-01-01"}"#),
                "field assessed.dob is after the assessment date")
        refused({ try made(mindedToResponse: "Synthetic response") },
                written.replacingOccurrences(of: #""factors":"#, with: #""minded-to-response":"Synthetic response","factors":"#),
                "field minded-to-response goes with the minded-to-date it answers")
    }
}
