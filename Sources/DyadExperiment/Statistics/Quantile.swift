/// Sample quantiles of ascending data.
public enum Quantile {
    /// Quantile of type 7 (Hyndman & Fan 1996, the R default): linear interpolation between the
    /// order statistics x_(⌊h⌋) and x_(⌊h⌋+1) at h = (n − 1)·p (0-based) of `sorted`, values
    /// sorted ascending; `probability` is clamped to 0...1; NaN if `sorted` is empty.
    public static func type7(sorted: [Double], _ probability: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let position = Double(sorted.count - 1) * min(1, max(0, probability))
        let lower = Int(position.rounded(.down))
        let upper = min(sorted.count - 1, lower + 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
