/// A behaviour chosen in an episode turn (docs/model.md §7.6), with its style.
public enum Action: UInt8, Sendable {
    /// No action yet in this episode (or after a resumed break): every indicator is 0.
    case none
    case neutral
    case pursueSoft
    case pursueHarsh
    case withdraw
    case validate
    /// SELF_REGULATE announced as a break ("I need 20 minutes, then we talk").
    case breakAnnounced
    /// SELF_REGULATE without announcement: experienced like a withdrawal.
    case breakUnannounced

    /// PURSUE of either style.
    @inline(__always) var isPursuit: Bool { self == .pursueSoft || self == .pursueHarsh }

    /// WITHDRAW or an unannounced SELF_REGULATE: the withdrawal side of a pursue–withdraw pair.
    @inline(__always) var isWithdrawal: Bool { self == .withdraw || self == .breakUnannounced }

    /// SELF_REGULATE of either kind.
    var isBreak: Bool { self == .breakAnnounced || self == .breakUnannounced }
}
