import XCTest

final class CSVReportTests: XCTestCase {
    let tool = "csv-report"

    /// Reads CSV with Python's csv module: the cells an analyst's tools would see.
    func cells(_ csv: Data) throws -> [[String]] {
        let script = "import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin.buffer.read().decode('utf-8').splitlines(True)))))"
        let r = try Tools.process(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script], stdin: csv, cwd: nil)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try JSONDecoder().decode([[String]].self, from: r.stdout)
    }

    /// The fixture: quotes, commas, embedded newlines, non-ASCII, JSON escapes and surrogate pairs.
    let fixture = [
        #"{"kind":"referral","v":1,"id":"r1","received":"2026-01-02","first-responder":"police","subject":{"sex":"female","nationality":"AL"},"note":"plain"}"#,
        #"{"kind":"referral","v":1,"id":"r2","received":"2026-01-03","first-responder":"nspcc","subject":{"sex":"male","nationality":"VN"},"note":"a, \"quoted\" word"}"#,
        #"{"kind":"referral","v":1,"id":"r3","received":"2026-01-04","first-responder":"tara","subject":{"sex":"other"},"note":"two\nlines and caf\u00e9 and \ud83d\ude00 and Zoë 漢字"}"#,
        #"{"kind":"nrm-decision","v":1,"id":"d1","referral":"r1","stage":"rg","outcome":"positive","on":"2026-01-05"}"#,
    ].joined(separator: "\n") + "\n"

    func testFlattenGivesTheSameCellsAsJq() throws {
        let columns = ["id", "received", "first-responder", "subject.sex", "subject.nationality", "kind"]
        let ours = try Tools.run(tool, ["flatten", "--columns", columns.joined(separator: ","), "--include-personal-data"], stdin: fixture.data)
        XCTAssertEqual(ours.status, 0, ours.stderr)
        let jqProgram = "[" + columns.map { "." + $0.split(separator: ".").map { "\"\($0)\"" }.joined(separator: ".") }.joined(separator: ",") + "] | @csv"
        let theirs = try Tools.process(URL(fileURLWithPath: "/usr/bin/env"), ["jq", "-r", jqProgram], stdin: fixture.data, cwd: nil)
        XCTAssertEqual(theirs.status, 0, theirs.stderr)
        XCTAssertEqual(try cells(ours.stdout), [columns] + (try cells(theirs.stdout)))
        // The free-text column too, when asked for, with every kind of escape.
        let note = try Tools.run(tool, ["flatten", "--columns", "id,note", "--include-personal-data", "--kind", "referral"], stdin: fixture.data)
        let jqNote = try Tools.process(URL(fileURLWithPath: "/usr/bin/env"), ["jq", "-r", #"select(.kind == "referral") | [.id, .note] | @csv"#], stdin: fixture.data, cwd: nil)
        XCTAssertEqual(try cells(note.stdout), [["id", "note"]] + (try cells(jqNote.stdout)))
        XCTAssertEqual(try cells(note.stdout)[3][1], "two\nlines and café and 😀 and Zoë 漢字")
    }

    func testOptionsShapeTheOutput() throws {
        let r = try Tools.run(tool, ["flatten", "--columns", "id,subject.sex", "--kind", "referral", "--no-header", "--crlf"], stdin: fixture.data)
        XCTAssertEqual(r.out, "r1,female\r\nr2,male\r\nr3,other\r\n")
        let arrays = try Tools.run(tool, ["flatten", "--columns", "id,exploitation,missing.path"],
                                   stdin: (#"{"id":"x","exploitation":["sexual","labour"]}"# + "\n").data)
        XCTAssertEqual(arrays.out, "id,exploitation,missing.path\nx,sexual;labour,\n")
        XCTAssertEqual(arrays.stderr.components(separatedBy: "missing.path matched no record").count - 1, 1, "warned once")
    }

    /// Personal data is left out unless asked for, and stderr says which columns went.
    func testPersonalDataIsLeftOutByDefault() throws {
        let referral = try Tools.run("nrm-referral", ["new", "--id", "ref-1", "--subject", "S-1", "--name", "Synthetic Name", "--dob", "2010-05-06",
                                                      "--sex", "female", "--first-responder", "police", "--exploitation", "sexual",
                                                      "--received", "2026-11-20", "--account", "Synthetic account text"]).stdout
        let all = try Tools.run(tool, ["flatten"], stdin: referral)
        XCTAssertEqual(all.status, 0, all.stderr)
        for secret in ["Synthetic Name", "2010-05-06", "Synthetic account text"] { XCTAssertFalse(all.out.contains(secret), secret) }
        XCTAssertTrue(all.stderr.contains("left out personal data: subject.name, subject.dob, account"), all.stderr)
        XCTAssertTrue(all.out.hasPrefix("kind,v,rules,id,received,first-responder,subject.id,subject.age-disputed"), all.out)

        let banded = try Tools.run(tool, ["flatten", "--columns", "id,subject.dob", "--age-band", "--as-of", "2026-11-23"], stdin: referral)
        XCTAssertEqual(banded.out, "id,subject.age-band\nref-1,16-17\n")
        let kept = try Tools.run(tool, ["flatten", "--columns", "id,subject.name", "--include-personal-data"], stdin: referral)
        XCTAssertEqual(kept.out, "id,subject.name\nref-1,Synthetic Name\n")
        let counted = try Tools.run(tool, ["count", "--by", "subject.name"], stdin: referral)
        XCTAssertEqual(counted.status, 64)
        // A whole-object column is written without the personal fields inside it.
        let object = try Tools.run(tool, ["flatten", "--columns", "id,subject", "--kind", "referral"], stdin: referral)
        XCTAssertEqual(object.status, 0, object.stderr)
        XCTAssertFalse(object.out.contains("Synthetic Name") || object.out.contains("2010-05-06"), object.out)
        XCTAssertTrue(object.out.contains("S-1"))
        XCTAssertTrue(object.stderr.contains("left out the personal fields inside: subject"))
        XCTAssertEqual(try Tools.run(tool, ["count", "--by", "subject"], stdin: referral).status, 64)
    }

    /// --kind works when kind is also a column (no --columns: the first record's fields include it).
    func testKindFilterWithKindAsAColumn() throws {
        let r = try Tools.run(tool, ["flatten", "--kind", "referral", "--columns", "kind,id"], stdin: fixture.data)
        XCTAssertEqual(r.out, "kind,id\nreferral,r1\nreferral,r2\nreferral,r3\n")
        let all = try Tools.run(tool, ["flatten", "--kind", "nrm-decision"], stdin: fixture.data)
        XCTAssertEqual(all.out, "kind,v,id,referral,stage,outcome,on\nnrm-decision,1,d1,r1,rg,positive,2026-01-05\n")
        let counted = try Tools.run(tool, ["count", "--by", "kind", "--kind", "referral", "--no-suppress"], stdin: fixture.data)
        XCTAssertEqual(counted.out, "kind,count\nreferral,3\ntotal,3\n")
        let escaped = try Tools.run(tool, ["flatten", "--kind", "referral", "--columns", "id"], stdin: (#"{"kind":"r\u0065ferral","id":"x"}"# + "\n").data)
        XCTAssertEqual(escaped.out, "id\nx\n")
    }

    /// Issue 17: without --columns, flatten writes the union of every record's
    /// dotted leaf paths in first-seen order (here compared with a Python
    /// reference), from a file or a pipe, leaving personal fields out and naming them.
    func testFlattenWithoutColumnsWritesTheUnionOfColumns() throws {
        let dir = Tools.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generated = try Tools.process(URL(fileURLWithPath: "/usr/bin/env"),
                                          ["python3", Tools.packageRoot.appendingPathComponent("examples/generate.py").path, "--seed", "3", "--count", "40", "--decisions"],
                                          stdin: nil, cwd: nil)
        XCTAssertEqual(generated.status, 0, generated.stderr)
        var input = generated.stdout
        // Late fields, nesting, an empty object, an escaped key, a null, a bad line (which adds no column), a non-object.
        input.append(([#"{"kind":"note","v":1,"extra":{"deep":{"er":1},"none":null},"xyz":{}}"#,
                       #"{"kind":"note","v":1,"only-in-bad":1"#,
                       #"[1,2]"#,
                       #"{"kind":"referral","v":1,"late":["a","b"],"subject":{"alias":"Q"}}"#].joined(separator: "\n") + "\n").data)
        let path = dir.appendingPathComponent("mixed.ndjson")
        try input.write(to: path)
        let reference = """
        import json, sys
        seen = []
        def walk(o, prefix):
            for k, v in o:
                p = prefix + k
                if isinstance(v, list) and v and isinstance(v[0], tuple):
                    walk(v, p + ".")
                elif p not in seen:
                    seen.append(p)
        for line in open(sys.argv[1], encoding="utf-8"):
            try:
                o = json.loads(line, object_pairs_hook=lambda pairs: pairs)
            except ValueError:
                continue
            if isinstance(o, list) and (not o or isinstance(o[0], tuple)):
                if sys.argv[2] == "" or dict(o).get("kind") == sys.argv[2]:
                    walk(o, "")
        print(json.dumps(seen))
        """
        func python(_ kind: String) throws -> [String] {
            let r = try Tools.process(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", reference, path.path, kind], stdin: nil, cwd: nil)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try JSONDecoder().decode([String].self, from: r.stdout)
        }
        let expected = try python("")
        XCTAssertTrue(expected.contains("extra.deep.er") && expected.contains("xyz") && expected.contains("late") && !expected.contains("only-in-bad"))

        let all = try Tools.run(tool, ["flatten", "--include-personal-data", path.path])
        XCTAssertEqual(all.status, 65, all.stderr)
        let rows = try cells(all.stdout)
        XCTAssertEqual(rows.first, expected)
        XCTAssertEqual(rows.count, 1 + input.split(separator: 0x0A).count - 2, "every good record is a row")
        XCTAssertTrue(rows.allSatisfy { $0.count == expected.count })
        let last = Dictionary(uniqueKeysWithValues: zip(rows[0], rows.last!))
        XCTAssertEqual(last["late"], "a;b")
        XCTAssertEqual(last["subject.alias"], "Q")
        XCTAssertEqual(last["kind"], "referral")
        let note = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[rows.count - 2]))
        XCTAssertEqual(note["xyz"], "{}")
        XCTAssertEqual(note["extra.deep.er"], "1")

        // Through a pipe (spooled to a temporary file), the same bytes.
        let piped = try Tools.sh("cat '\(path.path)' | csv-report flatten --include-personal-data")
        XCTAssertEqual(piped.stdout, all.stdout)

        // --kind: only that kind's paths.
        let decisions = try Tools.run(tool, ["flatten", "--kind", "nrm-decision", path.path])
        XCTAssertEqual(try cells(decisions.stdout).first, try python("nrm-decision"))

        // Without --include-personal-data: the personal paths are left out and named.
        let safe = try Tools.run(tool, ["flatten", path.path])
        let header = try cells(safe.stdout).first ?? []
        let dropped = expected.filter { !header.contains($0) }
        XCTAssertEqual(header, expected.filter { header.contains($0) })
        for personal in ["subject.name", "subject.dob", "account"] {
            XCTAssertTrue(dropped.contains(personal), personal)
        }
        XCTAssertTrue(safe.stderr.contains("left out personal data: " + dropped.joined(separator: ", ")), safe.stderr)
        XCTAssertFalse(safe.out.contains("Synthetic Person"))
    }

    /// Issue 17: --bom starts each CSV with the UTF-8 byte-order mark, once; without it there is none.
    func testBOMWhenAskedFor() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        let flat = try Tools.run(tool, ["flatten", "--bom", "--columns", "id,note", "--include-personal-data", "--kind", "referral"], stdin: fixture.data)
        XCTAssertEqual(flat.status, 0, flat.stderr)
        XCTAssertEqual(flat.stdout.prefix(3), bom)
        XCTAssertEqual(try cells(flat.stdout.dropFirst(3)), try cells(try Tools.run(tool, ["flatten", "--columns", "id,note", "--include-personal-data", "--kind", "referral"], stdin: fixture.data).stdout))
        XCTAssertTrue(String(decoding: flat.stdout.dropFirst(3), as: UTF8.self).contains("Zoë"))
        let counted = try Tools.run(tool, ["count", "--bom", "--by", "kind", "--no-suppress"], stdin: fixture.data)
        XCTAssertEqual(counted.stdout, bom + "kind,count\nnrm-decision,1\nreferral,3\ntotal,4\n".data)
        let stats = try Tools.run(tool, ["nrm-stats", "--bom", "--as-of", "2026-02-01"], stdin: Data())
        XCTAssertEqual(stats.stdout.prefix(3), bom)
        XCTAssertEqual(stats.stdout.dropFirst(3).prefix(6), "table,".data)
        XCTAssertNotEqual(try Tools.run(tool, ["count", "--by", "kind"], stdin: fixture.data).stdout.prefix(3), bom)
    }

    func testFormulaInjectionIsNeutralised() throws {
        let input = #"{"id":"=cmd|' /C calc'!A0","a":"+1","b":"-1","c":"@x","d":"\tx","e":"ok","n":-5}"# + "\n"
        let r = try Tools.run(tool, ["flatten", "--columns", "id,a,b,c,d,e,n", "--no-header"], stdin: input.data)
        XCTAssertEqual(try cells(r.stdout), [["'=cmd|' /C calc'!A0", "'+1", "'-1", "'@x", "'\tx", "ok", "-5"]])
    }

    /// Array items are neutralised one by one; a NUL is never written raw;
    /// `--kind X` keeps the field-name fallback for fields X's schema does not know.
    func testArraysNULAndFieldsTheSchemaDoesNotKnow() throws {
        let arrays = try Tools.run(tool, ["flatten", "--columns", "tags", "--no-header"], stdin: (#"{"tags":["ok","=HYPERLINK(1)"]}"# + "\n").data)
        XCTAssertEqual(try cells(arrays.stdout), [["ok;'=HYPERLINK(1)"]])
        let nul = try Tools.run(tool, ["flatten", "--columns", "a,b", "--no-header"], stdin: (#"{"a":"x\u0000y","b":1}"# + "\n" + #"{"a":"fine","b":2}"# + "\n").data)
        XCTAssertEqual(nul.status, 65)
        XCTAssertFalse(nul.stdout.contains(0))
        XCTAssertEqual(try cells(nul.stdout), [["fine", "2"]])
        XCTAssertTrue(nul.stderr.contains("field a holds a NUL character"), nul.stderr)
        let record = #"{"kind":"referral","id":"ref-1","subject":{"nationality":"GB","address":"1 High St"},"note":"Ann's friend"}"# + "\n"
        let r = try Tools.run(tool, ["flatten", "--kind", "referral"], stdin: record.data)
        XCTAssertEqual(try cells(r.stdout).first, ["kind", "id", "subject.nationality"])
        let text = String(decoding: r.stdout, as: UTF8.self)
        XCTAssertFalse(text.contains("High St") || text.contains("Ann"))
        XCTAssertTrue(r.stderr.contains("subject.address") && r.stderr.contains("note"), r.stderr)
    }

    /// The GSS symbols: [c] confidential, [z] not applicable.
    func testGSSSymbols() throws {
        var input = ""
        for _ in 0..<30 { input += #"{"kind":"referral","treated-as":"child"}"# + "\n" }
        for _ in 0..<20 { input += #"{"kind":"referral","treated-as":"adult"}"# + "\n" }
        for _ in 0..<12 { input += #"{"kind":"missing-start","type":"missing"}"# + "\n" }
        let r = try Tools.run(tool, ["count", "--by", "kind", "--pivot", "treated-as"], stdin: input.data)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try cells(r.stdout), [["kind", "(missing)", "adult", "child", "total"],
                                              ["missing-start", "12", "[z]", "[z]", "12"],
                                              ["referral", "0", "20", "30", "50"],
                                              ["total", "12", "20", "30", "62"]])
        let small = try Tools.run(tool, ["count", "--by", "kind", "--pivot", "treated-as"], stdin: (input + #"{"kind":"referral","treated-as":"adult"}"# + "\n").data)
        XCTAssertTrue(try cells(small.stdout).joined().contains("[c]") == false, "21 adults: nothing small")
    }

    /// Bad lines: reported with file and line, exit 65, kept byte for byte; the CSV of the good lines is complete.
    func testBadLinesAreReportedAndTheRestIsWritten() throws {
        let dir = Tools.scratch()
        var input = Data()
        input.append(#"{"id":"good1"}"#.data + "\n".data)
        input.append(#"{"id":"trunc"#.data + "\n".data)                        // invalid JSON
        input.append(Data([0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D, 0x0A]))   // invalid UTF-8
        input.append(#"["not","an","object"]"#.data + "\n".data)
        input.append(Data(repeating: 0x20, count: 17 * 1024 * 1024) + #"{"id":"huge"}"#.data + "\n".data)  // over 16 MiB
        input.append(#"{"id":"good2"}"#.data)                                   // no final newline
        let path = dir.appendingPathComponent("in.ndjson")
        try input.write(to: path)
        let rejects = dir.appendingPathComponent("rejects")
        let r = try Tools.run(tool, ["flatten", "--columns", "id", "--rejects", rejects.path, path.path])
        XCTAssertEqual(r.status, 65)
        XCTAssertEqual(r.out, "id\ngood1\ngood2\n")
        let messages = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(messages.count, 4, r.stderr)
        for (k, line) in [2, 3, 4, 5].enumerated() { XCTAssertTrue(messages[k].hasPrefix("csv-report: \(path.path):\(line): "), messages[k]) }
        XCTAssertTrue(messages[1].contains("UTF-8"))
        XCTAssertTrue(messages[3].contains("over the limit"))
        let lines = input.split(separator: 0x0A, omittingEmptySubsequences: false)
        XCTAssertEqual(try Data(contentsOf: rejects), Data(lines[1...4].joined(separator: [0x0A])) + Data([0x0A]))
    }

    func testCountWithPivotTotalsAndSuppression() throws {
        var input = ""
        let groups: [(String, String, Int)] = [("sexual", "child", 12), ("sexual", "adult", 30), ("labour", "child", 3), ("labour", "adult", 40), ("criminal", "child", 9)]
        for (e, age, n) in groups { for _ in 0..<n { input += #"{"kind":"referral","exploitation":["\#(e)"],"treated-as":"\#(age)"}"# + "\n" } }
        let plain = try Tools.run(tool, ["count", "--by", "exploitation", "--pivot", "treated-as", "--no-suppress"], stdin: input.data)
        XCTAssertEqual(plain.out, """
        exploitation,adult,child,total
        criminal,0,9,9
        labour,40,3,43
        sexual,30,12,42
        total,70,24,94

        """)
        let suppressed = try Tools.run(tool, ["count", "--by", "exploitation", "--pivot", "treated-as"], stdin: input.data)
        let rows = try cells(suppressed.stdout)
        XCTAssertEqual(rows[2][2], "[c]", "3 is shown as [c]")
        for row in rows.dropFirst() { XCTAssertNotEqual(row.filter { $0 == "[c]" }.count, 1, "a lone [c] could be worked out: \(row)") }
        for c in 1..<rows[0].count { XCTAssertNotEqual(rows.dropFirst().filter { $0[c] == "[c]" }.count, 1, "column \(c)") }
        let single = try Tools.run(tool, ["count", "--by", "treated-as", "--suppress-below", "10"], stdin: input.data)
        XCTAssertEqual(single.out, "treated-as,count\nadult,70\nchild,24\ntotal,94\n")
        XCTAssertEqual(try Tools.run(tool, ["count", "--by", "x", "--no-suppress", "--suppress-below", "3"], stdin: input.data).status, 64)
    }

    /// A value counts as its text, however the JSON spells it: an escape, a
    /// number, null or a missing field; an array counts under each of its items.
    func testCountGroupsValuesByTheirText() throws {
        let lines = [#"{"kind":"referral","by":"police"}"#, #"{"kind":"referral","by":"pol\u0069ce"}"#,
                     #"{"kind":"referral","by":null}"#, #"{"kind":"referral"}"#, #"{"kind":"referral","by":"(missing)"}"#,
                     #"{"kind":"referral","by":5}"#, #"{"kind":"referral","by":"5"}"#, #"{"kind":"referral","by":["police","5"]}"#,
                     #"{"kind":"refer\u0072al","by":"police"}"#, #"{"kind":"other","by":"police"}"#]
        let r = try Tools.run(tool, ["count", "--by", "by", "--kind", "referral", "--no-suppress"], stdin: (lines.joined(separator: "\n") + "\n").data)
        XCTAssertEqual(r.out, "by,count\n(missing),3\n5,3\npolice,4\ntotal,10\n", r.stderr)
    }

    /// The 2015 child figures (CHESHIRE L173-184) from a generated dataset with those counts.
    func testNRMStatsReproducesThe2015ChildFigures() throws {
        let generated = try Tools.process(URL(fileURLWithPath: "/usr/bin/env"),
                                          ["python3", Tools.packageRoot.appendingPathComponent("examples/generate.py").path, "--seed", "7", "--nrm-2015-children"],
                                          stdin: nil, cwd: nil)
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let r = try Tools.run(tool, ["nrm-stats", "--from", "2015-01-01", "--to", "2015-12-31", "--as-of", "2016-12-31", "--no-suppress"], stdin: generated.stdout)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try cells(r.stdout)
        func row(_ table: String, _ category: String) -> [String]? { rows.first { $0[0] == table && $0[1] == category } }
        XCTAssertEqual(rows[0], ["table", "category", "adult", "child", "total"])
        XCTAssertEqual(row("exploitation", "sexual"), ["exploitation", "sexual", "0", "217", "217"])
        XCTAssertEqual(row("exploitation", "labour"), ["exploitation", "labour", "0", "288", "288"])
        XCTAssertEqual(row("exploitation", "domestic-servitude"), ["exploitation", "domestic-servitude", "0", "69", "69"])
        XCTAssertEqual(row("exploitation", "organ-harvesting"), ["exploitation", "organ-harvesting", "0", "3", "3"])
        XCTAssertEqual(row("exploitation", "not-specified"), ["exploitation", "not-specified", "0", "405", "405"])
        XCTAssertEqual(row("exploitation", "total"), ["exploitation", "total", "0", "982", "982"])
        XCTAssertEqual(row("exploitation-uk", "sexual")?[3], "105")
        XCTAssertEqual(row("exploitation-non-uk", "sexual")?[3], "112")

        let shared = try Tools.run(tool, ["nrm-stats", "--table", "exploitation", "--from", "2015-01-01", "--to", "2015-12-31"], stdin: generated.stdout)
        XCTAssertEqual(try cells(shared.stdout).first { $0[1] == "organ-harvesting" }?[3], "[c]", "3 is suppressed by default")
        // The same figures with --categories 2015 given, and under current rules with 2015 asked for.
        for args in [["--categories", "2015"], ["--rules", "current", "--categories", "2015"]] {
            let again = try Tools.run(tool, ["nrm-stats", "--from", "2015-01-01", "--to", "2015-12-31", "--as-of", "2016-12-31", "--no-suppress"] + args,
                                      stdin: generated.stdout)
            XCTAssertEqual(again.stdout, r.stdout, "\(args)")
        }
    }

    /// Issue 18: the Home Office categories since 2019 give criminal exploitation its own row, count a
    /// referral with several types once in a combination, and count the county-lines flag.
    func testNRMStats2019CategoriesGiveCriminalExploitationItsOwnRow() throws {
        func referral(_ id: String, _ types: String, county: Bool = false) -> String {
            #"{"kind":"referral","v":1,"id":"\#(id)","received":"2026-01-05","first-responder":"police","subject":{"id":"S-\#(id)","dob":"2010-01-01","age-disputed":false,"sex":"male","nationality":"GB","languages":[],"interpreter-needed":false},"treated-as":"child","age-basis":"under-18","exploitation":[\#(types)],"#
                + (county ? #""county-lines":true,"# : "") + #""indicators":[],"consent":{"status":"not-required-child"}}"#
        }
        let input = [referral("r1", #""criminal""#, county: true), referral("r2", #""criminal""#), referral("r3", #""sexual","criminal""#),
                     referral("r4", #""criminal","sexual""#), referral("r5", #""labour""#), referral("r6", #""benefit-fraud""#),
                     referral("r7", #""forced-marriage","sexual""#)].joined(separator: "\n") + "\n"
        let r = try Tools.run(tool, ["nrm-stats", "--categories", "2019", "--as-of", "2026-02-01", "--no-suppress"], stdin: input.data)
        XCTAssertEqual(r.status, 0, r.stderr)
        let rows = try cells(r.stdout)
        func row(_ table: String, _ category: String) -> [String]? { rows.first { $0[0] == table && $0[1] == category } }
        XCTAssertEqual(row("exploitation", "criminal"), ["exploitation", "criminal", "0", "3", "3"], "benefit fraud is criminal exploitation")
        XCTAssertEqual(row("exploitation", "sexual & criminal"), ["exploitation", "sexual & criminal", "0", "2", "2"], "each order counts once")
        XCTAssertEqual(row("exploitation", "sexual"), ["exploitation", "sexual", "0", "1", "1"], "forced marriage is no category")
        XCTAssertEqual(row("exploitation", "labour"), ["exploitation", "labour", "0", "1", "1"])
        XCTAssertEqual(row("exploitation", "total"), ["exploitation", "total", "0", "7", "7"], "a referral counts once")
        XCTAssertEqual(row("exploitation-uk", "criminal")?[3], "3")
        XCTAssertEqual(row("county-lines", "flagged"), ["county-lines", "flagged", "0", "1", "1"])
        XCTAssertEqual(row("county-lines", "total")?[4], "7")
        // The 2015 categories: no criminal row, no county-lines table; criminal counted as labour, under the first type.
        let old = try Tools.run(tool, ["nrm-stats", "--as-of", "2026-02-01", "--no-suppress"], stdin: input.data)
        let oldRows = try cells(old.stdout)
        XCTAssertNil(oldRows.first { $0[1] == "criminal" || $0[0] == "county-lines" })
        XCTAssertEqual(oldRows.first { $0[0] == "exploitation" && $0[1] == "labour" }, ["exploitation", "labour", "0", "5", "5"])
        // Under current rules 2019 is the default, from the flag or the environment.
        let current = try Tools.run(tool, ["nrm-stats", "--rules", "current", "--as-of", "2026-02-01", "--no-suppress"], stdin: input.data)
        XCTAssertEqual(current.stdout, r.stdout)
        let env = try Tools.sh("SAFEGUARD_RULES=current csv-report nrm-stats --as-of 2026-02-01 --no-suppress", stdin: input.data)
        XCTAssertEqual(env.stdout, r.stdout, env.stderr)
        XCTAssertEqual(try Tools.run(tool, ["nrm-stats", "--table", "county-lines", "--as-of", "2026-02-01"], stdin: input.data).status, 64)
        // Suppressed, the combination rows are audited with the rest: no lone [c] in a row.
        let shared = try Tools.run(tool, ["nrm-stats", "--categories", "2019", "--as-of", "2026-02-01"], stdin: input.data)
        XCTAssertEqual(shared.status, 0, shared.stderr)
        for row in try cells(shared.stdout).dropFirst() { XCTAssertNotEqual(row.dropFirst(2).filter { $0 == "[c]" }.count, 1, "\(row)") }
    }
}
