/// Why a saved calibration state could not be read: the line (1-based) and a sentence.
public struct ABCStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line of the state text where the problem is.
    public let line: Int
    /// What is wrong, as a sentence.
    public let message: String

    /// An error at `line`.
    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}
