/// One `key: value` member of an object.
public struct JSONMember: Sendable, Equatable {
    /// The key with escapes resolved, whether it was written quoted or as an identifier.
    public let key: String
    /// Where the key starts in the source (for a quoted key, its opening quote).
    public let keyPosition: SourcePosition
    /// The member's value.
    public let node: JSONNode

    /// Creates a member from its key, the key's position and the value node.
    public init(key: String, keyPosition: SourcePosition, node: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.node = node
    }
}
