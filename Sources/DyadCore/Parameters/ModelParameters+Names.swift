/// Errors of setting a parameter by name.
public enum ParameterError: Error, Equatable, Sendable {
    case unknown(String)
    case notAModelParameter(String)
}

extension ModelParameters {
    /// Sets the docs/model.md §8 parameter `name` (partner level: for `role`, or both roles when nil;
    /// couple level: `role` is ignored).
    public mutating func set(_ name: String, to value: Double, role: Role? = nil) throws(ParameterError) {
        guard let info = ParameterCatalog.info(named: name) else { throw .unknown(name) }
        guard info.level != .population else { throw .notAModelParameter(name) }
        set(info, to: value, role: role)
    }

    /// Sets a partner-level (for `role`, or both roles when nil) or couple-level parameter; a
    /// population value here is a programming error.
    public mutating func set(_ parameter: ParameterInfo, to value: Double, role: Role? = nil) {
        switch parameter.level {
        case .partner:
            if role != .b { parameter.assign(value, to: &roleA) }
            if role != .a { parameter.assign(value, to: &roleB) }
        case .couple:
            parameter.assign(value, to: &couple)
        case .population:
            preconditionFailure("\(parameter.name) is a population value, not a model parameter")
        }
    }

    /// Reads the docs/model.md §8 parameter `name` for `role` (couple level: the couple's value).
    public func value(of name: String, role: Role = .a) -> Double? {
        guard let info = ParameterCatalog.info(named: name), info.level != .population else { return nil }
        return info.value(in: self, population: PopulationParameters(), role: role)
    }
}

extension PopulationParameters {
    /// Sets a scalar population value by its docs/model.md §8 name.
    public mutating func set(_ name: String, to value: Double) throws(ParameterError) {
        guard let info = ParameterCatalog.info(named: name) else { throw .unknown(name) }
        guard info.assign(value, to: &self) else { throw .notAModelParameter(name) }
    }
}
