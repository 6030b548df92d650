import DyadCore

/// Model parameter overrides by docs/model.md §8 name (docs/model.md §5.1): `params` for both roles and the
/// couple level, `params_a` / `params_b` for one role's partner-level parameters.
/// Precedence: defaults < role defaults < `params` < `params_a` / `params_b`.
public struct ParameterOverrides: Sendable, Equatable {
    /// `params`: parameter → value, in file order.
    public var shared: [ParameterValue] = []
    /// `params_a`: partner-level parameter → value for role a.
    public var roleA: [ParameterValue] = []
    /// `params_b`: partner-level parameter → value for role b.
    public var roleB: [ParameterValue] = []

    /// No overrides: every parameter at its (role) default.
    public init() {}

    /// Sets (or replaces) an override in one of the three groups; `parameter` is a model parameter
    /// (partner level, or couple level in `params`), as the scenario decoder and sweep paths check.
    public mutating func set(_ parameter: ParameterInfo, to value: Double, group: OverrideGroup) {
        precondition(
            parameter.level == .partner || (parameter.level == .couple && group == .shared),
            "\(parameter.name) cannot be set in \(group.rawValue)")
        switch group {
        case .shared: Self.upsert(&shared, parameter, value)
        case .roleA: Self.upsert(&roleA, parameter, value)
        case .roleB: Self.upsert(&roleB, parameter, value)
        }
    }

    private static func upsert(_ list: inout [ParameterValue], _ parameter: ParameterInfo, _ value: Double) {
        if let index = list.firstIndex(where: { $0.parameter == parameter }) {
            list[index].value = value
        } else {
            list.append(ParameterValue(parameter: parameter, value: value))
        }
    }

    /// The resolved parameters of both roles and the couple level.
    public func resolved() -> ModelParameters {
        var parameters = ModelParameters()
        for entry in shared { parameters.set(entry.parameter, to: entry.value) }
        for entry in roleA { parameters.set(entry.parameter, to: entry.value, role: .a) }
        for entry in roleB { parameters.set(entry.parameter, to: entry.value, role: .b) }
        return parameters
    }
}
