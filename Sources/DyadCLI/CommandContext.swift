/// What every command gets besides its arguments.
struct CommandContext {
    let console: Console
    /// The full command line (for manifests).
    let invocation: [String]
}
