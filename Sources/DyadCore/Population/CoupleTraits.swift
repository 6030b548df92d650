/// Day-0 traits of one couple, plus the styles-mode prototype indices (−1 in traits mode).
public struct CoupleTraits: Sendable, Equatable {
    public var anxietyA: Double
    public var avoidanceA: Double
    public var anxietyB: Double
    public var avoidanceB: Double
    /// Index into the population's prototypes for role a, or −1 in traits mode.
    public var prototypeA: Int
    /// Index into the population's prototypes for role b, or −1 in traits mode.
    public var prototypeB: Int
}
