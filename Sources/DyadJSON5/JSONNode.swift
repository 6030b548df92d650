/// A value together with the position of its first character (for a signed number, the sign).
public struct JSONNode: Sendable, Equatable {
    /// The value.
    public let value: JSONValue
    /// Where the value starts in the source.
    public let position: SourcePosition

    /// Creates a node from a value and the position where it starts.
    public init(value: JSONValue, position: SourcePosition) {
        self.value = value
        self.position = position
    }
}
