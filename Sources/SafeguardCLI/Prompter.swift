import Foundation
import SafeguardCore

/// End of input at the prompt: the form is abandoned and nothing is written.
public struct PromptCancelled: Error {}

/// Asks for a record field by field. Prompts go to standard error so that
/// standard output carries only records. Every answer is checked as it is
/// given, and a bad answer is asked again with the reason.
///
/// Every answer is kept, numbered, for the summary at the confirmation. To
/// change answer N the form is filled again: the answers before and after it
/// are reused without asking while they still hold (each parsed and checked
/// again against the answers before it), answer N is asked again, and an
/// answer that no longer holds, or a question that was not asked before, is
/// asked. So what depended on the changed answer is always checked again.
public final class Prompter {
    let readAnswer: () -> String?
    let show: (String) -> Void
    /// Today and now, for `today`, `yesterday` and `now` at the prompt.
    public let environment: Environment

    /// One answer of this pass through the form.
    struct Answer {
        let key: String
        let label: String
        /// As typed (after a default was taken); empty when skipped.
        let text: String
        /// As the summary shows it.
        let shown: String
    }
    /// A field given as an option: shown in the summary, not numbered.
    struct Given {
        let label: String
        let shown: String
    }

    var answers: [Answer] = []
    var given: [Given] = []
    var occurrences: [String: Int] = [:]
    /// The answers of the pass before, by key, while an answer is being changed.
    var earlier: [String: String] = [:]
    var changing: String?
    /// Output is held back while replaying the answers before the one being changed.
    var quiet = false

