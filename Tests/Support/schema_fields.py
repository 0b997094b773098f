#!/usr/bin/env python3
"""Writes Sources/SafeguardCore/Reports/SchemaFields.swift from Schemas/*.json:
for every record kind, every dotted path its schema defines and the paths it
marks "x-personal-data": true. The walk follows $ref into $defs, items
(arrays of objects: a path through an array names the items' field, as in
actions.description), nested properties and allOf/anyOf/oneOf/if/then/else.
Run by `make schema-fields`; PersonalDataTests checks the result against the
schemas with its own walk."""
import json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def walk(node, path, root, paths, personal, refs=()):
    if not isinstance(node, dict):
        return
    if node.get("x-personal-data") is True:
        personal.add(path)
    ref = node.get("$ref")
    if ref is not None:
        if not ref.startswith("#/"):
            sys.exit(f"unsupported $ref {ref}")
        if ref in refs:  # a recursive definition: its paths are already walked
            return
        target = root
        for part in ref[2:].split("/"):
            target = target[part]
        walk(target, path, root, paths, personal, refs + (ref,))
    for key, sub in node.get("properties", {}).items():
        inner = f"{path}.{key}" if path else key
        paths.add(inner)
        walk(sub, inner, root, paths, personal, refs)
    for key in ("items", "contains", "if", "then", "else", "additionalProperties"):
        if isinstance(node.get(key), dict):
            walk(node[key], path, root, paths, personal, refs)
    for key in ("allOf", "anyOf", "oneOf", "prefixItems"):
        for sub in node.get(key, []):
            walk(sub, path, root, paths, personal, refs)


def kinds():
    out = {}
    folder = os.path.join(ROOT, "Schemas")
    for name in sorted(os.listdir(folder)):
        if name.endswith(".schema.json"):
            root = json.load(open(os.path.join(folder, name)))
            paths, personal = set(), set()
            walk(root, "", root, paths, personal)
            out[name[: -len(".schema.json")]] = (paths, personal)
    return out


def swift(table):
    def literal(s):
        return "[" + ", ".join(json.dumps(p) for p in sorted(s)) + "]"
    lines = ["// Generated from Schemas/*.json by Tests/Support/schema_fields.py (make schema-fields); do not edit.",
             "// PersonalDataTests.testMatchesTheSchemas checks it against the schemas.",
             "", "public enum SchemaFields {",
             "    /// Every dotted path each kind's schema defines (a path through an array names its items' field).",
             "    static let pathsByKind: [String: Set<String>] = ["]
    lines += [f"        {json.dumps(k)}: {literal(p)}," for k, (p, _) in table.items()]
    lines += ["    ]", "", "    /// The paths each kind's schema marks \"x-personal-data\": true.",
              "    static let personalByKind: [String: Set<String>] = ["]
    lines += [f"        {json.dumps(k)}: {literal(m)}," for k, (_, m) in table.items()]
    lines += ["    ]", "}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.stdout.write(swift(kinds()))
