import DyadCore

/// A parsed sweep path and its validity range.
public struct SweepPath: Sendable, Equatable, Hashable {
    /// The path as written (also the column name in `runs.csv` and `points.csv`).
    public let text: String
    /// What the path sets: a model or population parameter, a run size, or a field of an arm's intervention.
    public let target: SweepTarget

    /// Hashes the text only (the text determines the target).
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// Whether values must be whole numbers.
    public var isInteger: Bool {
        switch target {
        case .parameter(_, let parameter), .population(let parameter): parameter.isInteger
        case .couples, .days, .burnInDays, .baselineDay: true
        case .intervention(_, _, let field): field == .startDay || field == .endDay
        }
    }

    /// Applies `value` to `scenario`.
    public func apply(_ value: Double, to scenario: inout Scenario) {
        switch target {
        case .parameter(let group, let parameter):
            scenario.parameters.set(parameter, to: value, group: group)
        case .population(let parameter):
            parameter.assign(value, to: &scenario.population)
        case .couples: scenario.couples = Int(value)
        case .days: scenario.days = Int(value)
        case .burnInDays: scenario.burnInDays = Int(value)
        case .baselineDay: scenario.baselineDay = Int(value)
        case .intervention(let armName, let selector, let field):
            guard let armIndex = scenario.arms.firstIndex(where: { $0.name == armName }) else { return }
            for index in scenario.arms[armIndex].interventions.indices {
                let intervention = scenario.arms[armIndex].interventions[index]
                switch selector {
                case .type(let type): guard intervention.kind.type == type else { continue }
                case .index(let wanted): guard index == wanted else { continue }
                }
                Self.apply(value, field: field, to: &scenario.arms[armIndex].interventions[index])
            }
        }
    }

    private static func apply(_ value: Double, field: InterventionField, to intervention: inout Intervention) {
        switch field {
        case .strength: intervention.strength = value
        case .startDay: intervention.startDay = Int(value)
        case .endDay: intervention.endDay = Int(value)
        case .value:
            if case .set(let parameter, _) = intervention.kind {
                intervention.kind = .set(parameter: parameter, value: value)
            }
        }
    }
}
