import SafeguardCore

/// One record's fields, filled from options or at the prompt through the same
/// code: each field is taken from its option when given (checked by the
/// option's declaration), else asked when a person is at the prompt, else its
/// default, else a usage error. A `new` command builds its record once, in a
/// closure over a `Form`, so the two ways in cannot drift apart.
public final class Form {
    public let context: CommandContext
    /// Set when a person is filling the form at the prompt.
    public let prompter: Prompter?

    init(context: CommandContext, prompter: Prompter?) {
        self.context = context
        self.prompter = prompter
    }

    public var isPrompting: Bool { prompter != nil }

    /// A field that must have a value. `check` says what is wrong with a value
    /// against the answers before it: at the prompt it is asked again with the
    /// reason; from an option it is bad data (exit 65).
    public func required<T>(_ flag: Flag<T?>, _ question: String, hint: String? = nil, default d: T? = nil,
                            check: (T) -> String? = { _ in nil }) throws -> T {
        if let v = try context[flag] { return try checked(v, check) }
        if let p = prompter {
            return try p.required(question, hint: hint, defaultAnswer: d.map { "\($0)" }) { answer(flag, $0, check) }
        }
        return try checked(try need(d, flag), check)
    }

    /// A field that may be left blank.
    public func optional<T>(_ flag: Flag<T?>, _ question: String, hint: String? = nil, check: (T) -> String? = { _ in nil }) throws -> T? {
        if let v = try context[flag] { return try checked(v, check) }
        return try prompter?.ask(question, hint: hint, optional: true) { answer(flag, $0, check) }
    }

    func answer<T>(_ flag: Flag<T?>, _ text: String, _ check: (T) -> String?) -> Result<T, InputProblem> {
        // The reason is shown as a sentence, before "Please try again."
        flag.answer(text).flatMap { v in check(v!).map { .failure(InputProblem($0.hasSuffix(".") ? $0 : $0 + ".")) } ?? .success(v!) }
    }

    func checked<T>(_ value: T, _ check: (T) -> String?) throws -> T {
        if let problem = check(value) { throw CommandFailure(problem, exitCode: .dataError) }
        return value
    }

    /// A field with a default the declaration holds: asked only at the prompt, with that default offered.
    public func value<T>(_ flag: Flag<T>, _ question: String, hint: String? = nil) throws -> T {
        let v = try context[flag]
        guard let p = prompter, !context.isGiven(flag) else { return v }
        return try p.required(question, hint: hint, defaultAnswer: "\(v)", parse: flag.answer)
    }

    /// A switch: given, or yes at the prompt.
    public func yesNo(_ flag: Flag<Bool>, _ question: String, default d: Bool? = false) throws -> Bool {
        if try context[flag] { return true }
        return try prompter?.yesNo(question, default: d) ?? false
    }

    /// One code from a list, chosen by number at the prompt.
    public func choose<C: CodeList>(_ flag: Flag<C?>, _ question: String, default d: C? = nil) throws -> C {
        if let v = try context[flag] { return v }
        if let p = prompter { return try p.choose(question, default: d) }
        return try need(d, flag)
    }

    /// One code from a list with a declared default, offered at the prompt.
    public func choose<C: CodeList>(_ flag: Flag<C>, _ question: String) throws -> C {
        let v = try context[flag]
        guard let p = prompter, !context.isGiven(flag) else { return v }
        return try p.choose(question, default: v)
    }

    /// One code from a list, which may be left out.
    public func chooseOptional<C: CodeList>(_ flag: Flag<C?>, _ question: String) throws -> C? {
        if let v = try context[flag] { return v }
        guard let p = prompter else { return nil }
        return try p.yesNo(question + "?", default: false) ? try p.choose(question) : nil
    }

    /// Several codes from a list; at least one when `atLeastOne`.
    public func chooseMany<C: CodeList>(_ flag: Flag<[C]>, _ question: String, atLeastOne: Bool = true) throws -> [C] {
        if context.isGiven(flag) { return try context[flag] }
        if let p = prompter { return try p.chooseMany(question, atLeastOne: atLeastOne) }
        if atLeastOne { throw UsageError("--\(flag.long) is needed") }
        return []
    }

    /// Several values typed as one comma-separated answer.
    public func list<T>(_ flag: Flag<[T]>, _ question: String, hint: String? = nil) throws -> [T] {
        if context.isGiven(flag) { return try context[flag] }
        return try prompter?.ask(question, hint: hint, optional: true, parse: flag.answer) ?? []
    }

    /// Text shown only to a person at the prompt.
    public func say(_ text: String) { prompter?.say(text) }
}

/// What a `new` command made, ready to show for confirmation and write.
public struct Draft {
    public let title: String
    public let json: JSONValue
    public let rows: [(String, String)]

    /// `rows` are the labelled lines shown at the confirmation; by default the record's fields.
    public init(_ json: JSONValue, title: String = "Record", rows: [(String, String)]? = nil) {
        self.title = title
        self.json = json
        self.rows = rows ?? json.objectValue?.fields.filter { $0.key != "v" }.map { ($0.key, JSONWriter.string($0.value)) } ?? []
    }
}

public extension CommandContext {
    /// Runs a `new` command: asks at the prompt (fields given as options are not
    /// asked again) or builds from options, through the same `build`; then shows
    /// the record for confirmation at the prompt and writes it. `build` returns
    /// nil when the person declined at the prompt.
    func record(fields: [any AnyFlag], build: (Form) throws -> Draft?) throws -> ExitCode {
        var prompter: Prompter?
        if try wantsPrompt(fieldFlags: fields) {
            Prompter.installInterruptHandler()
            prompter = Prompter()
        }
        do {
            if let draft = try build(Form(context: self, prompter: prompter)) {
                let confirmed = try prompter == nil || self[CommonFlag.yes] || prompter!.confirm(draft.title, draft.rows)
                if confirmed {
                    try emit(draft.json)
                    return .ok
                }
            }
        } catch is PromptCancelled {}
        diagnostics.note("nothing written")
        return .cancelled
    }
}
