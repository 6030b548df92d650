import DyadExperiment

/// A command of the `dyadsim` tool: its options and what it does.
///
/// A command validates its arguments and inputs, then runs. Bad input and failed reads or writes
/// are thrown as ``DyadSimError``s, which ``DyadSimCommandLine/main(_:console:)`` prints and turns
/// into the exit code; the returned code is for outcomes that are not errors (0; 1 when a model
/// check fails; 130/143 after an interruption).
protocol Command: Sendable {
    static var specification: CommandSpecification { get }
    /// Runs the command; returns the exit code of an outcome that is not an error.
    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32
    /// Whether standard output carries the command's result (a listing, a schema, a plan), so
    /// that failing to write it is an input/output error (exit 74); otherwise it carries only a
    /// summary, whose loss does not change the exit code.
    static var writesResultToStandardOutput: Bool { get }
}

extension Command {
    static var writesResultToStandardOutput: Bool { false }
}
