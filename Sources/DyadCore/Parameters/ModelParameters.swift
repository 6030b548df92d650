/// All model parameters of a run: role a, role b and the couple level (docs/model.md §5.1: defaults <
/// role defaults < `params` < `params_a`/`params_b`).
public struct ModelParameters: Sendable, Equatable {
    public var roleA: PartnerParameters
    public var roleB: PartnerParameters
    public var couple: CoupleParameters

    public init(
        roleA: PartnerParameters = .roleA, roleB: PartnerParameters = .roleB,
        couple: CoupleParameters = CoupleParameters()
    ) {
        self.roleA = roleA
        self.roleB = roleB
        self.couple = couple
    }
}
