import Foundation
import XCTest

/// Issue 11, file safety: a case file never loses a byte, outputs are never
/// links, devices, another user's files or an input, readers never see half a
/// record, and what is written reads back. Real processes throughout.
final class CaseFileSafetyTests: XCTestCase {
    let newReferral = "nrm-referral new --subject S-1 --claimed-age 15 --sex female --first-responder police --exploitation sexual --received 2026-01-01"

    func sh(_ script: String) throws -> Tools.Result {
        try Tools.process(URL(fileURLWithPath: "/bin/bash"), ["-c", script], stdin: nil, cwd: Tools.packageRoot,
                          path: Tools.binDir.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"))
    }

    func bytes(_ path: String) -> Data { (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data() }

    /// A last record without its newline is kept; a torn one moves byte for byte to FILE.torn, and the file then validates.
    func testNothingIsDeleted() throws {
        let dir = Tools.scratch().path
        let one = #"{"kind":"referral-note","v":1,"id":"n-1"}"#
        try one.write(toFile: "\(dir)/one.ndjson", atomically: false, encoding: .utf8)
        var r = try sh("\(newReferral) --id ref-1 --append \(dir)/one.ndjson")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(String(decoding: bytes("\(dir)/one.ndjson"), as: UTF8.self).hasPrefix(one + "\n{\"kind\":\"referral\""), "the record is kept")
        XCTAssertTrue(r.stderr.contains("the newline was added and the record kept"), r.stderr)

        let torn = Data(#"{"kind":"referral","v":1,"id":"ref-2","subject":{"na"#.utf8) + Data([0xC3])
        let before = bytes("\(dir)/one.ndjson")
        try (before + torn).write(to: URL(fileURLWithPath: "\(dir)/one.ndjson"))
        r = try sh("\(newReferral) --id ref-3 --append \(dir)/one.ndjson")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("moved byte for byte to \(dir)/one.ndjson.torn"), r.stderr)
        XCTAssertEqual(bytes("\(dir)/one.ndjson.torn"), torn + Data([0x0A]), "the torn bytes, then a newline")
        XCTAssertTrue(bytes("\(dir)/one.ndjson").starts(with: before))
        r = try sh("stat -c %a \(dir)/one.ndjson.torn; nrm-referral validate --pass \(dir)/one.ndjson | wc -l")
        XCTAssertEqual(r.out, "600\n3\n", "FILE.torn is private; the case file is clean: \(r.stderr)")
    }

    /// --rejects or --append naming an input, directly or through a symbolic or hard link: exit 64, the input untouched.
    func testOutputsThatAliasInputsAreRefused() throws {
        let dir = Tools.scratch().path
        let r0 = try sh("cp examples/case.ndjson \(dir)/c.ndjson && ln -s \(dir)/c.ndjson \(dir)/sym && ln \(dir)/c.ndjson \(dir)/hard")
        XCTAssertEqual(r0.status, 0)
        let original = bytes("\(dir)/c.ndjson")
        for output in ["c.ndjson", "sym", "hard"] {
            for command in ["nrm-referral status --rejects \(dir)/\(output) \(dir)/c.ndjson",
                            "nrm-referral validate --rejects \(dir)/\(output) - < \(dir)/c.ndjson",
                            "csv-report flatten --rejects \(dir)/\(output) \(dir)/c.ndjson",
                            "care-plan new --from-referral ref-001 --append \(dir)/\(output) \(dir)/c.ndjson",
                            "\(newReferral) --age-disputed --assessments \(dir)/c.ndjson --append \(dir)/\(output)"] {
                let r = try sh(command + " > /dev/null")
                XCTAssertEqual(r.status, 64, "\(command): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains("it is also an input"), r.stderr)
                XCTAssertEqual(bytes("\(dir)/c.ndjson"), original, command)
            }
        }
    }

    /// A symbolic link, a FIFO, a device, a directory or another user's file as an output: exit 73 at once, nothing changed.
    func testUnsafeOutputsAreRefusedAtOnce() throws {
        let dir = Tools.scratch().path
        XCTAssertEqual(try sh("echo keep > \(dir)/target && chmod 644 \(dir)/target && ln -s \(dir)/target \(dir)/link && ln -s \(dir)/nowhere \(dir)/dangling && mkfifo \(dir)/fifo").status, 0)
        var outputs = ["link", "dangling", "fifo", "/dev/null", "."]
        if getuid() == 0 {
            XCTAssertEqual(try sh("echo theirs > \(dir)/theirs && chown 65534 \(dir)/theirs").status, 0)
            outputs.append("theirs")
        } else {
            print("CaseFileSafetyTests: another user's file is tested only as root (chown)")
        }
        for output in outputs {
            let path = output.hasPrefix("/") ? output : "\(dir)/\(output)"
            for command in ["\(newReferral) --append \(path)", "nrm-referral validate --rejects \(path) examples/bad-lines.ndjson",
                            "csv-report count --by kind --rejects \(path) examples/bad-lines.ndjson"] {
                let start = Date()
                let r = try sh("timeout 10 \(command) > /dev/null")
                XCTAssertEqual(r.status, 73, "\(command): \(r.stderr)")
                XCTAssertLessThan(Date().timeIntervalSince(start), 5, "\(command) returned at once")
            }
        }
        let r = try sh("cat \(dir)/target; stat -c %a \(dir)/target; test ! -e \(dir)/nowhere && echo none; stat -c %a /dev/null")
        XCTAssertEqual(r.out, "keep\n644\nnone\n666\n", "nothing was changed or created")
        if getuid() == 0 { XCTAssertEqual(String(decoding: bytes("\(dir)/theirs"), as: UTF8.self), "theirs\n") }
    }

    /// A file of one's own that others can read is narrowed to 0600, with a note.
    func testAWiderModeIsNarrowed() throws {
        let dir = Tools.scratch().path
        let r = try sh("umask 022; echo old > \(dir)/rej; \(newReferral) --append \(dir)/c.ndjson 2>/dev/null; chmod 664 \(dir)/c.ndjson; "
                       + "\(newReferral) --append \(dir)/c.ndjson; echo bad | nrm-referral validate --rejects \(dir)/rej; stat -c %a \(dir)/c.ndjson \(dir)/rej")
        XCTAssertEqual(r.lines.suffix(2), ["600", "600"])
        XCTAssertTrue(r.stderr.contains("\(dir)/c.ndjson could be read by others; its mode is now 0600"), r.stderr)
        XCTAssertTrue(r.stderr.contains("\(dir)/rej could be read by others; its mode is now 0600"), r.stderr)
    }

    /// The rejects file is opened only once every input is: a missing input leaves an old one as it was.
    func testAMissingInputLeavesTheRejectsFileAlone() throws {
        let dir = Tools.scratch().path
        for command in ["nrm-referral status", "nrm-referral validate", "csv-report flatten", "age-assess check", "missing-child report"] {
            let r = try sh("printf 'old rejects\\n' > \(dir)/rej; \(command) --rejects \(dir)/rej examples/case.ndjson \(dir)/missing.ndjson")
            XCTAssertEqual(r.status, 66, "\(command): \(r.stderr)")
            XCTAssertEqual(String(decoding: bytes("\(dir)/rej"), as: UTF8.self), "old rejects\n", command)
        }
    }

    /// A closed standard output or error never sends records or messages into a file opened later.
    func testClosedStandardDescriptors() throws {
        let dir = Tools.scratch().path
        let input = "\(dir)/in.ndjson"
        try "not json\n".write(toFile: input, atomically: false, encoding: .utf8)
        var r = try sh("nrm-referral validate --rejects \(dir)/rej \(input) 2>&-; echo $?")
        XCTAssertEqual(r.out, "65\n")
        XCTAssertEqual(String(decoding: bytes("\(dir)/rej"), as: UTF8.self), "not json\n", "only the bad line, no message")
        r = try sh("csv-report flatten --columns id --rejects \(dir)/rej2 examples/case.ndjson >&-")
        XCTAssertEqual(r.status, 74, "records to write and no standard output: \(r.stderr)")
        XCTAssertTrue(r.stderr.contains("cannot write to standard output: it is closed"), r.stderr)
        XCTAssertEqual(bytes("\(dir)/rej2"), Data(), "no CSV in the rejects file")
        r = try sh("\(newReferral) --append \(dir)/c.ndjson >&- 2>&- <&-; echo $?; nrm-referral validate \(dir)/c.ndjson | wc -l")
        XCTAssertEqual(r.out, "0\n1\n", "nothing to write to standard output: the append still works")
    }

    /// A date that cannot be written as yyyy-mm-dd is refused where it is worked out, naming the input.
    func testEveryRecordWrittenReadsBack() throws {
        let dir = Tools.scratch().path
        var r = try sh("\(newReferral.replacingOccurrences(of: "2026-01-01", with: "9999-12-31")) --id r-end --append \(dir)/end.ndjson")
        XCTAssertEqual(r.status, 0, "the referral itself can be written: \(r.stderr)")
        r = try sh("nrm-referral status --as-of 9999-12-31 \(dir)/end.ndjson")
        XCTAssertEqual(r.status, 65, r.stderr)
        XCTAssertEqual(r.out, "", "nothing written")
        XCTAssertTrue(r.stderr.contains("\(dir)/end.ndjson:1: referral r-end: ") && r.stderr.contains("rg-due"), r.stderr)
        r = try sh("age-assess age --claimed-age 30 --on 0001-01-01")
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.stderr.contains("before 0001-01-01"), r.stderr)
        r = try sh("age-assess age --dob 9990-01-01 --on 9999-01-01")
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("18th birthday") && r.stderr.contains("after 9999-12-31"), r.stderr)
        r = try sh("printf '{\"id\":\"x\",\"dob\":\"9995-01-01\"}\\n' | age-assess age --on 9999-01-01")
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.stderr.contains("<stdin>:1: "), r.stderr)
    }

