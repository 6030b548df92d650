/// Day-0 traits of one couple, plus the styles-mode prototype indices (−1 in traits mode).
public struct CoupleTraits: Sendable, Equatable {
    /// Anxiety a0 of the partner in role a, 0–1.
    public var anxietyA: Double
    /// Avoidance v0 of the partner in role a, 0–1.
    public var avoidanceA: Double
    /// Anxiety a0 of the partner in role b, 0–1.
    public var anxietyB: Double
    /// Avoidance v0 of the partner in role b, 0–1.
    public var avoidanceB: Double
    /// Index into the population's prototypes for role a, or −1 in traits mode.
    public var prototypeA: Int
    /// Index into the population's prototypes for role b, or −1 in traits mode.
    public var prototypeB: Int
}
