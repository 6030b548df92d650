import DyadExperiment
import DyadIO

/// Why `dyadsim report` could not make a report, rendered as one line.
///
/// ``kind`` decides the exit code: invalid data 65, input/output 74, a request the data cannot
/// satisfy (such as `--point` beyond the last sweep point) 64.
public struct ReportError: DyadSimError, Equatable, CustomStringConvertible {
    /// The class of failure, which decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// The directory is not a readable DyadSim output: a missing or malformed file (exit 65).
        case invalidData
        /// A file or directory could not be read or written (exit 74).
        case inputOutput
        /// The request does not fit the data, e.g. a sweep point that does not exist (exit 64).
        case invalidRequest
    }

    /// The class of failure.
    public let kind: Kind
    /// The message, without the `error: ` prefix.
    public let message: String

    /// Creates an error of `kind` with `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An invalid-data error.
    static func invalid(_ message: String) -> ReportError { ReportError(.invalidData, message) }

    /// An input/output error from a failed write.
    static func output(_ error: OutputError) -> ReportError { ReportError(.inputOutput, error.message) }

    /// The message (without the `error: ` prefix).
    public var description: String { message }

    /// `error: ` and the message.
    public var lines: [String] { ["error: " + EscapedText.escaped(message)] }

    /// 65 for invalid data, 74 for an input/output failure, 64 for a request the data cannot satisfy.
    public var exitCode: Int32 {
        switch kind {
        case .invalidData: ExitCode.invalidData
        case .inputOutput: ExitCode.ioError
        case .invalidRequest: ExitCode.usage
        }
    }
}
