/// An error the user can act on — a bad flag, file, field or value, or a failed read or write —
/// carried as the lines to show and the exit code to end with.
///
/// Every user-facing error type adopts it. Commands validate their input, then run, and throw;
/// the command line's entry point prints ``lines`` to standard error and returns ``exitCode``,
/// in one place. Programmer errors (broken invariants) are preconditions, not `DyadSimError`s.
public protocol DyadSimError: Error, Sendable {
    /// The lines for standard error, one per root cause, each complete
    /// (`error: Scenarios/trial.json5: params.g0: 2 is out of range (allowed 0...1)`).
    var lines: [String] { get }
    /// The process exit code (``ExitCode``): 64 usage, 65 invalid scenario or data, 74 I/O,
    /// 1 anything else.
    var exitCode: Int32 { get }
}
