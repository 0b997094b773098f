/// Building one record from options, or at the prompt when wanted: each field
/// is taken from its option when given (checked as at the prompt), else asked.
public extension ParsedArguments {
    func dateTime(_ long: String) throws -> DateTime? { try parsed(long, Parse.dateTime) }
}

public extension Parse {
    static func dateTime(_ text: String) -> Result<DateTime, InputProblem> {
        DateTime(text).map { .success($0) }
            ?? .failure(InputProblem("'\(text.prefix(30))' is not a real date-time with an offset; write it as yyyy-mm-ddThh:mm+00:00 (or Z)."))
    }
}

/// Runs a recording command: asks at the prompt (field options are not asked
/// again) or builds from options, then writes the record.
public func record(_ context: CommandContext, fields: [Flag], build: (ParsedArguments, Prompter?) throws -> JSONValue) throws -> ExitCode {
    var prompter: Prompter?
    if context.wantsPrompt(fieldFlags: fields) {
        Prompter.installInterruptHandler()
        prompter = Prompter()
    }
    do {
        let value = try build(context.arguments, prompter)
        if let p = prompter, !context.arguments.has(Flag.yes.long) {
            let rows = value.objectValue?.fields.filter { $0.key != "v" }.map { ($0.key, JSONWriter.string($0.value)) } ?? []
            guard try p.confirm("Record", rows) else {
                context.diagnostics.note("nothing written")
                return .cancelled
            }
        }
        try context.emit(value)
        return .ok
    } catch is PromptCancelled {
        context.diagnostics.note("nothing written")
        return .cancelled
    }
}

/// An option's value, else the answer at the prompt, else a usage error.
public func field<T>(_ a: ParsedArguments, _ p: Prompter?, _ flag: Flag, _ question: String, hint: String? = nil, defaultAnswer: String? = nil,
              _ parse: @escaping (String) -> Result<T, InputProblem>) throws -> T {
    if let v = try a.parsed(flag.long, parse) { return v }
    if let p { return try p.required(question, hint: hint, defaultAnswer: defaultAnswer, parse: parse) }
    if let d = defaultAnswer, case .success(let v) = parse(d) { return v }
    return try need(nil, flag)
}

public func optionalField<T>(_ a: ParsedArguments, _ p: Prompter?, _ flag: Flag, _ question: String, hint: String? = nil,
                      _ parse: @escaping (String) -> Result<T, InputProblem>) throws -> T? {
    if let v = try a.parsed(flag.long, parse) { return v }
    return try p?.ask(question, hint: hint, optional: true, parse: parse)
}

public func yesNoField(_ a: ParsedArguments, _ p: Prompter?, _ flag: Flag, _ question: String) throws -> Bool {
    if a.has(flag.long) { return true }
    return try p?.yesNo(question, default: false) ?? false
}

public func codeField<C: CodeList>(_ a: ParsedArguments, _ p: Prompter?, _ flag: Flag, _ question: String, default d: C? = nil) throws -> C {
    if let v: C = try a.code(flag.long) { return v }
    if let p { return try p.choose(question, default: d) }
    return try need(d, flag)
}

