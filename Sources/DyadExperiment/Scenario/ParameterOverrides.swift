import DyadCore

/// Model parameter overrides by MODEL.md name (MODEL.md §2): `params` for both roles and the
/// couple level, `params_a` / `params_b` for one role's partner-level parameters.
/// Precedence: defaults < role defaults < `params` < `params_a` / `params_b`.
public struct ParameterOverrides: Sendable, Equatable {
    /// `params`: name → value, in file order.
    public var shared: [NamedValue] = []
    /// `params_a`: partner-level name → value for role a.
    public var roleA: [NamedValue] = []
    /// `params_b`: partner-level name → value for role b.
    public var roleB: [NamedValue] = []

    public init() {}

    /// Sets (or replaces) an override in one of the three groups.
    public mutating func set(_ name: String, to value: Double, group: OverrideGroup) {
        switch group {
        case .shared: Self.upsert(&shared, name, value)
        case .roleA: Self.upsert(&roleA, name, value)
        case .roleB: Self.upsert(&roleB, name, value)
        }
    }

    private static func upsert(_ list: inout [NamedValue], _ name: String, _ value: Double) {
        if let index = list.firstIndex(where: { $0.name == name }) {
            list[index].value = value
        } else {
            list.append(NamedValue(name: name, value: value))
        }
    }

    /// The resolved parameters of both roles and the couple level.
    public func resolved() throws(ParameterError) -> ModelParameters {
        var parameters = ModelParameters()
        for entry in shared { try parameters.set(entry.name, to: entry.value) }
        for entry in roleA { try parameters.set(entry.name, to: entry.value, role: .a) }
        for entry in roleB { try parameters.set(entry.name, to: entry.value, role: .b) }
        return parameters
    }
}

/// A parameter name with its value.
public struct NamedValue: Sendable, Equatable {
    public var name: String
    public var value: Double

    public init(name: String, value: Double) {
        self.name = name
        self.value = value
    }
}

/// The three override groups of a scenario.
public enum OverrideGroup: String, Sendable, CaseIterable {
    case shared = "params"
    case roleA = "params_a"
    case roleB = "params_b"
}
