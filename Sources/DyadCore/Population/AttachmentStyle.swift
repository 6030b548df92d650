/// Attachment style label of a partner (docs/model.md §5.4).
public enum AttachmentStyle: UInt8, Sendable, CaseIterable {
    case secure, anxious, avoidant, fearful

    /// The label as written in CSV files.
    public var name: String {
        switch self {
        case .secure: "secure"
        case .anxious: "anxious"
        case .avoidant: "avoidant"
        case .fearful: "fearful"
        }
    }
}
