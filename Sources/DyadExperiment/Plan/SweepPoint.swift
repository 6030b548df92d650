import DyadCore

/// One sweep point: its index, its assignments and its content key.
public struct SweepPoint: Sendable {
    public let index: Int
    public let assignments: [(path: SweepPath, value: Double)]
    /// ``PointKey`` of the assignments.
    public let key: UInt64

    /// The value assigned to `path`, if this point assigns it.
    public func value(of path: SweepPath) -> Double? {
        assignments.last { $0.path.text == path.text }?.value
    }
}
