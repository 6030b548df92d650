/// How the random streams of a sweep's points relate (`sweep.random_numbers`).
///
/// A run's key is runKey = sm(sm(sm(seed) ⊕ k_p) ⊕ r) >> 11 (docs/model.md §7.20) with k_p the
/// point key. With `independent` (the default) k_p is the ``PointKey`` of the point's values,
/// so every point draws its own couples and noise. With `common` k_p = 0 for every point:
/// every point of replicate r simulates the same couples with the same streams, still derived
/// only from the scenario seed and r (so adding points changes nothing else). Differences
/// between points then come from the swept values alone, as long as they do not change the
/// number or order of draws (Kleijnen's common random numbers: comparisons of like with like).
public enum RandomNumbers: String, Sendable, CaseIterable {
    /// Each point's streams derive from its values (today's behaviour).
    case independent
    /// Every point of a replicate shares the same streams.
    case common

    /// The point key that enters the run key of a point whose content key is `pointKey`.
    public func streamKey(pointKey: UInt64) -> UInt64 {
        switch self {
        case .independent: return pointKey
        case .common: return 0
        }
    }
}
