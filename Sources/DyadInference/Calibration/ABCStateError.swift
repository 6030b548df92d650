/// Why a saved calibration state could not be read: the line (1-based) and a sentence.
public struct ABCStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line of the state text where the problem is.
    public let line: Int
    public let message: String

    public init(line: Int, _ message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}