    /// kill -9 during appends of 100 KB records, two writers at a time, while a
    /// reader runs throughout: the reader never reports a bad line, and every
    /// record whose writer exited 0 is in the file, whole. `make test` runs a
    /// few iterations; `make soak` runs 100 (SAFEGUARD_KILL_ITERATIONS).
    func testKillingWritersOfLargeRecordsWithAReader() throws {
        let dir = Tools.scratch().path
        let file = "\(dir)/case.ndjson"
        let iterations = Int(ProcessInfo.processInfo.environment["SAFEGUARD_KILL_ITERATIONS"] ?? "") ?? 100
        let script = """
        big=$(head -c 102000 /dev/zero | tr '\\0' x)
        ( while [ ! -e \(dir)/done ]; do
            if [ -e \(file) ]; then nrm-referral validate \(file) > /dev/null 2>> \(dir)/reader.err; echo "$?" >> \(dir)/reader.status; fi
          done ) &
        reader=$!
        for i in $(seq 1 \(iterations)); do
          for w in a b; do
            ( nrm-referral new --id "ref-$i$w" --subject "S-$i" --claimed-age 15 --sex female --first-responder police \\
                --exploitation sexual --received 2026-01-01 --account "$big" --append \(file) 2>/dev/null
              echo "ref-$i$w $?" >> \(dir)/writers ) &
            eval "pid_$w=$!"
          done
          sleep 0.0$((RANDOM % 60))
          pkill -9 -P $pid_a -x nrm-referral 2>/dev/null
          wait $pid_a $pid_b
        done
        touch \(dir)/done; wait $reader
        echo "reads: $(wc -l < \(dir)/reader.status)"
        """
        let r = try sh(script)
        XCTAssertEqual(r.status, 0, r.stderr)
        let readerErrors = String(decoding: bytes("\(dir)/reader.err"), as: UTF8.self)
        let badLines = readerErrors.split(separator: "\n").filter { !$0.contains("warning:") }
        XCTAssertEqual(badLines, [], "the reader never reported a bad line")
        let statuses = String(decoding: bytes("\(dir)/reader.status"), as: UTF8.self).split(separator: "\n")
        XCTAssertFalse(statuses.isEmpty, "the reader ran: \(r.out)")
        XCTAssertTrue(statuses.allSatisfy { $0 == "0" }, "every read succeeded")

        let validated = try Tools.run("nrm-referral", ["validate", file])
        XCTAssertEqual(validated.status, 0, String(validated.stderr.prefix(300)))
        var present: [String: Int] = [:]
        for line in validated.lines {
            guard let start = line.range(of: #""id":""#), let end = line[start.upperBound...].firstIndex(of: "\"") else { continue }
            present[String(line[start.upperBound..<end]), default: 0] += 1
            XCTAssertGreaterThan(line.utf8.count, 102000, "whole")
        }
        let writers = String(decoding: bytes("\(dir)/writers"), as: UTF8.self).split(separator: "\n").map { $0.split(separator: " ") }
        let succeeded = writers.filter { $0.last == "0" }.map { String($0[0]) }
        XCTAssertGreaterThanOrEqual(succeeded.count, iterations, "every unkilled writer")
        for id in succeeded { XCTAssertEqual(present[id], 1, "\(id), whose writer exited 0, is there once") }
    }

    /// A full disk part-way through an append: exit 74 and the case file byte for byte as it was.
    func testAFullDiskPartWayThroughAnAppendLeavesTheFileAsItWas() throws {
        guard getuid() == 0 else {
            print("CaseFileSafetyTests.testAFullDisk...: skipped, mounting a small tmpfs needs root")
            throw XCTSkip("mounting a small tmpfs needs root")
        }
        let dir = Tools.scratch().path
        let mount = try sh("mount -t tmpfs -o size=512k tmpfs \(dir)")
        guard mount.status == 0 else {
            print("CaseFileSafetyTests.testAFullDisk...: skipped, cannot mount a tmpfs here: \(mount.stderr)")
            throw XCTSkip("cannot mount a tmpfs: \(mount.stderr)")
        }
        defer { _ = try? sh("umount \(dir)") }
        let big = String(repeating: "y", count: 100_000)
        var r = try sh("""
        \(newReferral) --id ref-1 --append \(dir)/c.ndjson 2>/dev/null
        head -c $(( $(df -k --output=avail \(dir) | tail -1) * 1024 - 40000 )) /dev/zero > \(dir)/filler 2>/dev/null
        sha256sum < \(dir)/c.ndjson
        """)
        let before = r.out
        r = try sh("\(newReferral) --id ref-2 --account \(big) --append \(dir)/c.ndjson; echo \"rc=$?\"; sha256sum < \(dir)/c.ndjson")
        XCTAssertTrue(r.out.hasPrefix("rc=74\n"), r.out + r.stderr)
        XCTAssertTrue(r.stderr.contains("No space left on device") && r.stderr.contains("was left as it was"), r.stderr)
        XCTAssertEqual(r.out.dropFirst("rc=74\n".count), Substring(before), "byte-identical")
    }
}
