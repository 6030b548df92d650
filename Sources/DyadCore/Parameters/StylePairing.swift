/// One ordered pairing of prototypes with its population share (docs/model.md §5.3).
public struct StylePairing: Sendable, Equatable {
    /// Prototype name of role a.
    public var styleA: String
    /// Prototype name of role b.
    public var styleB: String
    /// Relative share (≥ 0); shares are normalised to sum 1.
    public var share: Double

    /// The pairing of prototype `styleA` (role a) with `styleB` (role b) at relative `share` ≥ 0.
    public init(styleA: String, styleB: String, share: Double) {
        self.styleA = styleA
        self.styleB = styleB
        self.share = share
    }

    /// All 16 ordered pairs of the default prototypes, share 1/16 each.
    public static let defaults: [StylePairing] = StylePrototype.defaults.flatMap { first in
        StylePrototype.defaults.map { StylePairing(styleA: first.name, styleB: $0.name, share: 1) }
    }
}
