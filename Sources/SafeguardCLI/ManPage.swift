import SafeguardCore

/// Writes the parts of a tool's man page that come from its declarations:
/// the `.TH` line, SYNOPSIS, and each command's usage line and OPTIONS.
/// The prose around them (DESCRIPTION, RULES, EXAMPLES...) is kept as written.
/// `make man` runs `TOOL __man < PAGE > PAGE`; a test fails when a committed
/// page differs from what this writes, as jq's CI does for its manual.
struct ManPage {
    static let command = "__man"
    static let begin = ".\\\" OPTIONS from the declarations: 'make man' writes them; do not edit."
    static let end = ".\\\" End of OPTIONS."

    let tool: Tool

    func render(existing page: String) -> String {
        var out: [String] = []
        var lines = page.components(separatedBy: "\n")[...]
        if lines.last == "" { lines = lines.dropLast() }
        while let line = lines.popFirst() {
            if line.hasPrefix(".TH ") {
                out.append(".TH \(Self.escape(tool.name.uppercased())) 1 \(Tool.date) \"\(Self.escape(tool.name)) \(Tool.version)\" \"Safeguarding tools\"")
            } else if line == ".SH SYNOPSIS" {
                out.append(line)
                out += synopsis()
                while let next = lines.first, !next.hasPrefix(".SH ") { lines.removeFirst() }
            } else if line.hasPrefix(".SS "), let command = tool.commands.first(where: { line == ".SS " + Self.escape("\(tool.name) \($0.name)") }) {
                out.append(line)
                out.append(usage(command))
                // The old usage line runs up to the first paragraph break.
                while let next = lines.first, next != ".PP", !next.hasPrefix(".S") { lines.removeFirst() }
            } else if line == Self.begin {
                let command = commandAbove(out)
                out.append(line)
                out += command.map(options) ?? []
                while let next = lines.popFirst(), next != Self.end {}
                out.append(Self.end)
            } else {
                out.append(line)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The command whose `.SS` heading is the last one written.
    func commandAbove(_ out: [String]) -> Command? {
        guard let heading = out.last(where: { $0.hasPrefix(".SS ") }) else { return nil }
        return tool.commands.first { heading == ".SS " + Self.escape("\(tool.name) \($0.name)") }
    }

    func synopsis() -> [String] {
        var s = [".B \(Self.escape(tool.name))", ".I COMMAND", ".RI [ OPTIONS ]", ".RI [ ARGS ...]", ".PP"]
        for c in tool.commands { s += [usage(c), ".br"] }
        s += [".B \(Self.escape(tool.name))", ".RI [ COMMAND ]", ".BR \\-\\-help | \\-\\-version"]
        return s
    }

    /// `nrm-referral decide REFERRAL-ID --stage rg|cg ...` in roff fonts:
    /// names and literal words bold, placeholders italic, brackets and bars roman.
    func usage(_ c: Command) -> String {
        var s = "\\fB\(Self.escape("\(tool.name) \(c.name)"))\\fR"
        for word in c.usage.split(separator: " ") {
            s += " " + Self.fonts(String(word))
        }
        return s
    }

    static func fonts(_ word: String) -> String {
        var s = "", token = ""
        func flush() {
            var dots = ""
            if token.hasSuffix("...") { token.removeLast(3); dots = "..." }
            if !token.isEmpty {
                let isPlaceholder = token.contains { $0.isLetter } && !token.contains { $0.isLowercase }
                s += (isPlaceholder ? "\\fI" : "\\fB") + escape(token) + "\\fR"
            }
            s += dots
            token = ""
        }
        for ch in word {
            if "[]|".contains(ch) {
                flush()
                s.append(ch)
            } else {
                token.append(ch)
            }
        }
        flush()
        return s
    }

    func options(_ c: Command) -> [String] {
        c.allFlags.flatMap { f -> [String] in
            // `.B --long`, as the hand-written pages had it, so the long name starts a word.
            var tag = ".B \\-\\-" + Self.escape(f.long)
            if let v = f.valueName { tag += " \\fI\(Self.escape(v))\\fR" }
            if let s = f.short { tag += "\\fR, \\fB\\-\(s)" }
            return [".TP", tag, Self.text(f.fullHelp)]
        }
    }

    /// Roff-safe text: backslashes and hyphens escaped, no line taken for a request.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
    }

    static func text(_ text: String) -> String {
        let e = escape(text)
        return e.hasPrefix(".") || e.hasPrefix("'") ? "\\&" + e : e
    }
}
