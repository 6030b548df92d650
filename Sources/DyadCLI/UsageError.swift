import DyadExperiment

/// A usage mistake (unknown flag, missing value, bad number): `error: ` and the message, then the
/// usage line where it helps; exit code 64.
struct UsageError: DyadSimError {
    let message: String
    /// The usage shown after the message as `usage: …`, if any.
    var usage: String? = nil

    /// The same mistake followed by `usage: <usage>`.
    func withUsage(_ usage: String) -> UsageError { UsageError(message: message, usage: usage) }

    var lines: [String] { ["error: " + message] + (usage.map { ["usage: " + $0] } ?? []) }

    var exitCode: Int32 { ExitCode.usage }
}
