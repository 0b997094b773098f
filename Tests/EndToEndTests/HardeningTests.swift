import XCTest

/// The suite under bad input, faults and misuse (SECURITY.md says what each test shows).
final class HardeningTests: XCTestCase {
    func sh(_ script: String) throws -> Tools.Result { try Tools.sh(script, cwd: Tools.packageRoot) }

    /// A reader that goes away (`| head -1`) is not an error for a filter: no message.
    func testAClosedPipeEndsQuietly() throws {
        let big = Tools.scratch().appendingPathComponent("big.ndjson").path
        XCTAssertEqual(try sh("python3 examples/generate.py --seed 1 --count 20000 > \(big)").status, 0)
        for pipeline in ["nrm-referral indicators", "nrm-referral validate \(big)", "csv-report flatten --columns id \(big)",
                         "nrm-referral status --as-of 2026-01-01 \(big)", "age-assess age --on 2026-01-01 \(big)"] {
            let r = try sh("\(pipeline) | head -1 >/dev/null; echo done")
            XCTAssertEqual(r.out, "done\n", pipeline)
            XCTAssertEqual(r.stderr, "", "\(pipeline): no error text on a closed pipe")
        }
    }

    /// Writing to a full disk is exit 74 with a clear message, never silent truncation.
    func testAFullDiskIsExit74() throws {
        for command in ["nrm-referral indicators", "csv-report flatten --columns id examples/case.ndjson",
                        "nrm-referral status --as-of 2026-11-23 examples/case.ndjson", "missing-child ssda903 --year 2026 /dev/null"] {
            let r = try sh("\(command) > /dev/full")
            XCTAssertEqual(r.status, 74, command)
            XCTAssertTrue(r.stderr.contains("cannot write to standard output: No space left on device"), "\(command): \(r.stderr)")
        }
    }

    /// kill -9 at random points during --append, 100 times: never a partial line.
    func testKillingWritersNeverLeavesAPartialLine() throws {
        let file = Tools.scratch().appendingPathComponent("case.ndjson").path
        let script = """
        for i in $(seq 1 100); do
          nrm-referral new --id "ref-k$i" --subject "S-$i" --claimed-age 15 --sex female --first-responder police --exploitation sexual \
            --account "$(head -c $((i * 97)) /dev/zero | tr '\\0' x)" --append '\(file)' 2>/dev/null &
          pid=$!
          sleep 0.00$((RANDOM % 9))
          kill -9 $pid 2>/dev/null
          wait $pid 2>/dev/null
        done
        exit 0
        """
        XCTAssertEqual(try sh(script).status, 0)
        let data = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
        XCTAssertTrue(data.isEmpty || data.last == 0x0A, "the file ends with a whole line")
        if !data.isEmpty {
            let r = try Tools.run("nrm-referral", ["validate", file])
            XCTAssertEqual(r.status, 0, "every line is whole and valid: \(r.stderr.prefix(300))")
        }
    }

    /// Every file the tools create is 0600, whatever the umask.
    func testEveryFileCreatedIsPrivate() throws {
        let dir = Tools.scratch().path
        let script = """
        umask 000
        nrm-referral new --subject S-1 --claimed-age 12 --sex male --first-responder police --exploitation labour --append \(dir)/a.ndjson 2>/dev/null
        age-assess new --person S-1 --claimed-age 12 --documents none --outcome inconclusive --conclusion child --append \(dir)/b.ndjson 2>/dev/null
        missing-child placement --child C-1 --dob 2012-01-01 --placement Home --start 2026-01-01 --no-trafficking-concern --append \(dir)/c.ndjson 2>/dev/null
        care-plan new --person S-1 --claimed-age 12 --append \(dir)/d.ndjson 2>/dev/null
        echo 'not json' | csv-report flatten --columns id --rejects \(dir)/e.rejects >/dev/null 2>&1
        echo 'not json' | nrm-referral validate --rejects \(dir)/f.rejects >/dev/null 2>&1
        stat -c '%a %n' \(dir)/*
        """
        let r = try sh(script)
        let modes = r.lines
        XCTAssertEqual(modes.count, 6, r.out + r.stderr)
        for line in modes { XCTAssertTrue(line.hasPrefix("600 "), line) }
    }

