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
        if let v = try context[flag] { return try given(question, flag, try checked(v, check)) }
        if let p = prompter {
            return try p.required(question, hint: hint, defaultAnswer: d.map { "\($0)" }, describe: { flag.describe($0) }, echoes: flag.echoes) {
                answer(flag, $0, check)
            }
        }
        return try checked(try need(d, flag), check)
    }

    /// A field that may be left blank.
    public func optional<T>(_ flag: Flag<T?>, _ question: String, hint: String? = nil, check: (T) -> String? = { _ in nil }) throws -> T? {
        if let v = try context[flag] { return try given(question, flag, try checked(v, check)) }
        return try prompter?.ask(question, hint: hint, optional: true, describe: { flag.describe($0) }, echoes: flag.echoes) { answer(flag, $0, check) }
    }

    func answer<T>(_ flag: Flag<T?>, _ text: String, _ check: (T) -> String?) -> Result<T, InputProblem> {
        // The reason is shown as a sentence, before "Please try again."
        flag.answer(text, context.environment).flatMap { v in check(v!).map { .failure(InputProblem($0.hasSuffix(".") ? $0 : $0 + ".")) } ?? .success(v!) }
    }

    func checked<T>(_ value: T, _ check: (T) -> String?) throws -> T {
        if let problem = check(value) { throw CommandFailure(problem, exitCode: .dataError) }
        return value
    }

    /// A value given as an option, noted for the summary at the prompt.
    func given<T, V>(_ question: String, _ flag: Flag<V>, _ value: T) -> T {
        if let p = prompter, let v = value as? V { p.noteGiven(question, flag.describe(v) ?? "\(value)") }
        else if let p = prompter { p.noteGiven(question, "\(value)") }
        return value
    }

    /// A field with a default the declaration holds: asked only at the prompt, with that default offered.
    public func value<T>(_ flag: Flag<T>, _ question: String, hint: String? = nil) throws -> T {
        let v = try context[flag]
        guard let p = prompter, !context.isGiven(flag) else { return given(question, flag, v) }
        return try p.required(question, hint: hint, defaultAnswer: "\(v)", describe: { flag.describe($0) }, echoes: flag.echoes) {
            flag.answer($0, context.environment)
        }
    }

    /// A switch: given, or yes at the prompt.
    public func yesNo(_ flag: Flag<Bool>, _ question: String, default d: Bool? = false) throws -> Bool {
        if try context[flag] { return given(question, flag, true) }
        return try prompter?.yesNo(question, default: d) ?? false
    }

    /// One code from a list, chosen by number at the prompt.
    public func choose<C: CodeList>(_ flag: Flag<C?>, _ question: String, default d: C? = nil) throws -> C {
        if let v = try context[flag] { return given(question, flag, v) }
        if let p = prompter { return try p.choose(question, default: d) }
        return try need(d, flag)
    }

    /// One code from a list with a declared default, offered at the prompt
    /// unless `offerDefault` is false (an earlier answer makes it unsafe), or
    /// `default` when given (an earlier answer suggests another).
    public func choose<C: CodeList>(_ flag: Flag<C>, _ question: String, default d: C? = nil, offerDefault: Bool = true) throws -> C {
        let v = try context[flag]
        guard let p = prompter, !context.isGiven(flag) else { return given(question, flag, v) }
        return try p.choose(question, default: offerDefault ? d ?? v : nil)
    }

    /// One code from a list, which may be left out.
    public func chooseOptional<C: CodeList>(_ flag: Flag<C?>, _ question: String) throws -> C? {
        if let v = try context[flag] { return given(question, flag, v) }
        guard let p = prompter else { return nil }
        return try p.yesNo(question + "?", default: false) ? try p.choose(question) : nil
    }

    /// Several codes from a list; at least one when `atLeastOne`.
    public func chooseMany<C: CodeList>(_ flag: Flag<[C]>, _ question: String, atLeastOne: Bool = true) throws -> [C] {
        if context.isGiven(flag) { return given(question, flag, try context[flag]) }
        if let p = prompter { return try p.chooseMany(question, atLeastOne: atLeastOne) }
        if atLeastOne { throw UsageError("--\(flag.long) is needed") }
        return []
    }

    /// Several values typed as one comma-separated answer.
    public func list<T>(_ flag: Flag<[T]>, _ question: String, hint: String? = nil) throws -> [T] {
        if context.isGiven(flag) { return given(question, flag, try context[flag]) }
        return try prompter?.ask(question, hint: hint, optional: true, describe: { flag.describe($0) }) { flag.answer($0, context.environment) } ?? []
    }

    /// Text shown only to a person at the prompt.
    public func say(_ text: String) { prompter?.say(text) }
}

/// What a `new` command made, ready to show for confirmation and write.
public struct Draft {
    public let title: String
    public let json: JSONValue
    public let rows: [(String, String)]

    /// `rows` are what the record will say beyond the answers (what the rules
    /// made of them: child or adult, consent, gaps), shown at the confirmation
    /// under the numbered answers.
    public init(_ json: JSONValue, title: String = "Record", rows: [(String, String)] = []) {
        self.title = title
        self.json = json
        self.rows = rows
    }
}

public extension CommandContext {
    /// Makes a record from the options or the answers. The record's own
    /// initialiser holds its rules, and a rule's message names the field it is
    /// about ("field dob is after the placement start"). Where this command
    /// takes that field from the option of the same name, the message names the
    /// option instead, as a usage error: "--dob is after the placement start".
    func fromOptions<R>(_ make: () throws -> R) throws -> R {
        do { return try make() } catch let e as RecordError {
            guard e.description.hasPrefix("field ") else { throw e }
            let named = e.description.dropFirst("field ".count)
            let field = named.prefix { $0 != " " && $0 != ":" }
            guard command.flags.contains(where: { $0.long == field }) else { throw e }
            throw UsageError("--" + named)
        }
    }

    /// Runs a `new` command: asks at the prompt (fields given as options are not
    /// asked again) or builds from options, through the same `build`; then, at
    /// the prompt, shows every answer numbered and asks before writing. The
    /// person may give an answer's number instead: the form is filled again,
    /// asking that question (and any that no longer hold) and keeping the rest,
    /// then confirmed again. `build` returns nil when the person declined.
    func record(fields: [any AnyFlag], title: String? = nil, build: (Form) throws -> Draft?) throws -> ExitCode {
        var prompter: Prompter?
        if try wantsPrompt(fieldFlags: fields) {
            Prompter.installInterruptHandler()
            let p = Prompter(environment: environment)
            p.say((title.map { $0 + ". " } ?? "") + Prompter.banner + "\n")
            prompter = p
        }
        do {
            while let draft = try build(Form(context: self, prompter: prompter)) {
                guard let p = prompter, !(try self[CommonFlag.yes]) else {
                    try emit(draft.json)
                    return .ok
                }
                switch try p.confirm(draft.title == "Record" ? title ?? draft.title : draft.title, draft.rows) {
                case .write:
                    try emit(draft.json)
                    return .ok
                case .discard:
                    diagnostics.note("nothing written")
                    return .cancelled
                case .change(let n):
                    p.startChanging(n)
                }
            }
        } catch is PromptCancelled {}
        diagnostics.note("nothing written")
        return .cancelled
    }
}
