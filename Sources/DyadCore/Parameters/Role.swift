/// Partner role.
public enum Role: String, Sendable, CaseIterable {
    case a, b
}
