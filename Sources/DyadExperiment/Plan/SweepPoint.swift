import DyadCore

/// One sweep point: its index, its assignments and its content key.
public struct SweepPoint: Sendable {
    /// Position in the plan's points, 0-based (the `sweep_point` column).
    public let index: Int
    /// The swept paths and their values at this point, in design order.
    public let assignments: [(path: SweepPath, value: Double)]
    /// ``PointKey`` of the assignments.
    public let key: UInt64

    /// The value assigned to `path`, if this point assigns it.
    public func value(of path: SweepPath) -> Double? {
        assignments.last { $0.path.text == path.text }?.value
    }
}
