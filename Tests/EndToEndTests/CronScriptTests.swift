import XCTest

/// examples/cron/missing-report.sh: what the duty team is mailed is a
/// plain-English summary naming no personal field, its subject saying what
/// needs doing; bad lines are mentioned as well as the children, never instead.
final class CronScriptTests: XCTestCase {
    func testTheMailIsAPlainEnglishSummaryWithASubjectThatSaysWhatToDo() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = """
        set -e
        chmod 700 .
        missing-child placement --child C-001 --dob 2010-05-01 --placement 'Synthetic House' --start 2026-11-18 --trafficking-concern --append m.ndjson
        missing-child placement --child C-002 --dob 2010-05-01 --placement 'Synthetic House' --start 2026-11-18 --no-trafficking-concern --append m.ndjson
        missing-child placement --child C-003 --dob 2010-05-01 --placement 'Synthetic House' --start 2026-11-18 --no-trafficking-concern --append m.ndjson
        missing-child placement --child C-004 --dob 2010-05-01 --placement 'Synthetic House' --start 2026-11-18 --no-trafficking-concern --append m.ndjson
        missing-child start --child C-001 --last-seen 2026-11-20T18:00:00Z --type missing --from 'Synthetic House' --append m.ndjson
        missing-child start --child C-002 --last-seen 2026-11-19T18:00:00Z --type missing --reported-to-police 2026-11-19T19:00:00Z --append m.ndjson
        missing-child return --child C-002 --returned 2026-11-20T09:30:00Z --found-at 'Synthetic Street' --to placement --append m.ndjson
        missing-child start --child C-003 --last-seen 2026-11-20T18:00:00Z --type missing --reported-to-police 2026-11-20T19:00:00Z --append m.ndjson
        missing-child start --child C-004 --last-seen 2026-11-20T18:00:00Z --type away --append m.ndjson
        printf '%s\\n' '{"kind":"missing-start","v":1,"child":"C-9", "name":"Synthetic' >> m.ndjson
        mkdir -m 700 reports
        set +e
        bash '\(Tools.packageRoot.path)/examples/cron/missing-report.sh' m.ndjson reports
        """
        let r = try Tools.sh(script, cwd: dir)
        XCTAssertEqual(r.status, 65, "bad lines outrank action needed: \(r.stderr)")
        let lines = r.out.components(separatedBy: "\n")
        XCTAssertTrue(lines[0].hasPrefix("Missing from care "), r.out)
        XCTAssertTrue(lines[0].hasSuffix(": 4 children need action, 2 children missing, 1 child away, 1 return interview overdue, 1 child not reported to the police, 1 bad line in the case file."), lines[0])
        XCTAssertTrue(r.out.contains("Child C-001:\n  - missing-now: missing since 2026-11-20T18:00:00Z"), r.out)
        XCTAssertTrue(r.out.contains("  - police-not-notified: the police have not been told"), r.out)
        XCTAssertTrue(r.out.contains("Child C-002:\n  - interview-overdue: the return interview for the return at 2026-11-20T09:30:00Z was due by 2026-11-23T09:30:00Z"), r.out)
        XCTAssertTrue(r.out.contains("Child C-003:"), r.out)
        XCTAssertTrue(r.out.contains("1 line of the case file could not be read"), r.out)
        XCTAssertFalse(r.out.contains("{"), "no JSON in the mail")
        for personal in ["Synthetic House", "Synthetic Street", "Synthetic", "2010-05-01"] {
            XCTAssertFalse(r.out.contains(personal), "the mail names no personal field: \(personal)")
        }
    }

    /// Nothing to do: nothing is mailed and the exit status is 0.
    func testNothingToDoMailsNothing() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Tools.sh("""
        chmod 700 . && mkdir -m 700 reports && : > m.ndjson
        bash '\(Tools.packageRoot.path)/examples/cron/missing-report.sh' m.ndjson reports
        """, cwd: dir)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.out, "")
    }
}