    /// A 100 MiB line is refused with a clear message and bounded memory, and the next line is read.
    func testAHugeLineIsRefusedInBoundedMemory() throws {
        let dir = Tools.scratch()
        let file = dir.appendingPathComponent("huge.ndjson").path
        let write = #"import sys; f = open(sys.argv[1], "wb"); f.write(b'{"id":"' + b"a" * 104857600 + b'"}\n{"id":"after"}\n')"#
        XCTAssertEqual(try Tools.process(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", write, file], stdin: nil, cwd: nil).status, 0)
        let r = try sh("/usr/bin/time -f 'rss=%M' csv-report flatten --columns id --rejects \(dir.path)/rej \(file)")
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.out, "id\nafter\n", "the next line is still read")
        XCTAssertTrue(r.stderr.contains("\(file):1: line is 104857609 bytes, over the limit of 16777216"), r.stderr)
        let rss = Int(r.stderr.components(separatedBy: "rss=").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? Int.max
        XCTAssertLessThan(rss, 64 * 1024, "kilobytes: the line is never held whole")
        let rejected = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("rej").path)[.size] as? Int
        XCTAssertEqual(rejected, 104857610, "the rejects file keeps the line byte for byte")
        // Every tool that reads input, with --rejects (validate's was 82 MiB before issue 11).
        for command in ["nrm-referral validate", "nrm-referral status", "age-assess check", "age-assess status", "age-assess age --on 2026-01-01",
                        "missing-child report --as-of 2026-01-01T00:00:00Z", "missing-child ssda903 --year 2026", "care-plan check",
                        "csv-report count --by kind", "csv-report nrm-stats"] {
            let r = try sh("/usr/bin/time -f 'rss=%M' \(command) --rejects \(dir.path)/rej2 \(file) > /dev/null")
            XCTAssertEqual(r.status, 65, "\(command): \(r.stderr.suffix(300))")
            let rss = Int(r.stderr.components(separatedBy: "rss=").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? Int.max
            XCTAssertLessThan(rss, 64 * 1024, "\(command): kilobytes")
        }
    }

    /// Invalid UTF-8, a NUL byte, a BOM, CRLF line ends and a last line without a newline.
    func testAwkwardBytes() throws {
        var input = Data([0xEF, 0xBB, 0xBF]) + #"{"id":"bom"}"#.data + "\r\n".data
        input += Data(#"{"id":"bad"#.utf8) + Data([0xFF]) + #""}"#.data + "\n".data
        input += Data(#"{"id":"nul"#.utf8) + Data([0x00]) + #""}"#.data + "\n".data
        input += #"{"id":"crlf"}"#.data + "\r\n".data + #"{"id":"last"}"#.data
        let r = try Tools.run("csv-report", ["flatten", "--columns", "id"], stdin: input)
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.out, "id\nbom\ncrlf\nlast\n")
        XCTAssertTrue(r.stderr.contains("<stdin>:2: invalid JSON at column 11: invalid UTF-8 byte 0xFF"), r.stderr)
        XCTAssertTrue(r.stderr.contains("<stdin>:3: invalid JSON at column 11: a control character must be escaped inside a string"), r.stderr)
    }

    /// Diagnostics name the line and the field, never the personal data in it.
    func testNoPersonalDataReachesStandardError() throws {
        let names = ["Synthetic Alice Example", "Synthetic Bob Example"], dobs = ["2009-04-17", "1999-13-40", "2011-02-30"]
        let lines = [
            #"{"kind":"referral","v":1,"id":"r1","received":"2026-11-20","first-responder":"police","subject":{"id":"S-1","name":"\#(names[0])","dob":"\#(dobs[1])","age-disputed":false,"sex":"female","languages":[],"interpreter-needed":false},"treated-as":"child","age-basis":"under-18","exploitation":["sexual"],"indicators":[],"consent":{"status":"not-required-child"}}"#,
            #"{"kind":"referral","v":1,"id":"r2","received":"2026-11-20","first-responder":"police","subject":{"id":"S-2","name":7,"dob":"\#(dobs[0])","age-disputed":false,"sex":"female","languages":[],"interpreter-needed":false},"treated-as":"adult","age-basis":"under-18","exploitation":["sexual"],"indicators":[],"consent":{"status":"not-required-child"}}"#,
            #"{"kind":"referral","v":1,"id":"r3","received":"\#(dobs[2])","first-responder":"police","subject":{"id":"S-3","name":"\#(names[1])","dob":"\#(dobs[0])","age-disputed":false,"sex":"female","languages":[],"interpreter-needed":false},"treated-as":"child","age-basis":"under-18","exploitation":["sexual"],"indicators":[],"consent":{"status":"not-required-child"},"account":"\#(names[1]) was at \#(dobs[0])"}"#,
            #"{"kind":"placement","v":1,"id":"p1","child":"C-1","dob":"\#(dobs[1])","placement":"\#(names[0])","start":"2026-01-01","trafficking-concern":false}"#,
            #"{"kind":"age-assessment","v":1,"id":"a1","person":"S-1","date":"2026-01-01","claimed":{"dob":"\#(dobs[2])"},"documents":"none","assessors":[],"interpreter-needed":false,"interpreter":"none","appropriate-adult":true,"purpose-explained":true,"adverse-points-put":true,"factors":[],"reasons":"\#(names[0])","outcome":"inconclusive","conclusion":"child"}"#,
        ]
        let input = (lines.joined(separator: "\n") + "\n").data
        var stderr = ""
        for (tool, args) in [("nrm-referral", ["validate"]), ("nrm-referral", ["status"]), ("age-assess", ["check"]), ("age-assess", ["status"]),
                             ("missing-child", ["report", "--as-of", "2026-11-23T00:00:00Z"]), ("csv-report", ["flatten", "--columns", "id,subject.dob", "--age-band"]),
                             ("csv-report", ["nrm-stats"])] {
            let r = try Tools.run(tool, args, stdin: input)
            XCTAssertNotEqual(r.status, 0, "\(tool) \(args) found the bad lines")
            stderr += r.stderr
        }
        XCTAssertTrue(stderr.contains(":1: "), stderr)
        for secret in names + dobs { XCTAssertFalse(stderr.contains(secret), "\(secret) in: \(stderr)") }
    }

    /// Control characters never reach a terminal, a log or a printer raw: not
    /// on standard error (here in a file name), not in a care-plan summary.
    func testControlCharactersAreShownEscaped() throws {
        let dir = Tools.scratch()
        let missing = try Tools.run("csv-report", ["flatten", dir.appendingPathComponent("in\u{1B}[8mvisible\u{7}").path])
        XCTAssertEqual(missing.status, 66)
        XCTAssertFalse(missing.stderr.contains("\u{1B}") || missing.stderr.contains("\u{7}"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("in\\x1b[8mvisible\\x07"), missing.stderr)
        let plan = dir.appendingPathComponent("plan.ndjson").path
        XCTAssertEqual(try Tools.run("care-plan", ["new", "--id", "cp-e", "--person", "S-E", "--date", "2026-10-01", "--claimed-age", "24",
                                                   "--need", "accommodation", "--agency", "support-provider", "--public-funds", "no", "--append", plan]).status, 0)
        XCTAssertEqual(try Tools.run("care-plan", ["action", "cp-e", "--action", "act-1", "--need", "accommodation", "--owner", "Hes\u{1B}[8mtia\u{C2}\u{9B}",
                                                   "--due", "2026-10-08", "--date", "2026-10-01", "--append", plan]).status, 0)
        let summary = try Tools.run("care-plan", ["summary", "cp-e", "--as-of", "2026-10-20", plan])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertFalse(summary.out.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, summary.out)
        XCTAssertTrue(summary.out.contains("Hes\\x1b[8mtia"), summary.out)
    }

    /// csv-report's default output holds no field the schemas mark as personal, from any subcommand.
    func testCSVReportDefaultOutputHasNoPersonalData() throws {
        let dir = Tools.scratch().path
        let make = """
        nrm-referral new --id ref-1 --subject S-1 --name 'Synthetic Carol Example' --dob 2010-06-07 --sex female --first-responder police \
          --exploitation sexual --received 2026-11-20 --account 'Synthetic account of Carol at Synthetic Street' --append \(dir)/all.ndjson
        age-assess new --id aa-1 --person S-1 --claimed-dob 2010-06-08 --documents none --outcome assessed-older --assessed-dob 2008-06-09 \
          --conclusion adult --reasons 'Synthetic reasons about Carol' --append \(dir)/all.ndjson
        missing-child placement --child S-1 --dob 2010-06-07 --placement 'Synthetic Safe House Address' --start 2026-11-01 --no-trafficking-concern --append \(dir)/all.ndjson
        missing-child start --child S-1 --last-seen 2026-11-20T10:00:00Z --type missing --from 'Synthetic Safe House Address' --append \(dir)/all.ndjson
        missing-child return --child S-1 --returned 2026-11-21T10:00:00Z --found-at 'Synthetic Found Street' --to placement --append \(dir)/all.ndjson
        care-plan new --id cp-1 --person S-1 --dob 2010-06-07 --missing-strategy 'Synthetic strategy naming Carol' --append \(dir)/all.ndjson
        care-plan review cp-1 --papers-complete --note 'Synthetic note about Carol' --append \(dir)/all.ndjson
        care-plan action cp-1 --need safety --owner LA --due 2030-01-01 --description 'Synthetic action for Carol' --append \(dir)/all.ndjson
        """
        XCTAssertEqual(try sh(make + " 2>/dev/null").status, 0)
        let secrets = ["Carol", "2010-06-0", "2008-06-09", "Synthetic Safe House Address", "Synthetic Found Street", "Synthetic Street"]
        let file = "\(dir)/all.ndjson"
        var outputs = ""
        for args in [["flatten", file], ["flatten", "--kind", "referral", file], ["flatten", "--kind", "age-assessment", file],
                     ["flatten", "--kind", "placement", file], ["flatten", "--kind", "missing-start", file], ["flatten", "--kind", "missing-return", file],
                     ["flatten", "--kind", "care-plan", file], ["flatten", "--kind", "care-plan-review", file], ["flatten", "--kind", "care-plan-action", file],
                     ["flatten", "--columns", "subject,claimed,assessed,child,changes", file],
                     ["count", "--by", "kind", file], ["nrm-stats", file]] {
            let r = try Tools.run("csv-report", args)
            outputs += r.out
        }
        XCTAssertFalse(outputs.isEmpty)
        for secret in secrets { XCTAssertFalse(outputs.contains(secret), "\(secret) in csv-report's default output") }
    }

    /// 16 writers append 5,000 referrals each to one case file while a reader
    /// runs `status` over it in a loop: every read succeeds, and afterwards
    /// every line is valid and all 80,000 records are there.
    func testSixteenWritersAndAReader() throws {
        let dir = Tools.scratch().path
        let file = "\(dir)/case.ndjson"
        // `make test` runs 500 each; `make soak` runs 5,000 each (SAFEGUARD_RECORDS_PER_WRITER).
        let each = Int(ProcessInfo.processInfo.environment["SAFEGUARD_RECORDS_PER_WRITER"] ?? "") ?? 5000
        let script = """
        : > \(file).readers
        ( while [ ! -e \(dir)/done ]; do
            if [ -e \(file) ]; then nrm-referral status --as-of 2026-01-01 \(file) > /dev/null 2>> \(dir)/reader.err || echo fail >> \(file).readers; echo run >> \(file).readers; fi
          done ) &
        reader=$!
        for w in $(seq 1 16); do
          ( i=0; while [ $i -lt \(each) ]; do
              nrm-referral new --id "ref-$w-$i" --subject "S-$w-$i" --claimed-age 14 --sex male --first-responder police \\
                --exploitation labour --received 2025-12-01 --append \(file) 2>/dev/null || exit 1
              i=$((i+1))
            done ) &
        done
        fail=0; for j in $(seq 1 16); do wait -n || fail=1; done
        touch \(dir)/done; wait $reader
        echo "reads: $(grep -c run \(file).readers) failed: $(grep -c fail \(file).readers)"
        exit $fail
        """
        let r = try Tools.process(URL(fileURLWithPath: "/bin/bash"), ["-c", script], stdin: nil, cwd: nil,
                                  path: Tools.binDir.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.out.hasSuffix("failed: 0\n"), "every concurrent read succeeded: \(r.out)")
        XCTAssertFalse(r.out.hasPrefix("reads: 0 "), "the reader ran: \(r.out)")
        let validated = try Tools.run("nrm-referral", ["validate", file])
        XCTAssertEqual(validated.status, 0, String(validated.stderr.prefix(300)))
        XCTAssertEqual(validated.lines.count, 16 * each)
        let status = try Tools.run("nrm-referral", ["status", "--as-of", "2026-01-01", file])
        XCTAssertEqual(status.lines.count, 16 * each, "one status per referral: none lost")
    }
}
