import DyadExperiment

/// Why `dyadsim analyze` cannot analyse a results folder: one line, exit 64 (usage), 65 (a
/// folder, design or file that does not fit) or 74 (a failed read or write).
enum AnalysisError: DyadSimError, Equatable {
    /// A bad flag value (exit 64).
    case usage(String)
    /// A results folder, design or file that cannot be analysed (exit 65).
    case invalid(String)
    /// A failed read or write (exit 74).
    case inputOutput(String)

    var lines: [String] {
        switch self {
        case .usage(let message), .invalid(let message), .inputOutput(let message): return ["error: " + message]
        }
    }

    var exitCode: Int32 {
        switch self {
        case .usage: return ExitCode.usage
        case .invalid: return ExitCode.invalidData
        case .inputOutput: return ExitCode.ioError
        }
    }
}
