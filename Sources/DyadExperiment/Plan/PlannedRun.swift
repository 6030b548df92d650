import DyadCore

/// One run: a sweep point × replicate, with its content-derived seed.
public struct PlannedRun: Sendable, Hashable, Comparable {
    /// Index of the sweep point in ``RunPlan/points`` (the `sweep_point` column).
    public let point: Int
    /// Replicate number within the point, 0-based (the `replicate` column).
    public let replicate: Int
    /// The run's stream key (``StreamKey/run(seed:pointKey:replicate:)``), the `seed` column.
    public let seed: UInt64

    /// The run of `replicate` at sweep point `point` with stream key `seed`.
    public init(point: Int, replicate: Int, seed: UInt64) {
        self.point = point
        self.replicate = replicate
        self.seed = seed
    }

    /// Output order: sweep point, then replicate.
    public static func < (lhs: PlannedRun, rhs: PlannedRun) -> Bool {
        (lhs.point, lhs.replicate) < (rhs.point, rhs.replicate)
    }

    /// A file-name-safe identifier, e.g. `p000012-r0003`.
    public var identifier: String {
        "p" + Self.padded(point, 6) + "-r" + Self.padded(replicate, 4)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
