public extension Tool {
    /// A tool whose commands are planned but not built yet. Each says so
    /// plainly and exits 64, rather than pretending to work.
    static func notYetImplemented(name: String, summary: String, commands: [(String, String)]) -> Tool {
        Tool(name: name, summary: summary + " (not yet implemented)", commands: commands.map { command, text in
            Command(name: command, summary: text + " (not yet implemented)", usage: "", flags: []) { context in
                throw CommandFailure("\(name) \(command): not yet implemented; this release has only nrm-referral", exitCode: .usage)
            }
        })
    }
}
