import Foundation
import SafeguardCore

/// End of input at the prompt: the form is abandoned and nothing is written.
public struct PromptCancelled: Error {}

/// Asks for a record field by field. Prompts go to standard error so that
/// standard output carries only records. Every answer is checked as it is
/// given, and a bad answer is asked again with the reason.
public final class Prompter {
    let readAnswer: () -> String?
    let show: (String) -> Void

    public init(readLine: @escaping () -> String? = { Swift.readLine(strippingNewline: true) },
                write: @escaping (String) -> Void = { StandardError.shared.write($0) }) {
        readAnswer = readLine
        show = write
    }

    /// Ctrl-C at the prompt ends the tool at once with nothing written.
    public static func installInterruptHandler() {
        signal(SIGINT) { _ in
            let message: StaticString = "\ninterrupted: nothing written\n"
            _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
            _exit(130)
        }
    }

    /// Asks until `parse` accepts the answer. An empty answer takes `defaultAnswer`
    /// when there is one, or returns nil when `optional`.
    public func ask<T>(_ label: String, hint: String? = nil, defaultAnswer: String? = nil, optional: Bool = false,
                       parse: (String) -> Result<T, InputProblem>) throws(PromptCancelled) -> T? {
        while true {
            var prompt = label
            if let hint { prompt += " (\(hint))" }
            if let d = defaultAnswer { prompt += " [\(d)]" } else if optional { prompt += " [Enter to skip]" }
            show(prompt + ": ")
            guard let line = readAnswer() else { show("\n"); throw PromptCancelled() }
            var answer = line.trimmed
            if answer.isEmpty {
                if let d = defaultAnswer { answer = d } else if optional { return nil } else {
                    show("  An answer is needed.\n")
                    continue
                }
            }
            switch parse(answer) {
            case .success(let v): return v
            case .failure(let p): show("  \(p.message) Please try again.\n")
            }
        }
    }

    public func required<T>(_ label: String, hint: String? = nil, defaultAnswer: String? = nil,
                            parse: (String) -> Result<T, InputProblem>) throws(PromptCancelled) -> T {
        try ask(label, hint: hint, defaultAnswer: defaultAnswer, parse: parse)!
    }

    public func yesNo(_ label: String, default d: Bool? = nil) throws(PromptCancelled) -> Bool {
        try required(label, hint: "y/n", defaultAnswer: d.map { $0 ? "y" : "n" }, parse: Parse.yesNo)
    }

    /// A numbered list; the answer is a number or the code itself.
    public func choose<C: CodeList>(_ label: String, from options: [C] = Array(C.allCases), default d: C? = nil) throws(PromptCancelled) -> C {
        showChoices(options.map(\.label))
        return try required(label, hint: "1-\(options.count)", defaultAnswer: d.map { String(options.firstIndex(of: $0)! + 1) }) { text in
            Prompter.pick(text, from: options)
        }
    }

    /// Several choices from a numbered list: "1,3,5" or codes, comma-separated.
    public func chooseMany<C: CodeList>(_ label: String, from options: [C] = Array(C.allCases), atLeastOne: Bool = true) throws(PromptCancelled) -> [C] {
        try chooseMany(label, labels: options.map(\.label), atLeastOne: atLeastOne) { Prompter.pick($0, from: options) }
    }

    /// Several choices among items that are not a CodeList (the indicator catalogue).
    public func chooseMany<T: Hashable>(_ label: String, labels: [String], atLeastOne: Bool,
                                        pick: (String) -> Result<T, InputProblem>) throws(PromptCancelled) -> [T] {
        showChoices(labels)
        let answer = try ask(label, hint: "numbers separated by commas", optional: !atLeastOne) { text -> Result<[T], InputProblem> in
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
            show("  " + String(repeating: " ", count: width - n.count) + n + ") " + l + "\n")
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

    /// Shows the record for checking and asks whether to write it.
    public func confirm(_ title: String, _ rows: [(String, String)]) throws(PromptCancelled) -> Bool {
        show("\n\(title)\n")
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        for (k, v) in rows {
            show("  " + (k + ":").padding(toLength: width, withPad: " ", startingAt: 0) + v + "\n")
        }
        return try yesNo("Write this record?", default: nil)
    }

    public func say(_ text: String) { show(text + "\n") }
}
