import XCTest

final class NRMReferralTests: XCTestCase {
    let tool = "nrm-referral"

    func newChild(_ id: String, received: String = "2026-11-20", extra: [String] = []) -> [String] {
        ["new", "--id", id, "--subject", "S-\(id)", "--dob", "2010-03-01", "--sex", "female", "--nationality", "AL",
         "--language", "sq", "--interpreter-needed", "--first-responder", "la-childrens-services",
         "--exploitation", "sexual,criminal", "--indicator", "child-history-of-missing", "--received", received,
         "--name", "Synthetic Person", "--account", "Synthetic account, with \"quotes\"\nand a newline"] + extra
    }

    func testAReferralPipelineEmitsSchemaValidRecords() throws {
        var file = Data()
        for args in [newChild("ref-c1"),
                     ["new", "--id", "ref-a1", "--subject", "S-9", "--claimed-age", "30", "--sex", "male", "--first-responder", "salvation-army",
                      "--exploitation", "labour", "--received", "2026-10-01", "--consent-signed", "2026-10-01", "--competent-authority", "ukba"],
                     ["new", "--id", "ref-d1", "--subject", "S-7", "--claimed-age", "19", "--age-disputed", "--sex", "male",
                      "--first-responder", "police", "--exploitation", "not-specified", "--received", "2026-11-01"],
                     ["decide", "ref-a1", "--stage", "rg", "--outcome", "positive", "--on", "2026-10-03", "--id", "dec-1"],
                     ["decide", "ref-d1", "--stage", "rg", "--outcome", "negative", "--on", "2026-11-02", "--id", "dec-2"],
                     ["withdraw", "ref-c1", "--on", "2026-11-22", "--id", "wdr-1"],
                     ["notify", "--on", "2026-11-20", "--first-responder", "police", "--sex", "female", "--exploitation", "domestic-servitude",
                      "--nationality", "PH", "--indicator", "identity-documents-confiscated", "--id", "dtn-1"]] {
            let r = try Tools.run(tool, args)
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            XCTAssertEqual(r.lines.count, 1)
            file.append(r.stdout)
        }
        try Tools.assertValidAgainstSchemas(file)
        let lines = String(decoding: file, as: UTF8.self).split(separator: "\n")
        XCTAssertTrue(lines[2].contains(#""treated-as":"child","age-basis":"age-disputed""#), "an age-disputed 19-year-old is treated as a child")
        XCTAssertTrue(lines[2].contains(#""consent":{"status":"not-required-child"}"#))

        let status = try Tools.run(tool, ["status", "--as-of", "2026-11-30"], stdin: file)
        XCTAssertEqual(status.status, 0, status.stderr)
        try Tools.assertValidAgainstSchemas(status.stdout)
        XCTAssertEqual(status.lines.count, 3)
        XCTAssertTrue(status.lines[0].contains(#""referral":"ref-c1""#) && status.lines[0].contains(#""stage":"withdrawn""#))
        XCTAssertTrue(status.lines[1].contains(#""stage":"cg-pending","rg-due":"2026-10-06","rg-decided":"2026-10-03","rg-outcome":"positive","recovery-ends":"2026-11-17","cg-due":"2026-11-17","outstanding":"cg-decision","due":"2026-11-17","overdue":true,"overdue-days":13"#), status.lines[1])
        XCTAssertTrue(status.lines[2].contains(#""stage":"rg-negative""#))
    }

    func testAnAdultWithoutConsentGetsNoReferralAndIsOfferedNotify() throws {
        let r = try Tools.run(tool, ["new", "--subject", "S-1", "--dob", "1990-01-01", "--sex", "female",
                                     "--first-responder", "police", "--exploitation", "sexual", "--received", "2026-11-20"])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stdout.isEmpty)
        XCTAssertTrue(r.stderr.contains("only with consent"))
        XCTAssertTrue(r.stderr.contains("nrm-referral notify"))
    }

    /// An unknown indicator code is refused at the prompt as from options, before anything is written.
    func testUnknownIndicatorsAreRefusedOnEveryPath() throws {
        let fields = ["--subject", "S-1", "--name", "N", "--claimed-age", "15", "--age-disputed", "--sex", "male", "--nationality", "VN",
                      "--language", "vi", "--interpreter-needed", "--first-responder", "police", "--received", "2026-11-20",
                      "--exploitation", "criminal", "--indicator", "child-begging,no-such-indicator"]
        for extra in [[], ["--interactive"]] {
            let r = try Tools.run(tool, ["new"] + fields + extra)
            XCTAssertEqual(r.status, 64, "\(extra): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("--indicator: 'no-such-indicator' is not in the indicator catalogue"), r.stderr)
            XCTAssertTrue(r.stdout.isEmpty)
        }
        let notify = try Tools.run(tool, ["notify", "--first-responder", "police", "--sex", "male", "--exploitation", "labour", "--indicator", "no-such-indicator"])
        XCTAssertEqual(notify.status, 64)
    }

    func testNotifyCannotCarryIdentifyingFields() throws {
        for personal in [["--name", "X"], ["--dob", "1990-01-01"], ["--subject", "S-1"], ["--account", "x"], ["--claimed-age", "30"]] {
            let r = try Tools.run(tool, ["notify", "--first-responder", "police", "--sex", "female", "--exploitation", "labour"] + personal)
            XCTAssertEqual(r.status, 64, "\(personal)")
            XCTAssertTrue(r.stdout.isEmpty)
        }
    }

    /// Each bad line: `nrm-referral: FILE:LINE: ...`, exit 65, the good lines still
    /// processed, and --rejects holding the bad lines byte for byte.
    func testBadLinesAreReportedAndKeptByteForByte() throws {
        let dir = Tools.scratch()
        let good = try Tools.run(tool, newChild("ref-good")).stdout
        let goodLine = String(decoding: good, as: UTF8.self).trimmingCharacters(in: .newlines)
        let bad: [(line: String, message: String)] = [
            (#"{"kind":"referral","v":1,"id":"ref-t""#, "invalid JSON"),
            (goodLine.replacingOccurrences(of: #""age-disputed":false"#, with: #""age-disputed":"no""#).replacingOccurrences(of: "ref-good", with: "ref-w"),
             "field subject.age-disputed: must be true or false, found a string"),
            (goodLine.replacingOccurrences(of: #""sexual","criminal""#, with: #""sexual","slavery""#).replacingOccurrences(of: "ref-good", with: "ref-u"),
             "field exploitation[1]: is not a known exploitation type"),
            (goodLine.replacingOccurrences(of: #""received":"2026-11-20""#, with: #""received":"2025-02-30""#).replacingOccurrences(of: "ref-good", with: "ref-d"),
             "field received: is not a real date"),
        ]
        var input = Data()
        input.append(good)
        for b in bad { input.append((b.line + "\n").data) }
        input.append(#"{"kind":"nrm-decision","v":1,"id":"dec-1","referral":"ref-good","stage":"rg","outcome":"positive","on":"2026-11-21"}"#.data + "\r\n".data)
        let path = dir.appendingPathComponent("case.ndjson")
        try input.write(to: path)
        let rejects = dir.appendingPathComponent("rejects.ndjson")

        for command in ["status", "validate"] {
            let r = try Tools.run(tool, [command, "--as-of", "2026-11-23", "--rejects", rejects.path, path.path].filter { command == "status" || !$0.hasPrefix("--as-of") && $0 != "2026-11-23" })
            XCTAssertEqual(r.status, 65, command)
            let messages = r.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(messages.count, bad.count, r.stderr)
            for (k, b) in bad.enumerated() {
                XCTAssertTrue(messages[k].hasPrefix("nrm-referral: \(path.path):\(k + 2): "), messages[k])
                XCTAssertTrue(messages[k].contains(b.message), messages[k])
                XCTAssertFalse(messages[k].contains("Synthetic"), "no personal data in diagnostics")
            }
            XCTAssertEqual(try Data(contentsOf: rejects), bad.map { $0.line + "\n" }.joined().data, "rejects hold the bad lines byte for byte")
            if command == "status" {
                XCTAssertEqual(r.lines.count, 1)
                XCTAssertTrue(r.out.contains(#""stage":"rg-positive""#), "the good lines were processed, CRLF and all")
            } else {
                XCTAssertEqual(r.lines.count, 2, "validate copies the good lines")
                XCTAssertTrue(r.stdout.starts(with: good))
            }
        }
        var st = stat()
        stat(rejects.path, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
    }

    func testCaseRuleBreachesAreReportedWithTheirLines() throws {
        var input = try Tools.run(tool, newChild("ref-1")).stdout
        input.append(try Tools.run(tool, newChild("ref-1")).stdout)   // the same referral twice
        for line in [#"{"kind":"nrm-decision","v":1,"id":"d1","referral":"ref-1","stage":"cg","outcome":"positive","on":"2026-11-21"}"#,
                     #"{"kind":"nrm-decision","v":1,"id":"d2","referral":"ref-1","stage":"rg","outcome":"positive","on":"2026-11-22"}"#,
                     #"{"kind":"nrm-decision","v":1,"id":"d3","referral":"ref-1","stage":"rg","outcome":"negative","on":"2026-11-23"}"#,
                     #"{"kind":"nrm-decision","v":1,"id":"d4","referral":"ref-404","stage":"rg","outcome":"negative","on":"2026-11-23"}"#] {
            input.append((line + "\n").data)
        }
        let r = try Tools.run(tool, ["validate"], stdin: input)
        XCTAssertEqual(r.status, 65)
        let messages = r.stderr.split(separator: "\n")
        XCTAssertEqual(messages.count, 4, r.stderr)
        XCTAssertTrue(messages[0].hasPrefix("nrm-referral: <stdin>:2: referral ref-1 appears twice (first at <stdin>:1)"))
        XCTAssertTrue(messages[1].hasPrefix("nrm-referral: <stdin>:3: conclusive-grounds decision before any reasonable-grounds decision"))
        XCTAssertTrue(messages[2].hasPrefix("nrm-referral: <stdin>:5: referral ref-1 already has a reasonable-grounds decision (<stdin>:4)"))
        XCTAssertTrue(messages[3].hasPrefix("nrm-referral: <stdin>:6: referral ref-404 is not in the input"))
        XCTAssertEqual(r.lines.count, 2, "the referral and its first RG pass")
    }

    /// --rejects holds every rejected line byte for byte and in order (bad
    /// lines as read, then the events a case rule refuses, in line order),
    /// whether the fold reads an event's bytes back from a file, from a pipe
    /// it copied, or keeps them (a pipe read once, under --keep-voided).
    func testRejectedEventsKeepTheirBytesAndLineOrder() throws {
        let dir = Tools.scratch()
        func line(_ fields: String) -> String { #"{"kind":"nrm-decision","v":1,"# + fields + "}" }
        // Each line with whether it is bad as read (r), refused by its case (c) or good (g).
        let first: [(String, Character)] = [
            (String(decoding: try Tools.run(tool, newChild("ref-1")).stdout.dropLast(), as: UTF8.self), "g"),
            (line(#""id":"d1","referral":"ref-1","stage":"rg","outcome":"positive","on":"2026-11-22""#), "c"),   // d2 is dated first
            (#"{"kind":"nrm-decision","v":1,"id":"broken""#, "r"),
            (line(#""id":"d2","referral":"ref-1","stage":"rg","outcome":"negative","on":"2026-11-21""#) + "  \t\r", "g"),
            (String(decoding: try Tools.run(tool, newChild("ref-2")).stdout.dropLast(), as: UTF8.self), "g"),
            ("{ \"kind\" :\t\"nrm-withdrawal\", \"v\":1, \"id\":\"w1\", \"referral\":\"ref-2\", \"on\":\"2026-11-19\" }\r", "c"),
            (line(#""id":"d3","referral":"ref-404","stage":"rg","outcome":"positive","on":"2026-11-22""#), "c"),
        ]
        let second: [(String, Character)] = [
            (line(#""id":"d4","referral":"ref-2","stage":"cg","outcome":"positive","on":"2026-11-23""#) + " ", "c"),
            (line(#""id":"d5","referral":"ref-2","stage":"rg","outcome":"maybe","on":"2026-11-23""#), "r"),
            (line(#""id":"d6","referral":"ref-1","stage":"cg","outcome":"positive","on":"2026-12-30""#), "c"),
        ]
        let a = dir.appendingPathComponent("a.ndjson"), b = dir.appendingPathComponent("b.ndjson")
        try Data(first.map { $0.0 + "\n" }.joined().utf8).write(to: a)
        try Data(second.map { $0.0 + "\n" }.joined().utf8).write(to: b)
        let all = first + second
        let expected = Data((all.filter { $0.1 == "r" } + all.filter { $0.1 == "c" }).map { $0.0 + "\n" }.joined().utf8)
        XCTAssertEqual(all.filter { $0.1 != "g" }.count, 7)

        let rejects = dir.appendingPathComponent("rejects.ndjson").path
        for command in ["nrm-referral status --as-of 2027-01-01 --rejects \(rejects) \(a.path) \(b.path)",
                        "nrm-referral validate --rejects \(rejects) \(a.path) \(b.path)",
                        "cat \(a.path) | nrm-referral status --as-of 2027-01-01 --rejects \(rejects) - \(b.path)",
                        "cat \(b.path) | nrm-referral validate --rejects \(rejects) \(a.path) -",
                        "cat \(a.path) | csv-report nrm-stats --as-of 2027-01-01 --keep-voided --rejects \(rejects) - \(b.path)",
                        "csv-report nrm-stats --as-of 2027-01-01 --rejects \(rejects) \(a.path) \(b.path)"] {
            let r = try Tools.sh(command + " >/dev/null")
            XCTAssertEqual(r.status, 65, command)
            XCTAssertEqual(r.stderr.split(separator: "\n").filter { $0.contains(".ndjson:") || $0.contains("<stdin>:") }.count, 7, r.stderr)
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: rejects)), expected, command)
        }
    }

    func testPassCopiesOtherKindsThrough() throws {
        var input = try Tools.run(tool, newChild("ref-1")).stdout
        let other = #"{"kind":"missing-episode","v":1,"id":"m1","note":"kept \u00e9 as is"}"# + "\n"
        input.append(other.data)
        let without = try Tools.run(tool, ["status", "--as-of", "2026-11-21"], stdin: input)
        XCTAssertEqual(without.status, 0)
        XCTAssertEqual(without.lines.count, 1)
        XCTAssertTrue(without.stderr.contains("1 record(s) not folded into a status"), without.stderr)
        let with = try Tools.run(tool, ["status", "--as-of", "2026-11-21", "--pass"], stdin: input)
        XCTAssertEqual(with.lines.first, other.trimmingCharacters(in: .newlines), "passed through byte for byte")
        XCTAssertEqual(with.lines.count, 2)
        let validated = try Tools.run(tool, ["validate", "--pass"], stdin: input)
        XCTAssertEqual(validated.stdout, input)
    }

    /// Over a year end, a leap day and month ends, through the binaries.
    func testStatusDatesMatchAHandCheckedTable() throws {
        let table: [(received: String, rg: String?, asOf: String, expect: String)] = [
            ("2026-12-29", nil, "2027-01-10", #""stage":"rg-pending","rg-due":"2027-01-03","outstanding":"rg-decision","due":"2027-01-03","overdue":true,"overdue-days":7"#),
            ("2028-02-26", nil, "2028-03-02", #""rg-due":"2028-03-02","outstanding":"rg-decision","due":"2028-03-02","overdue":false,"overdue-days":0"#),
            ("2027-02-26", nil, "2027-03-05", #""rg-due":"2027-03-03","outstanding":"rg-decision","due":"2027-03-03","overdue":true,"overdue-days":2"#),
            ("2028-01-31", "2028-02-04", "2028-03-30", #""stage":"cg-pending","rg-due":"2028-02-05","rg-decided":"2028-02-04","rg-outcome":"positive","recovery-ends":"2028-03-20","cg-due":"2028-03-20","outstanding":"cg-decision","due":"2028-03-20","overdue":true,"overdue-days":10"#),
            ("2026-11-17", "2026-11-20", "2027-01-03", #""stage":"rg-positive","rg-due":"2026-11-22","rg-decided":"2026-11-20","rg-outcome":"positive","recovery-ends":"2027-01-04","cg-due":"2027-01-04","outstanding":"cg-decision","due":"2027-01-04","overdue":false,"overdue-days":0"#),
        ]
        for (k, row) in table.enumerated() {
            var input = try Tools.run(tool, newChild("ref-\(k)", received: row.received)).stdout
            if let rg = row.rg {
                input.append(try Tools.run(tool, ["decide", "ref-\(k)", "--stage", "rg", "--outcome", "positive", "--on", rg]).stdout)
            }
            let r = try Tools.run(tool, ["status", "--as-of", row.asOf], stdin: input)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.out.contains(row.expect), "row \(k): \(r.out)")
        }
    }

    func testOverridesOfTheTimescales() throws {
        var input = try Tools.run(tool, newChild("ref-1", received: "2026-11-01")).stdout
        input.append(try Tools.run(tool, ["decide", "ref-1", "--stage", "rg", "--outcome", "positive", "--on", "2026-11-02"]).stdout)
        let r = try Tools.run(tool, ["status", "--as-of", "2026-11-10", "--rg-days", "2", "--recovery-days", "30"], stdin: input)
        XCTAssertTrue(r.out.contains(#""rg-due":"2026-11-03""#) && r.out.contains(#""recovery-ends":"2026-12-02""#), r.out)
        XCTAssertEqual(try Tools.run(tool, ["status", "--rg-days", "five"], stdin: input).status, 64)
        XCTAssertEqual(try Tools.run(tool, ["status", "--as-of", "2025-02-30"], stdin: input).status, 64)
    }

    func testIndicatorCatalogue() throws {
        let all = try Tools.run(tool, ["indicators"])
        XCTAssertEqual(all.status, 0)
        try Tools.assertValidAgainstSchemas(all.stdout)
        let child = try Tools.run(tool, ["indicators", "--child", "--setting", "schools"])
        XCTAssertEqual(child.lines.count, 2)
        XCTAssertTrue(child.out.contains("child-unexplained-school-absence"))
        let adult = try Tools.run(tool, ["indicators", "--adult"])
        XCTAssertFalse(adult.out.contains(#""group":"child""#))
        XCTAssertTrue(adult.out.contains("debt-bondage"), "control methods apply to anyone")
        XCTAssertEqual(try Tools.run(tool, ["indicators", "--setting", "moon"]).status, 64)
    }

    /// Eight writers appending 250 referrals each to one case file: exactly 2,000 whole, valid lines.
    func testConcurrentAppendsNeverInterleave() throws {
        let dir = Tools.scratch()
        let file = dir.appendingPathComponent("case.ndjson").path
        let script = """
        for w in 1 2 3 4 5 6 7 8; do
          ( i=0; while [ $i -lt 250 ]; do
              nrm-referral new --id "ref-$w-$i" --subject "S-$w-$i" --claimed-age 15 --sex female --first-responder police \
                --exploitation sexual --account "writer $w record $i $(printf 'x%.0s' $(seq 1 $((i % 50))))" --append '\(file)' 2>/dev/null || exit 1
              i=$((i+1))
            done ) &
        done
        fail=0; for j in 1 2 3 4 5 6 7 8; do wait -n || fail=1; done; exit $fail
        """
        let r = try Tools.process(URL(fileURLWithPath: "/bin/bash"), ["-c", script], stdin: nil, cwd: nil,
                                  path: Tools.binDir.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""))
        XCTAssertEqual(r.status, 0, r.stderr)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 2001)
        XCTAssertEqual(lines.last?.count, 0, "the file ends with a newline")
        let validated = try Tools.run(tool, ["validate", file])
        XCTAssertEqual(validated.status, 0, String(validated.stderr.prefix(500)))
        XCTAssertEqual(validated.lines.count, 2000)
        XCTAssertEqual(Set(validated.lines.map { $0.components(separatedBy: "\"id\":\"")[1].prefix(while: { $0 != "\"" }) }).count, 2000)
        var st = stat()
        stat(file, &st)
        XCTAssertEqual(st.st_mode & 0o777, 0o600)
    }
}

/// Issue 18: --rules sources|current and SAFEGUARD_RULES.
final class NRMRulesTests: XCTestCase {
    let tool = "nrm-referral"

    func testRGDueDatesAndTheRuleSetInTheOutput() throws {
        let dir = Tools.scratch()
        let r = try Tools.run(tool, ["new", "--id", "ref-e1", "--subject", "S-1", "--claimed-age", "15", "--sex", "female",
                                     "--first-responder", "police", "--exploitation", "sexual", "--received", "2025-04-17"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let current = try Tools.run(tool, ["status", "--rules", "current", "--as-of", "2025-04-30"], stdin: r.stdout)
        XCTAssertEqual(current.status, 0, current.stderr)
        XCTAssertTrue(current.out.contains(#""rg-due":"2025-04-28""#) && current.out.contains(#""rules":"current""#), current.out)
        try Tools.assertValidAgainstSchemas(current.stdout)
        let sources = try Tools.run(tool, ["status", "--as-of", "2025-04-30"], stdin: r.stdout)
        XCTAssertTrue(sources.out.contains(#""rg-due":"2025-04-22""#) && sources.out.contains(#""rules":"sources""#), sources.out)
        try Tools.assertValidAgainstSchemas(sources.stdout)
        // The environment sets the rule set; --rules overrides it; a bad value is a usage error.
        let env = try Tools.sh("SAFEGUARD_RULES=current nrm-referral status --as-of 2025-04-30", stdin: r.stdout, cwd: dir)
        XCTAssertTrue(env.out.contains(#""rg-due":"2025-04-28""#), env.out + env.stderr)
        let flag = try Tools.sh("SAFEGUARD_RULES=current nrm-referral status --rules sources --as-of 2025-04-30", stdin: r.stdout, cwd: dir)
        XCTAssertTrue(flag.out.contains(#""rg-due":"2025-04-22""#), flag.out + flag.stderr)
        let bad = try Tools.sh("SAFEGUARD_RULES=2015 nrm-referral status --as-of 2025-04-30", stdin: r.stdout, cwd: dir)
        XCTAssertEqual(bad.status, 64, bad.stderr)
        XCTAssertTrue(bad.stderr.contains("SAFEGUARD_RULES"), bad.stderr)
        // A one-off holiday from --holidays moves the date on.
        try "2025-04-28 a one-off\n".write(to: dir.appendingPathComponent("holidays"), atomically: true, encoding: .utf8)
        let holiday = try Tools.run(tool, ["status", "--rules", "current", "--holidays", dir.appendingPathComponent("holidays").path,
                                           "--as-of", "2025-04-30"], stdin: r.stdout)
        XCTAssertTrue(holiday.out.contains(#""rg-due":"2025-04-29""#), holiday.out + holiday.stderr)
    }

    func testUnderCurrentRulesACGSoonerThan30DaysAfterTheRGIsRefused() throws {
        let dir = Tools.scratch()
        let file = dir.appendingPathComponent("case.ndjson").path
        for args in [["new", "--id", "ref-e2", "--subject", "S-2", "--claimed-age", "15", "--sex", "male", "--first-responder", "police",
                      "--exploitation", "criminal", "--received", "2026-01-05", "--append", file],
                     ["decide", "ref-e2", "--stage", "rg", "--outcome", "positive", "--on", "2026-01-08", "--append", file]] {
            let r = try Tools.run(tool, args)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let early = try Tools.run(tool, ["decide", "ref-e2", "--stage", "cg", "--outcome", "positive", "--on", "2026-02-06",
                                         "--rules", "current", "--append", file])
        XCTAssertEqual(early.status, 65, early.stderr)
        XCTAssertTrue(early.stderr.contains("no sooner"), early.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "nothing written")
        // The same decision written under the sources' rules is reported by status and validate under current.
        let kept = try Tools.run(tool, ["decide", "ref-e2", "--stage", "cg", "--outcome", "positive", "--on", "2026-02-06",
                                        "--confirm-early-cg", "--id", "dec-early"])
        XCTAssertEqual(kept.status, 0, kept.stderr)
        var withEarly = before; withEarly.append(kept.stdout)
        let status = try Tools.run(tool, ["status", "--rules", "current", "--as-of", "2026-03-01"], stdin: withEarly)
        XCTAssertEqual(status.status, 65, status.stderr)
        XCTAssertTrue(status.stderr.contains(":3:") && status.stderr.contains("no sooner"), status.stderr)
        let validate = try Tools.run(tool, ["validate", "--rules", "current"], stdin: withEarly)
        XCTAssertEqual(validate.status, 65, validate.stderr)
        // 30 days after the RG is accepted.
        let onTime = try Tools.run(tool, ["decide", "ref-e2", "--stage", "cg", "--outcome", "positive", "--on", "2026-02-07",
                                          "--rules", "current", "--append", file])
        XCTAssertEqual(onTime.status, 0, onTime.stderr)
        let after = try Tools.run(tool, ["validate", "--rules", "current", file])
        XCTAssertEqual(after.status, 0, after.stderr)
        let st = try Tools.run(tool, ["status", "--rules", "current", "--as-of", "2026-03-01", file])
        XCTAssertTrue(st.out.contains(#""stage":"cg-positive""#) && st.out.contains(#""rules":"current""#), st.out)
        try Tools.assertValidAgainstSchemas(st.stdout)
    }

    func testHistoricCodesAreRefusedForNewRecordsUnderCurrentRules() throws {
        let base = ["new", "--id", "ref-h1", "--subject", "S-5", "--claimed-age", "15", "--sex", "male", "--exploitation", "labour"]
        let refused = try Tools.run(tool, base + ["--first-responder", "poppy-project", "--rules", "current"])
        XCTAssertEqual(refused.status, 64, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("historic") && refused.out.isEmpty, refused.stderr)
        XCTAssertEqual(try Tools.run(tool, base + ["--first-responder", "police", "--competent-authority", "ukhtc", "--rules", "current"]).status, 64)
        let old = try Tools.run(tool, base + ["--first-responder", "poppy-project", "--competent-authority", "ukhtc"])
        XCTAssertEqual(old.status, 0, old.stderr)
        let read = try Tools.run(tool, ["validate", "--rules", "current"], stdin: old.stdout)
        XCTAssertEqual(read.status, 0, "historic codes are still read: \(read.stderr)")
        let current = try Tools.run(tool, base + ["--first-responder", "police", "--competent-authority", "ieca", "--rules", "current"])
        XCTAssertEqual(current.status, 0, current.stderr)
        try Tools.assertValidAgainstSchemas(current.stdout)
        let help = try Tools.run(tool, ["new", "--help"])
        XCTAssertTrue(help.out.contains("historic (still read"), help.out)
    }

    /// Today's first responders are codes, accepted under either rule set; none of them is historic.
    func testTodaysFirstRespondersAreAccepted() throws {
        let base = ["new", "--id", "ref-f1", "--subject", "S-6", "--claimed-age", "15", "--sex", "male", "--exploitation", "labour", "--received", "2026-01-05"]
        var out = Data()
        for code in ["ukvi", "border-force", "immigration-enforcement", "nca", "glaa", "migrant-help", "medaille-trust", "unseen",
                     "bawso", "new-pathways", "refugee-council", "hsc-trust", "salvation-army", "tara", "kalayaan", "barnardos", "nspcc"] {
            let r = try Tools.run(tool, base + ["--first-responder", code, "--rules", "current"])
            XCTAssertEqual(r.status, 0, "\(code): \(r.stderr)")
            XCTAssertTrue(r.out.contains(#""first-responder":"\#(code)""#), r.out)
            out.append(r.stdout)
        }
        try Tools.assertValidAgainstSchemas(out)
        let help = try Tools.run(tool, ["new", "--help"])
        XCTAssertTrue(help.out.contains("glaa") && help.out.contains("medaille-trust") && help.out.contains("hsc-trust"), help.out)
    }

    /// A county-lines flag on a referral: needs criminal exploitation; written only when set; asked at the prompt under current.
    func testCountyLinesFlag() throws {
        let base = ["new", "--id", "ref-cl", "--subject", "S-7", "--claimed-age", "15", "--sex", "male", "--first-responder", "police",
                    "--received", "2026-01-05"]
        let flagged = try Tools.run(tool, base + ["--exploitation", "criminal", "--county-lines", "--rules", "current"])
        XCTAssertEqual(flagged.status, 0, flagged.stderr)
        XCTAssertTrue(flagged.out.contains(#""county-lines":true"#), flagged.out)
        XCTAssertTrue(flagged.out.hasPrefix(#"{"kind":"referral","v":1,"rules":"current","#), "a record made under current rules says so: \(flagged.out)")
        XCTAssertTrue(try Tools.run(tool, base + ["--exploitation", "criminal", "--county-lines"]).out.hasPrefix(#"{"kind":"referral","v":1,"rules":"sources","#),
                      "a record made under the sources' rules names them")
        try Tools.assertValidAgainstSchemas(flagged.stdout)
        XCTAssertEqual(try Tools.run(tool, ["validate"], stdin: flagged.stdout).status, 0)
        let notCriminal = try Tools.run(tool, base + ["--exploitation", "labour", "--county-lines"])
        XCTAssertEqual(notCriminal.status, 65, notCriminal.stderr)
        XCTAssertTrue(notCriminal.stderr.contains("criminal") && notCriminal.out.isEmpty, notCriminal.stderr)
        let plain = try Tools.run(tool, base + ["--exploitation", "criminal"])
        XCTAssertFalse(plain.out.contains("county-lines"), plain.out)
        // The other records made under current rules name it too, and every one validates.
        let notice = try Tools.run(tool, ["notify", "--id", "dtn-c", "--first-responder", "glaa", "--sex", "female", "--exploitation", "labour",
                                          "--on", "2026-01-05", "--rules", "current"])
        XCTAssertEqual(notice.status, 0, notice.stderr)
        let decision = try Tools.run(tool, ["decide", "ref-cl", "--id", "dec-c", "--stage", "rg", "--outcome", "positive", "--on", "2026-01-08", "--rules", "current"])
        XCTAssertEqual(decision.status, 0, decision.stderr)
        for r in [notice, decision] { XCTAssertTrue(r.out.contains(#""rules":"current""#), r.out) }
        try Tools.assertValidAgainstSchemas(flagged.stdout + notice.stdout + decision.stdout)
        XCTAssertEqual(try Tools.run(tool, ["validate"], stdin: flagged.stdout + notice.stdout + decision.stdout).status, 0)
        let badRules = flagged.out.replacingOccurrences(of: #""rules":"current""#, with: #""rules":"2019""#)
        XCTAssertEqual(try Tools.run(tool, ["validate"], stdin: badRules.data).status, 65)
        // A record that says county lines without criminal exploitation is refused when read.
        let tampered = flagged.out.replacingOccurrences(of: #""exploitation":["criminal"]"#, with: #""exploitation":["labour"]"#)
        XCTAssertEqual(try Tools.run(tool, ["validate"], stdin: tampered.data).status, 65)
        // At the prompt under current rules, a criminal-exploitation referral is asked the question.
        let answers = ["S-7", "", "2026-01-05", "", "15", "n", "male", "", "", "n", "police", "criminal", "y", "", ""]
        let prompted = try Tools.run(tool, ["new", "--interactive", "--yes", "--rules", "current", "--id", "ref-cl"],
                                     stdin: Data((answers.joined(separator: "\n") + "\n").utf8))
        XCTAssertEqual(prompted.status, 0, prompted.stderr)
        XCTAssertEqual(prompted.out, flagged.out, "the prompt and the options made different records")
    }
}