    public init(readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) },
                write: @escaping (String) -> Void = { StandardError.shared.write($0) },
                environment: Environment = .system()) {
        readAnswer = readLine
        show = write
        self.environment = environment
    }

    /// The line shown at the top of every form.
    public static let banner = "Enter accepts a [default]. Ctrl-D or Ctrl-C stops; nothing is written."

    /// Ctrl-C at the prompt ends the tool at once with nothing written.
    public static func installInterruptHandler() {
        signal(SIGINT) { _ in
            let message: StaticString = "\ninterrupted: nothing written\n"
            _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
            _exit(130)
        }
    }

    func out(_ text: String) { if !quiet { show(text) } }

    /// Asks until `parse` accepts the answer. An empty answer takes `defaultAnswer`
    /// when there is one, or returns nil when `optional`. `describe` says how the
    /// value is shown in the summary (as typed when nil); with `echoes` the
    /// accepted value is shown back at once (a date in ISO and in words).
    /// `choices` are listed before the question when it is asked.
    public func ask<T>(_ label: String, hint: String? = nil, defaultAnswer: String? = nil, optional: Bool = false,
                       choices: [String] = [], describe: ((T) -> String?)? = nil, echoes: Bool = false,
                       parse: (String) -> Result<T, InputProblem>) throws(PromptCancelled) -> T? {
        let n = occurrences[label, default: 0]
        occurrences[label] = n + 1
        let key = n == 0 ? label : "\(label) #\(n + 1)"
        func keep(_ text: String, _ v: T?) -> T? {
            let shown = v.map { describe?($0) ?? text } ?? "(none)"
            answers.append(Answer(key: key, label: label, text: text, shown: shown))
            return v
        }
        var offered = defaultAnswer
        if let old = earlier[key] {
            if key == changing {
                // The answer being changed: asked again, its old answer offered.
                quiet = false
                if !old.isEmpty { offered = old }
            } else if old.isEmpty, optional {
                return keep("", nil)
            } else if !old.isEmpty {
                switch parse(old) {
                case .success(let v): return keep(old, v)
                case .failure(let p):
                    quiet = false
                    out("  The answer to \"\(label)\" no longer holds: \(p.message)\n")
                }
            }
        }
        // Asked now: whatever was held back while replaying is over.
        quiet = false
        if !choices.isEmpty { showChoices(choices) }
        while true {
            var prompt = label
            if let hint { prompt += " (\(hint))" }
            if let d = offered { prompt += " [\(d)]" } else if optional { prompt += " [Enter to skip]" }
            out(prompt + ": ")
            guard let line = readAnswer() else { out("\n"); throw PromptCancelled() }
            var answer = line.trimmed
            if answer.isEmpty {
                if let d = offered { answer = d } else if optional { return keep("", nil) } else {
                    out("  An answer is needed.\n")
                    continue
                }
            }
            switch parse(answer) {
            case .success(let v):
                if echoes, let words = describe?(v) { out("  = \(words)\n") }
                return keep(answer, v)
            case .failure(let p): out("  \(p.message) Please try again.\n")
            }
        }
    }

    public func required<T>(_ label: String, hint: String? = nil, defaultAnswer: String? = nil, choices: [String] = [],
                            describe: ((T) -> String?)? = nil, echoes: Bool = false,
                            parse: (String) -> Result<T, InputProblem>) throws(PromptCancelled) -> T {
        try ask(label, hint: hint, defaultAnswer: defaultAnswer, choices: choices, describe: describe, echoes: echoes, parse: parse)!
    }

    public func yesNo(_ label: String, default d: Bool? = nil) throws(PromptCancelled) -> Bool {
        try required(label, hint: "y/n", defaultAnswer: d.map { $0 ? "y" : "n" }, describe: { $0 ? "yes" : "no" }, parse: Parse.yesNo)
    }

    /// A date: dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, today or yesterday, echoed in ISO and in words.
    public func date(_ label: String, hint: String = "dd/mm/yyyy", defaultAnswer: String? = nil, optional: Bool = false) throws(PromptCancelled) -> CivilDate? {
        let today = environment.today()
        return try ask(label, hint: hint, defaultAnswer: defaultAnswer, optional: optional, describe: { $0.echoed }, echoes: true) {
            Parse.promptDate($0, today: today)
        }
    }

    /// A numbered list; the answer is a number or the code itself.
    public func choose<C: CodeList>(_ label: String, from options: [C] = Array(C.allCases), default d: C? = nil) throws(PromptCancelled) -> C {
        try required(label, hint: "1-\(options.count)", defaultAnswer: d.map { String(options.firstIndex(of: $0)! + 1) },
                     choices: options.map(\.label), describe: { $0.label }) { text in
            Prompter.pick(text, from: options)
        }
    }

    /// Several choices from a numbered list: "1,3,5" or codes, comma-separated.
    public func chooseMany<C: CodeList>(_ label: String, from options: [C] = Array(C.allCases), atLeastOne: Bool = true) throws(PromptCancelled) -> [C] {
        try chooseMany(label, labels: options.map(\.label), atLeastOne: atLeastOne, describe: \.label) { Prompter.pick($0, from: options) }
    }

    /// Several choices among items that are not a CodeList (the indicator catalogue).
    public func chooseMany<T: Hashable>(_ label: String, labels: [String], atLeastOne: Bool, describe: ((T) -> String)? = nil,
                                        pick: (String) -> Result<T, InputProblem>) throws(PromptCancelled) -> [T] {
        let answer = try ask(label, hint: "numbers separated by commas", optional: !atLeastOne, choices: labels,
                             describe: { (v: [T]) in describe.map { d in v.map(d).joined(separator: ", ") } }) { text -> Result<[T], InputProblem> in
            var picked: [T] = []
            for part in text.split(separator: ",").map({ String($0).trimmed }) where !part.isEmpty {
                switch pick(part) {
                case .success(let v): if !picked.contains(v) { picked.append(v) }
                case .failure(let p): return .failure(p)
                }
            }
            return picked.isEmpty ? .failure(InputProblem("Choose at least one.")) : .success(picked)
        }
        return answer ?? []
    }

    func showChoices(_ labels: [String]) {
        let width = String(labels.count).count
        for (k, l) in labels.enumerated() {
            let n = String(k + 1)
            out("  " + String(repeating: " ", count: width - n.count) + n + ") " + l + "\n")
        }
    }

    static func pick<C: CodeList>(_ text: String, from options: [C]) -> Result<C, InputProblem> {
        if let n = Int(text) {
            guard (1...options.count).contains(n) else { return .failure(InputProblem("Choose a number from 1 to \(options.count).")) }
            return .success(options[n - 1])
        }
        if let c = C(rawValue: text), options.contains(c) { return .success(c) }
        return .failure(InputProblem("'\(text.prefix(40))' is not one of the choices."))
    }

    /// A field given as an option: listed in the summary, not asked.
    func noteGiven(_ label: String, _ shown: String) {
        given.append(Given(label: label, shown: shown))
    }

    /// What the person said at the confirmation.
    public enum Decision: Equatable {
        case write, discard
        /// Change the answer with this number (from 1).
        case change(Int)
    }

    /// Shows every answer, numbered, then what was given as options and what the
    /// record will say (`rows`), and asks whether to write it, or which answer to change.
    public func confirm(_ title: String, _ rows: [(String, String)]) throws(PromptCancelled) -> Decision {
        quiet = false
        show("\n\(title): please check\n")
        let labelWidth = min((answers.map(\.label.count) + given.map(\.label.count)).max() ?? 0, 40)
        let numberWidth = String(answers.count).count
        func line(_ number: String, _ label: String, _ value: String) {
            show("  " + String(repeating: " ", count: numberWidth - number.count) + number + "  "
                 + (label + ":").padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0) + value + "\n")
        }
        for (k, a) in answers.enumerated() { line(String(k + 1), a.label, a.shown) }
        for g in given { line("", g.label, g.shown + " (option)") }
        if !rows.isEmpty {
            show("\nThe record will say:\n")
            let width = (rows.map(\.0.count).max() ?? 0) + 2
            for (k, v) in rows { show("  " + (k + ":").padding(toLength: width, withPad: " ", startingAt: 0) + v + "\n") }
        }
        let hint = answers.isEmpty ? "y/n" : "y/n, or the number of an answer to change it"
        let count = answers.count
        let decision = try required("Write this record?", hint: hint) { text -> Result<Decision, InputProblem> in
            if let n = Int(text) {
                return (1...max(count, 1)).contains(n) && count > 0 ? .success(.change(n))
                    : .failure(InputProblem(count == 0 ? "Answer y or n." : "Answer y, n, or a number from 1 to \(count)."))
            }
            return Parse.yesNo(text).map { $0 ? .write : .discard }
        }
        // The confirmation itself is not an answer of the form.
        answers.removeLast()
        occurrences["Write this record?"] = nil
        return decision
    }

    /// Starts the form again to change answer `number`: the other answers are reused while they hold.
    func startChanging(_ number: Int) {
        var kept: [String: String] = [:]
        for a in answers { kept[a.key] = a.text }
        earlier = kept
        changing = answers[number - 1].key
        show("\nChanging \(number): \(answers[number - 1].label). The other answers are kept while they still hold.\n")
        answers = []
        given = []
        occurrences = [:]
        quiet = true
    }

    public func say(_ text: String) { out(text + "\n") }
}
