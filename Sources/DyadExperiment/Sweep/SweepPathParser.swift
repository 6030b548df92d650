import DyadCore

/// Why a sweep path is not valid for a scenario.
public struct SweepPathError: Error, Sendable, Equatable {
    /// One sentence, e.g. `unknown parameter "imp_hrash"; did you mean "imp_harsh"?`.
    public let message: String
}

extension SweepPath {
    /// Paths of the form `params.X`, `params_a.X`, `params_b.X`, `population.X`, `couples`,
    /// `days`, `burn_in_days`, `baseline_day`, `arms.ARM.TYPE.FIELD` or
    /// `arms.ARM.interventions[I].FIELD` (FIELD: strength, start_day, end_day, value).
    public static func parse(_ text: String, in scenario: Scenario) -> Result<SweepPath, SweepPathError> {
        func failure(_ message: String) -> Result<SweepPath, SweepPathError> { .failure(SweepPathError(message: message)) }
        func success(_ target: SweepTarget) -> Result<SweepPath, SweepPathError> { .success(SweepPath(text: text, target: target)) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let roots = ["params", "params_a", "params_b", "population", "couples", "days", "burn_in_days", "baseline_day", "arms"]
        switch parts[0] {
        case "couples" where parts.count == 1: return success(.couples)
        case "days" where parts.count == 1: return success(.days)
        case "burn_in_days" where parts.count == 1: return success(.burnInDays)
        case "baseline_day" where parts.count == 1: return success(.baselineDay)
        case "params", "params_a", "params_b":
            guard parts.count == 2 else { return failure("a parameter path has the form \(parts[0]).NAME") }
            let group = OverrideGroup(rawValue: parts[0])!
            guard let info = ParameterCatalog.info(named: parts[1]), info.level != .population else {
                return failure(unknownParameter(parts[1], among: ParameterCatalog.modelParameterNames))
            }
            if group != .shared && info.level != .partner {
                return failure("\(info.name) is a couple-level parameter; sweep it as params.\(info.name)")
            }
            return success(.parameter(group: group, name: info.name))
        case "population":
            let names = ParameterCatalog.all.filter { $0.level == .population }.map(\.name)
            guard parts.count == 2, names.contains(parts[1]) else {
                return failure(unknownParameter(parts.count == 2 ? parts[1] : text, among: names, kind: "population value"))
            }
            return success(.population(name: parts[1]))
        case "arms":
            return parseIntervention(parts, text: text, in: scenario)
        default:
            let hint = Suggestion.hint(for: parts[0], among: roots)
            return failure("unknown sweep path \"\(text)\"\(hint) (paths start with params., params_a., params_b., population., arms., or are couples, days, burn_in_days, baseline_day)")
        }
    }

    private static func unknownParameter(_ name: String, among names: [String], kind: String = "parameter") -> String {
        let hint = Suggestion.hint(for: name, among: names)
        return "unknown \(kind) \"\(name)\"\(hint)"
    }

    private static func parseIntervention(_ parts: [String], text: String, in scenario: Scenario) -> Result<SweepPath, SweepPathError> {
        func failure(_ message: String) -> Result<SweepPath, SweepPathError> { .failure(SweepPathError(message: message)) }
        guard parts.count == 4 else {
            return failure("an intervention path has the form arms.ARM.TYPE.FIELD or arms.ARM.interventions[I].FIELD")
        }
        let armNames = scenario.arms.map(\.name)
        guard let arm = scenario.arms.first(where: { $0.name == parts[1] }) else {
            let hint = Suggestion.hint(for: parts[1], among: armNames)
            return failure("no arm is named \"\(parts[1])\"\(hint) (arms: \(armNames.joined(separator: ", ")))")
        }
        guard let field = InterventionField(rawValue: parts[3]) else {
            let names = InterventionField.allCases.map(\.rawValue)
            let hint = Suggestion.hint(for: parts[3], among: names)
            return failure("unknown intervention field \"\(parts[3])\"\(hint) (allowed \(names.joined(separator: ", ")))")
        }
        let selector: InterventionSelector
        let matching: [Intervention]
        if parts[2].hasPrefix("interventions[") && parts[2].hasSuffix("]") {
            let digits = parts[2].dropFirst("interventions[".count).dropLast()
            guard let index = Int(digits), arm.interventions.indices.contains(index) else {
                return failure("arm \"\(arm.name)\" has no intervention \(parts[2].dropFirst("interventions".count)) (it has \(arm.interventions.count))")
            }
            selector = .index(index)
            matching = [arm.interventions[index]]
        } else {
            let types = arm.interventions.map(\.kind.typeName)
            guard types.contains(parts[2]) else {
                let known = InterventionKind.typeNames.contains(parts[2])
                let hint = known ? "" : Suggestion.hint(for: parts[2], among: InterventionKind.typeNames)
                let present = types.isEmpty ? "none" : types.joined(separator: ", ")
                return failure("arm \"\(arm.name)\" has no \(parts[2]) intervention\(hint) (it has: \(present))")
            }
            selector = .type(parts[2])
            matching = arm.interventions.filter { $0.kind.typeName == parts[2] }
        }
        if field == .value, !matching.allSatisfy({ if case .set = $0.kind { true } else { false } }) {
            return failure("only set interventions have a value to sweep")
        }
        return .success(SweepPath(text: text, target: .intervention(arm: arm.name, selector: selector, field: field)))
    }

    /// The inclusive range of valid values on this path for `scenario`.
    public func validRange(in scenario: Scenario) -> ClosedRange<Double> {
        switch target {
        case .parameter(_, let name), .population(let name):
            return ParameterCatalog.info(named: name)?.range ?? -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        case .couples: return 1...Limits.maximumCouples
        case .days: return 1...Limits.maximumDays
        case .burnInDays: return 0...Limits.maximumDays
        case .baselineDay: return 0...Limits.maximumDays
        case .intervention(let armName, let selector, let field):
            switch field {
            case .strength: return 0...1
            case .startDay, .endDay: return 0...Limits.maximumDays
            case .value:
                let arm = scenario.arms.first { $0.name == armName }
                for (index, intervention) in (arm?.interventions ?? []).enumerated() {
                    if case .index(let wanted) = selector, wanted != index { continue }
                    if case .set(let name, _) = intervention.kind, let info = ParameterCatalog.info(named: name) {
                        return info.range
                    }
                }
                return 0...0
            }
        }
    }
}

/// Hard limits of the scenario format.
public enum Limits {
    public static let maximumCouples = 100_000_000.0
    public static let maximumDays = 100_000.0
    public static let maximumReplicates = 1_000_000.0
    public static let maximumPoints = 10_000_000
}
