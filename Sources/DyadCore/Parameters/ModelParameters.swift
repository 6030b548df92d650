/// All model parameters of a run: role a, role b and the couple level (docs/model.md §5.1: defaults <
/// role defaults < `params` < `params_a`/`params_b`).
public struct ModelParameters: Sendable, Equatable {
    /// Partner-level parameters of role a (`params`, then `params_a`, over the role defaults).
    public var roleA: PartnerParameters
    /// Partner-level parameters of role b (`params`, then `params_b`, over the role defaults).
    public var roleB: PartnerParameters
    /// Couple-level parameters (`params`).
    public var couple: CoupleParameters

    /// The defaults of docs/model.md §8 unless given.
    public init(
        roleA: PartnerParameters = .roleA, roleB: PartnerParameters = .roleB,
        couple: CoupleParameters = CoupleParameters()
    ) {
        self.roleA = roleA
        self.roleB = roleB
        self.couple = couple
    }
}
