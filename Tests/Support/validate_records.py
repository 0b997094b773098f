#!/usr/bin/env python3
"""Validate NDJSON records against the suite's JSON Schemas (draft 2020-12).

Usage: validate_records.py SCHEMA_DIR [FILE ...]

Reads each FILE (stdin when there are none, or for `-`). Every non-blank line
must be one JSON object whose "kind" names a schema SCHEMA_DIR/<kind>.schema.json;
the record is validated against it, formats included.

Diagnostics go to stderr as `FILE:LINE: message`, one per problem. stdout gets
`validated N records`, N being the non-blank lines read. Exit status: 0 when
every record is valid, 1 when any is not (or an input cannot be read), 2 on a
usage error (bad arguments, a missing schema directory, an invalid schema).

This is the independent check of what the Swift tools emit, so it shares no code
with them. It is used by the schema tests and can be run by hand:

    nrm-referral status cases.ndjson | Tests/Support/validate_records.py Schemas
"""

import json
import os
import re
import sys

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, ValidationError
from jsonschema.validators import extend

SCHEMA_SUFFIX = ".schema.json"


# JSON Schema patterns are ECMA-262 regular expressions, where `$` (without
# the multiline flag) matches only at the very end of the string. Python's `$`
# also matches before a final "\n", so with plain `re.search` an id such as
# "S-1042\n" would pass "^...$". Translate each unescaped `$` outside a
# character class to `\Z` before matching.
def _ecma_pattern(pattern):
    out, in_class, i = [], False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
        elif c == "$":
            c = r"\Z"
        out.append(c)
        i += 1
    return "".join(out)


_compiled = {}


def _pattern(validator, patrn, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    rx = _compiled.get(patrn)
    if rx is None:
        rx = _compiled[patrn] = re.compile(_ecma_pattern(patrn))
    if not rx.search(instance):
        yield ValidationError(f"{instance!r} does not match {patrn!r}")


StrictValidator = extend(Draft202012Validator, {"pattern": _pattern})


class UsageError(Exception):
    pass


def load_schemas(schema_dir):
    """Return {kind: validator} for every SCHEMA_DIR/<kind>.schema.json.

    Each schema is loaded once and checked against the draft 2020-12 metaschema.
    """
    if not os.path.isdir(schema_dir):
        raise UsageError(f"{schema_dir}: not a directory of schemas")
    validators = {}
    for name in sorted(os.listdir(schema_dir)):
        if not name.endswith(SCHEMA_SUFFIX):
            continue
        path = os.path.join(schema_dir, name)
        try:
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            Draft202012Validator.check_schema(schema)
        except (OSError, ValueError) as e:
            raise UsageError(f"{path}: cannot load schema: {e}")
        except SchemaError as e:
            raise UsageError(f"{path}: invalid schema: {e.message}")
        kind = name[: -len(SCHEMA_SUFFIX)]
        validators[kind] = StrictValidator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    if not validators:
        raise UsageError(f"{schema_dir}: no *{SCHEMA_SUFFIX} files")
    return validators


def _reject_constant(name):
    raise ValueError(f"{name} is not valid JSON")


def _no_duplicate_keys(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise ValueError(f"duplicate key {k!r}")
        obj[k] = v
    return obj


def parse_line(raw):
    """Parse one line as strict JSON (no NaN/Infinity, no duplicate keys)."""
    text = raw.decode("utf-8")
    return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys)


def _location(error):
    """Where in the record: `record`, `subject.languages[0]`, `age-basis`."""
    out = ""
    for part in error.absolute_path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "record"


def _message(error):
    """The error message, kept to one readable line for combinators."""
    def names(subschemas):
        return ", ".join(sub.get("title") or json.dumps(sub, sort_keys=True) for sub in subschemas)
    if error.validator == "oneOf":
        return f"must match exactly one of: {names(error.validator_value)}"
    if error.validator == "anyOf":
        return f"must match at least one of: {names(error.validator_value)}"
    if error.validator == "not":
        return f"must not match {json.dumps(error.validator_value, sort_keys=True)}"
    return error.message


def record_errors(validators, record):
    """Yield a message for each way `record` is invalid (nothing when valid)."""
    if not isinstance(record, dict):
        yield f"a record is a JSON object, not {type(record).__name__}"
        return
    kind = record.get("kind")
    if not isinstance(kind, str):
        yield "field kind: missing or not a string"
        return
    validator = validators.get(kind)
    if validator is None:
        shown = kind if len(kind) <= 40 else kind[:40] + "…"
        yield f"unknown kind {shown!r}; known kinds: {', '.join(sorted(validators))}"
        return
    errors = sorted(validator.iter_errors(record), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    for e in errors:
        yield f"{kind}: {_location(e)}: {_message(e)}"


def validate_stream(validators, name, stream, report):
    """Validate each non-blank line of a binary stream.

    Calls report(message) for each problem; returns (records read, records invalid).
    """
    count = bad = 0
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        count += 1
        try:
            record = parse_line(raw)
        except (UnicodeDecodeError, ValueError) as e:
            report(f"{name}:{number}: not a JSON record: {e}")
            bad += 1
            continue
        problems = list(record_errors(validators, record))
        for p in problems:
            report(f"{name}:{number}: {p}")
        if problems:
            bad += 1
    return count, bad


def main(argv):
    args = argv[1:]
    if not args or args[0] in ("-h", "--help"):
        out = sys.stdout if args else sys.stderr
        print("usage: validate_records.py SCHEMA_DIR [FILE ...]", file=out)
        return 0 if args else 2
    try:
        validators = load_schemas(args[0])
    except UsageError as e:
        print(f"validate_records.py: {e}", file=sys.stderr)
        return 2

    def report(message):
        print(message, file=sys.stderr)

    files = args[1:] or ["-"]
    total = failed = 0
    for name in files:
        if name == "-":
            n, b = validate_stream(validators, "<stdin>", sys.stdin.buffer, report)
        else:
            try:
                with open(name, "rb") as f:
                    n, b = validate_stream(validators, name, f, report)
            except OSError as e:
                report(f"{name}: cannot open: {e.strerror}")
                failed += 1
                continue
        total += n
        failed += b
    print(f"validated {total} records")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
