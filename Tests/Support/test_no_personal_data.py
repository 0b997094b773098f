#!/usr/bin/env python3
"""No personal data leaves by default, and none reaches standard error.

For every record kind in Schemas/, records are built with every field the
schema marks "x-personal-data": true holding a sentinel, found by following
$ref, $defs, items (arrays of objects) and nested objects. Then:

1. every csv-report subcommand, with its defaults, writes no sentinel
   (standard output or standard error; for all the kinds together, also
   as a workbook, --format xlsx);
2. every tool and subcommand that reads records, given these records (and
   worse ones: every field a sentinel, a sentinel for `v`, a real case file
   with its personal fields replaced), writes no sentinel to standard error.

SAFEGUARD_BIN names the folder of the built tools."""
import json, os, shutil, subprocess, sys, tempfile, zipfile

BIN = os.environ.get("SAFEGUARD_BIN", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SENTINEL = "Zq7Sentinel"


def walk(node, path, root, fields, refs=()):
    """fields[path] = (personal, is_array) for every path the schema defines."""
    if not isinstance(node, dict):
        return
    if node.get("x-personal-data") is True:
        personal, array = fields.get(path, (False, False))
        fields[path] = (True, array)
    ref = node.get("$ref")
    if ref and ref not in refs:
        target = root
        for part in ref[2:].split("/"):
            target = target[part]
        walk(target, path, root, fields, refs + (ref,))
    for key, sub in node.get("properties", {}).items():
        inner = f"{path}.{key}" if path else key
        fields.setdefault(inner, (False, False))
        walk(sub, inner, root, fields, refs)
    if isinstance(node.get("items"), dict) and path:
        personal, _ = fields.get(path, (False, False))
        fields[path] = (personal, True)
        walk(node["items"], path, root, fields, refs)
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in node.get(key, []):
            walk(sub, path, root, fields, refs)
    for key in ("if", "then", "else", "contains"):
        if isinstance(node.get(key), dict):
            walk(node[key], path, root, fields, refs)


def schemas():
    out = {}
    folder = os.path.join(ROOT, "Schemas")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".schema.json"):
            root = json.load(open(os.path.join(folder, name)))
            fields = {}
            walk(root, "", root, fields)
            out[name[: -len(".schema.json")]] = fields
    return out


def put(record, path, fields, value):
    """Sets `path` in `record`, making objects, and arrays of one object, on the way."""
    parts = path.split(".")
    node = record
    for k, part in enumerate(parts):
        prefix = ".".join(parts[: k + 1])
        last = k == len(parts) - 1
        is_array = fields.get(prefix, (False, False))[1]
        if last:
            node[part] = [value] if is_array and not isinstance(value, dict) else value
            return
        if is_array:
            node.setdefault(part, [{}])
            node = node[part][0]
        else:
            node = node.setdefault(part, {})
        if not isinstance(node, dict):
            return


def records(kinds):
    """Per kind: the personal fields as sentinels; and every field a sentinel."""
    out = []
    for kind, fields in kinds.items():
        personal = [p for p, (mark, _) in fields.items() if mark]
        r = {"kind": kind, "v": 1}
        for p in personal:
            put(r, p, fields, SENTINEL)
        # Fields no schema defines keep the field-name fallback.
        r["note"] = SENTINEL
        r["extra"] = {"address": SENTINEL, "name": SENTINEL}
        out.append(r)
        every = {"kind": kind, "v": 1}
        leaves = [p for p in fields if not any(q.startswith(p + ".") for q in fields)]
        for p in sorted(leaves):
            if p not in ("kind", "v"):
                put(every, p, fields, SENTINEL)
        out.append(every)
        out.append(dict(r, v=SENTINEL))
    return out


def run(tool, args, stdin=b""):
    r = subprocess.run([os.path.join(BIN, tool)] + args, input=stdin, capture_output=True, timeout=120)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")


def case_file():
    """A real synthetic case file, every personal field replaced by the sentinel."""
    gen = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "generate.py"), "--seed", "5", "--count", "30", "--decisions"],
                         capture_output=True, check=True).stdout.decode()
    lines = []
    for line in gen.splitlines():
        r = json.loads(line)
        if r.get("kind") == "referral":
            r["subject"]["name"] = SENTINEL
            r["account"] = SENTINEL
            if "dob" in r["subject"]:
                r["subject"]["dob"] = SENTINEL
        lines.append(json.dumps(r))
    return "\n".join(lines) + "\n"


