/// Errors of setting a parameter by name.
public enum ParameterError: Error, Equatable, Sendable {
    case unknown(String)
    case notAModelParameter(String)
}

extension ModelParameters {
    /// Sets the MODEL.md parameter `name` (partner level: for `role`, or both roles when nil;
    /// couple level: `role` is ignored).
    public mutating func set(_ name: String, to value: Double, role: Role? = nil) throws(ParameterError) {
        guard let info = ParameterCatalog.info(named: name) else { throw .unknown(name) }
        switch info.level {
        case .partner:
            if role != .b { info.assign(value, to: &roleA) }
            if role != .a { info.assign(value, to: &roleB) }
        case .couple:
            info.assign(value, to: &couple)
        case .population:
            throw .notAModelParameter(name)
        }
    }

    /// Reads the MODEL.md parameter `name` for `role` (couple level: the couple's value).
    public func value(of name: String, role: Role = .a) -> Double? {
        guard let info = ParameterCatalog.info(named: name), info.level != .population else { return nil }
        return info.value(in: self, population: PopulationParameters(), role: role)
    }
}

extension PopulationParameters {
    /// Sets a scalar population value by its MODEL.md name.
    public mutating func set(_ name: String, to value: Double) throws(ParameterError) {
        guard let info = ParameterCatalog.info(named: name) else { throw .unknown(name) }
        guard info.assign(value, to: &self) else { throw .notAModelParameter(name) }
    }
}
