/// One parameter of docs/model.md §8: the single source of truth for names, defaults, ranges,
/// units and sources, used by validation, `dyadsim params`, the JSON schema and the docs.
public struct ParameterInfo: @unchecked Sendable, Equatable {
    /// The model's name, also the scenario key and CSV column (snake_case).
    public let name: String
    /// Partner, couple or population level: where the value lives and which scenario sections set it.
    public let level: ParameterLevel
    /// Inclusive validity range; values outside are errors.
    public let range: ClosedRange<Double>
    /// Source tag: C confirmed, M memory, D derived, A assumption, A* calibration.
    public let tag: String
    /// What the parameter means.
    public let meaning: String
    /// Unit or scale of the value: `min`, `days`, `turns`, `bpm`, `ECR points`, `0-1` (the 0–1 scale of
    /// arousal, security, skill, traits or satisfaction), `probability`, `fraction` (a share or
    /// relative cut), `relative` (a multiplier per unit of a trait or state), `utility` (softmax
    /// utility), `events` (weight in Pos/Neg), and a few others spelled out.
    public let unit: String
    /// The group heading of docs/model.md §8.
    public let group: String
    /// Integer-valued parameters are rounded half-to-even where used.
    public let isInteger: Bool
    let partnerPath: WritableKeyPath<PartnerParameters, Double>?
    let couplePath: WritableKeyPath<CoupleParameters, Double>?
    let populationPath: WritableKeyPath<PopulationParameters, Double>?

    /// Parameters are the same when their names are (names are unique in the catalogue).
    public static func == (lhs: ParameterInfo, rhs: ParameterInfo) -> Bool { lhs.name == rhs.name }

    /// Default value for role a (or the couple/population default).
    public var defaultValue: Double { value(in: ModelParameters(), population: PopulationParameters(), role: .a) }

    /// Default value for role b (differs from role a only for `hr_rest`).
    public var defaultValueRoleB: Double { value(in: ModelParameters(), population: PopulationParameters(), role: .b) }

    /// Reads this parameter from a parameter set.
    public func value(in parameters: ModelParameters, population: PopulationParameters, role: Role) -> Double {
        if let partnerPath {
            return role == .a ? parameters.roleA[keyPath: partnerPath] : parameters.roleB[keyPath: partnerPath]
        }
        if let couplePath { return parameters.couple[keyPath: couplePath] }
        return population[keyPath: populationPath!]
    }

    /// Reads a partner-level parameter from one partner's set (nil for other levels).
    public func value(in partner: PartnerParameters) -> Double? {
        partnerPath.map { partner[keyPath: $0] }
    }

    /// Reads a couple-level parameter (nil for other levels).
    public func value(in couple: CoupleParameters) -> Double? {
        couplePath.map { couple[keyPath: $0] }
    }

    /// Writes a partner-level value; returns false for other levels.
    @discardableResult
    public func assign(_ value: Double, to partner: inout PartnerParameters) -> Bool {
        guard let partnerPath else { return false }
        partner[keyPath: partnerPath] = value
        return true
    }

    /// Writes a couple-level value; returns false for other levels.
    @discardableResult
    public func assign(_ value: Double, to couple: inout CoupleParameters) -> Bool {
        guard let couplePath else { return false }
        couple[keyPath: couplePath] = value
        return true
    }

    /// Writes a population value; returns false for other levels.
    @discardableResult
    public func assign(_ value: Double, to population: inout PopulationParameters) -> Bool {
        guard let populationPath else { return false }
        population[keyPath: populationPath] = value
        return true
    }
}