def main():
    kinds = schemas()
    assert "care-plan-summary" in kinds and kinds["care-plan-summary"]["actions.description"] == (True, False)
    assert kinds["care-plan-summary"]["actions"][1], "actions is an array of objects"
    recs = records(kinds)
    tmp = tempfile.mkdtemp()
    failures = []
    try:
        # Only personal fields hold the sentinel here: csv-report may show the rest.
        cases = case_file()
        personal = os.path.join(tmp, "personal.ndjson")
        with open(personal, "w") as f:
            f.write("\n".join(json.dumps(r) for r in recs[0::3]) + "\n" + cases)
        # Here every field may: no diagnostic may quote one.
        fixture = os.path.join(tmp, "fixture.ndjson")
        with open(fixture, "w") as f:
            f.write("\n".join(json.dumps(r) for r in recs) + "\n" + cases)

        # 1. csv-report's default output, for each kind alone and for all together.
        for kind in kinds:
            one = os.path.join(tmp, f"{kind}.ndjson")
            with open(one, "w") as f:
                f.write(json.dumps(recs[[r["kind"] for r in recs].index(kind)]) + "\n")
            top = [p for p in kinds[kind] if "." not in p]
            calls = [["flatten", one], ["flatten", "--kind", kind, one], ["flatten", "--kind", kind, personal],
                     ["count", "--by", "kind", one], ["nrm-stats", one]]
            calls += [["count", "--by", p, one] for p in top]
            calls += [["count", "--by", "kind", "--pivot", p, one] for p in top if p != "kind"]
            for args in calls:
                code, out, err = run("csv-report", args)
                if SENTINEL in out or SENTINEL in err:
                    failures.append(f"csv-report {' '.join(args)}: sentinel in output (exit {code})")
        for args in (["flatten", personal], ["count", "--by", "kind", personal], ["nrm-stats", personal]):
            code, out, err = run("csv-report", args)
            if SENTINEL in out or SENTINEL in err:
                failures.append(f"csv-report {' '.join(args)}: sentinel in output")
            # The same as a workbook (--format xlsx): no sentinel in any of its parts.
            book = os.path.join(tmp, "out.xlsx")
            code, out, err = run("csv-report", args + ["--format", "xlsx", "--output", book])
            with zipfile.ZipFile(book) as z:
                parts = b"".join(z.read(n) for n in z.namelist()).decode("utf-8")
            if SENTINEL in parts or SENTINEL in err:
                failures.append(f"csv-report {' '.join(args)} --format xlsx: sentinel in the workbook")

        # 2. Standard error of every tool and subcommand that reads records.
        def copy():
            path = os.path.join(tmp, "case.ndjson")
            shutil.copy(fixture, path)
            os.chmod(path, 0o600)
            return path
        reading = [
            ("nrm-referral", ["status", fixture]), ("nrm-referral", ["validate", fixture]),
            ("nrm-referral", ["decide", "ref-1", "--stage", "rg", "--outcome", "positive", "--on", "2026-01-10", "--append", "CASE"]),
            ("nrm-referral", ["withdraw", "ref-1", "--on", "2026-01-10", "--append", "CASE"]),
            ("age-assess", ["age", "--field", "subject.dob", fixture]), ("age-assess", ["check", fixture]),
            ("age-assess", ["status", fixture]),
            ("missing-child", ["report", "--as-of", "2026-06-30T12:00:00Z", fixture]), ("missing-child", ["report", "--placements", fixture]),
            ("missing-child", ["ssda903", "--year", "2026", fixture]),
            ("missing-child", ["return", "--child", "ch-1", "--returned", "2026-01-01T10:00:00Z", "--to", "placement", "--append", "CASE"]),
            ("missing-child", ["start", "--child", "ch-1", "--last-seen", "2026-01-01T10:00:00Z", "--type", "missing", "--append", "CASE"]),
            ("missing-child", ["interview", "--child", "ch-1", "--status", "offered", "--at", "2026-01-01T10:00:00Z", "--append", "CASE"]),
            ("missing-child", ["placement", "--child", "ch-1", "--dob", "2012-01-01", "--placement", "Home A", "--start", "2025-01-01", "--no-trafficking-concern", "--append", "CASE"]),
            ("care-plan", ["check", fixture]), ("care-plan", ["exit", "cp-1", fixture]),
            ("care-plan", ["summary", "cp-1", fixture]), ("care-plan", ["summary", "cp-1", "--json", fixture]),
            ("care-plan", ["action", "cp-1", "--need", "accommodation", "--owner", "LA", "--due", "2026-01-01", "--append", "CASE"]),
            ("care-plan", ["review", "cp-1", "--papers-complete", "--append", "CASE"]),
            ("care-plan", ["new", "--person", "p-1", "--dob", "2012-01-01", "--append", "CASE"]),
            ("csv-report", ["flatten", fixture]), ("csv-report", ["count", "--by", "kind", fixture]), ("csv-report", ["nrm-stats", fixture]),
        ]
        for tool, args in reading:
            args = [copy() if a == "CASE" else a for a in args]
            code, out, err = run(tool, args)
            if code == 64:
                failures.append(f"{tool} {' '.join(args)}: usage error, the fixture was not read: {err.strip()}")
            if SENTINEL in err:
                line = next(l for l in err.splitlines() if SENTINEL in l)
                failures.append(f"{tool} {' '.join(args)}: sentinel on stderr: {line}")
            # Every line is read: each tool has something to say about this input.
            if code == 0 and tool != "csv-report" and "--append" not in args:
                failures.append(f"{tool} {' '.join(args)}: accepted the bad fixture")
    finally:
        shutil.rmtree(tmp)
    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print(f"no sentinel from {len(kinds)} kinds in csv-report's output, nor on any tool's standard error")


if __name__ == "__main__":
    main()
