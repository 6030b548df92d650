import DyadCore

extension ModelParameters {
    /// Defaults with `shared` set for both roles (and the couple level), then `a` and `b` for one
    /// role each (docs/model.md §5.1 order).
    public static func with(
        _ shared: [String: Double] = [:], a: [String: Double] = [:], b: [String: Double] = [:]
    ) throws -> ModelParameters {
        var parameters = ModelParameters()
        for (name, value) in shared { try parameters.set(name, to: value) }
        for (name, value) in a { try parameters.set(name, to: value, role: .a) }
        for (name, value) in b { try parameters.set(name, to: value, role: .b) }
        return parameters
    }

    /// The value of parameter `name` for `role` (NaN if unknown).
    public func named(_ name: String, _ role: Role = .a) -> Double { value(of: name, role: role) ?? .nan }
}

extension PartnerParameters {
    /// The value of partner-level parameter `name` (NaN if unknown or not partner level).
    public func named(_ name: String) -> Double { ParameterCatalog.info(named: name)?.value(in: self) ?? .nan }
}

extension CoupleParameters {
    /// The value of couple-level parameter `name` (NaN if unknown or not couple level).
    public func named(_ name: String) -> Double { ParameterCatalog.info(named: name)?.value(in: self) ?? .nan }
}

/// Comparison of computed values with hand-computed ones.
public enum Close {
    /// |x − y| ≤ tolerance·max(1, |y|), or both NaN.
    public static func to(_ x: Double, _ y: Double, _ tolerance: Double = 1e-12) -> Bool {
        (x.isNaN && y.isNaN) || abs(x - y) <= tolerance * max(1, abs(y))
    }
}
