/// A JSON5 syntax error: one short lowercase sentence and the position it refers to.
///
/// Messages name what was found and what was expected, for example
/// `expected ',' or '}' after an object member, found ']'`; the file name is added by the caller.
public struct JSON5SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, without a trailing period.
    public let message: String
    /// Where it went wrong.
    public let position: SourcePosition

    /// Creates an error from a message and a position.
    public init(message: String, position: SourcePosition) {
        self.message = message
        self.position = position
    }

    /// The error as `line:column: message`.
    public var description: String { "\(position): \(message)" }
}
