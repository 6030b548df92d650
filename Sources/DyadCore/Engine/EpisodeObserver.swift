/// Sees every action of a couple's conflict episodes on its outcome days (traces.csv,
/// docs/dyadic-data.md). The engine is generic over the observer and specialised for each:
/// the untraced path uses ``NoEpisodeObserver``, whose empty methods compile to nothing, so
/// tracing costs untraced couples nothing and changes no draw of any stream.
protocol EpisodeObserver {
    /// Outcome day `day` starts.
    mutating func beginDay(_ day: Int)
    /// An episode starts (on the current day).
    mutating func beginEpisode()
    /// An action was taken (its impulse, and for a break its decay, applied); `a` and `b` are
    /// the partners' states after it.
    mutating func record(
        turn: Int, actorIsA: Bool, action: Action, forced: Bool, a: PartnerState, b: PartnerState,
        constants: CoupleConstants)
    /// The current episode ended.
    mutating func endEpisode(_ ending: EpisodeEnding)
}

/// The observer of untraced couples: does nothing.
struct NoEpisodeObserver: EpisodeObserver {
    @inline(__always) mutating func beginDay(_ day: Int) {}
    @inline(__always) mutating func beginEpisode() {}
    @inline(__always) mutating func record(
        turn: Int, actorIsA: Bool, action: Action, forced: Bool, a: PartnerState, b: PartnerState,
        constants: CoupleConstants
    ) {}
    @inline(__always) mutating func endEpisode(_ ending: EpisodeEnding) {}
}
