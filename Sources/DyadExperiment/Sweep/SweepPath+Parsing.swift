import DyadCore

extension SweepPath {
    /// Paths of the form `params.X`, `params_a.X`, `params_b.X`, `population.X`, `couples`,
    /// `days`, `burn_in_days`, `baseline_day`, `arms.ARM.TYPE.FIELD` or
    /// `arms.ARM.interventions[I].FIELD` (FIELD: strength, start_day, end_day, value). Messages
    /// quote the path escaped and shortened; `suggestions: false` skips the did-you-mean search
    /// (for problems that will not be shown).
    public static func parse(_ text: String, in scenario: Scenario, suggestions: Bool = true) -> Result<
        SweepPath, SweepPathError
    > {
        func failure(_ message: String) -> Result<SweepPath, SweepPathError> {
            .failure(SweepPathError(message: message))
        }
        func hint(_ word: String, _ candidates: [String]) -> String {
            suggestions ? Suggestion.hint(for: word, among: candidates) : ""
        }
        func success(_ target: SweepTarget) -> Result<SweepPath, SweepPathError> {
            .success(SweepPath(text: text, target: target))
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let roots = [
            "params", "params_a", "params_b", "population", "couples", "days", "burn_in_days", "baseline_day", "arms",
        ]
        switch parts[0] {
        case "couples" where parts.count == 1: return success(.couples)
        case "days" where parts.count == 1: return success(.days)
        case "burn_in_days" where parts.count == 1: return success(.burnInDays)
        case "baseline_day" where parts.count == 1: return success(.baselineDay)
        case "params", "params_a", "params_b":
            guard parts.count == 2 else { return failure("a parameter path has the form \(parts[0]).NAME") }
            let group = OverrideGroup(rawValue: parts[0])!
            guard let info = ParameterCatalog.info(named: parts[1]), info.level != .population else {
                return failure(unknownParameter(parts[1], hint: hint(parts[1], ParameterCatalog.modelParameterNames)))
            }
            if group != .shared && info.level != .partner {
                return failure("\(info.name) is a couple-level parameter; sweep it as params.\(info.name)")
            }
            return success(.parameter(group: group, parameter: info))
        case "population":
            let names = ParameterCatalog.all.filter { $0.level == .population }.map(\.name)
            guard parts.count == 2, let info = ParameterCatalog.info(named: parts[1]), info.level == .population else {
                let name = parts.count == 2 ? parts[1] : text
                return failure(unknownParameter(name, hint: hint(name, names), kind: "population value"))
            }
            return success(.population(info))
        case "arms":
            return parseIntervention(parts, text: text, in: scenario, suggestions: suggestions)
        default:
            return failure(
                "unknown sweep path \"\(EscapedText.excerpt(text))\"\(hint(parts[0], roots)) (paths start with params., params_a., params_b., population., arms., or are couples, days, burn_in_days, baseline_day)"
            )
        }
    }

    private static func unknownParameter(_ name: String, hint: String, kind: String = "parameter") -> String {
        "unknown \(kind) \"\(EscapedText.excerpt(name))\"\(hint)"
    }

    private static func parseIntervention(
        _ parts: [String], text: String, in scenario: Scenario, suggestions: Bool
    ) -> Result<SweepPath, SweepPathError> {
        func failure(_ message: String) -> Result<SweepPath, SweepPathError> {
            .failure(SweepPathError(message: message))
        }
        func hint(_ word: String, _ candidates: [String]) -> String {
            suggestions ? Suggestion.hint(for: word, among: candidates) : ""
        }
        guard parts.count == 4 else {
            return failure("an intervention path has the form arms.ARM.TYPE.FIELD or arms.ARM.interventions[I].FIELD")
        }
        let armNames = scenario.arms.map(\.name)
        guard let arm = scenario.arms.first(where: { $0.name == parts[1] }) else {
            return failure(
                "no arm is named \"\(EscapedText.excerpt(parts[1]))\"\(hint(parts[1], armNames)) (arms: \(armNames.joined(separator: ", ")))"
            )
        }
        guard let field = InterventionField(rawValue: parts[3]) else {
            let names = InterventionField.allCases.map(\.rawValue)
            return failure(
                "unknown intervention field \"\(EscapedText.excerpt(parts[3]))\"\(hint(parts[3], names)) (allowed \(names.joined(separator: ", ")))"
            )
        }
        let selector: InterventionSelector
        let matching: [Intervention]
        if parts[2].hasPrefix("interventions[") && parts[2].hasSuffix("]") {
            let digits = parts[2].dropFirst("interventions[".count).dropLast()
            guard let index = Int(digits), arm.interventions.indices.contains(index) else {
                return failure(
                    "arm \"\(arm.name)\" has no intervention \(EscapedText.excerpt(String(parts[2].dropFirst("interventions".count)))) (it has \(arm.interventions.count))"
                )
            }
            selector = .index(index)
            matching = [arm.interventions[index]]
        } else {
            let types = arm.interventions.map(\.kind.type)
            guard let type = InterventionType(rawValue: parts[2]), types.contains(type) else {
                let present = types.isEmpty ? "none" : types.map(\.rawValue).joined(separator: ", ")
                let known = InterventionType(rawValue: parts[2]) != nil
                return failure(
                    "arm \"\(arm.name)\" has no \(EscapedText.excerpt(parts[2])) intervention"
                        + "\(known ? "" : hint(parts[2], InterventionType.names)) (it has: \(present))")
            }
            selector = .type(type)
            matching = arm.interventions.filter { $0.kind.type == type }
        }
        if field == .value, !matching.allSatisfy({ if case .set = $0.kind { true } else { false } }) {
            return failure("only set interventions have a value to sweep")
        }
        if field == .value, setValueRange(of: matching) == nil {
            let ranges = matching.compactMap { intervention -> String? in
                guard case .set(let name, _) = intervention.kind, let info = ParameterCatalog.info(named: name) else {
                    return nil
                }
                return
                    "\(name) \(NumberText.shortest(info.range.lowerBound))...\(NumberText.shortest(info.range.upperBound))"
            }
            return failure(
                "the set interventions of arm \"\(arm.name)\" set parameters whose ranges do not overlap (\(ranges.joined(separator: ", "))), so no value fits them all; sweep each by position, e.g. arms.\(arm.name).interventions[I].value"
            )
        }
        return .success(SweepPath(text: text, target: .intervention(arm: arm.name, selector: selector, field: field)))
    }

    /// The values a swept `value` may take when it sets every one of `interventions` (set
    /// interventions): the intersection of their parameters' ranges, nil if it is empty.
    static func setValueRange(of interventions: [Intervention]) -> ClosedRange<Double>? {
        var lower = -Double.greatestFiniteMagnitude, upper = Double.greatestFiniteMagnitude
        var found = false
        for intervention in interventions {
            guard case .set(let name, _) = intervention.kind, let info = ParameterCatalog.info(named: name) else {
                continue
            }
            lower = max(lower, info.range.lowerBound)
            upper = min(upper, info.range.upperBound)
            found = true
        }
        return found && lower <= upper ? lower...upper : nil
    }

    /// The inclusive range of valid values on this path for `scenario`.
    public func validRange(in scenario: Scenario) -> ClosedRange<Double> {
        switch target {
        case .parameter(_, let parameter), .population(let parameter):
            return parameter.range
        case .couples: return 1...Limits.maximumCouples
        case .days: return 1...Limits.maximumDays
        case .burnInDays: return 0...Limits.maximumDays
        case .baselineDay: return 0...Limits.maximumDays
        case .intervention(let armName, let selector, let field):
            switch field {
            case .strength: return 0...1
            case .startDay, .endDay: return 0...Limits.maximumDays
            case .value:
                // Every set intervention the path changes must accept the value.
                let interventions = scenario.arms.first { $0.name == armName }?.interventions ?? []
                let matching = interventions.enumerated().filter { index, intervention in
                    switch selector {
                    case .index(let wanted): index == wanted
                    case .type(let type): intervention.kind.type == type
                    }
                }.map(\.element)
                return Self.setValueRange(of: matching) ?? 0...0
            }
        }
    }
}
