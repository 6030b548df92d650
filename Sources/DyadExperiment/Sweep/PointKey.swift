import DyadCore

/// Content key of a sweep point: FNV-1a (64 bit) of its sorted "path=value" lines; the empty
/// point has key 0. Stream keys derive from it, so adding points leaves others unchanged.
public enum PointKey {
    /// The key of `assignments`: FNV-1a of the sorted "path=value\n" lines (shortest number text), 0 if empty.
    public static func of(_ assignments: [(path: SweepPath, value: Double)]) -> UInt64 {
        guard !assignments.isEmpty else { return 0 }
        // FNV-1a of the sorted lines concatenated, fed line by line (no joined copy).
        return FNV1a.hash(lines: assignments.map { "\($0.path.text)=\(NumberText.shortest($0.value))\n" }.sorted())
    }
}
