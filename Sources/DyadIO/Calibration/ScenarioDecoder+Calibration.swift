import DyadCore
import DyadExperiment
import DyadInference
import DyadJSON5

/// The calibration file's sections, decoded with the scenario decoder's machinery (field paths,
/// unknown keys with did-you-mean, every problem collected). The base scenario is decoded first
/// by the caller; sections that depend on it are skipped when it is invalid (root causes only).
extension ScenarioDecoder {
    /// `abc`: the settings (checked by ``ABCSettings/problems``) and the simulation size, applied to
    /// `scenario`. `seed` defaults to the scenario's seed.
    mutating func decodeABC(_ node: JSONNode?, into scenario: inout Scenario) -> ABCSettings {
        var settings = ABCSettings(seed: scenario.seed)
        let path = FieldPath.root.key("abc")
        guard let node, let fields = members(node, at: path, fields: CalibrationSchema.abc) else { return settings }
        let wide = -1e300...1e300
        for field in ABCSettings.Field.allCases {
            guard let value = fields[field.rawValue] else { continue }
            let at = path.key(field.rawValue)
            switch field {
            case .particles: if let count = integer(value, at: at, range: wide) { settings.particles = count }
            case .maxGenerations: if let count = integer(value, at: at, range: wide) { settings.maxGenerations = count }
            case .minAcceptance: if let number = number(value, at: at, range: wide) { settings.minAcceptance = number }
            case .epsilonQuantile:
                if let number = number(value, at: at, range: wide) { settings.epsilonQuantile = number }
            case .minEpsilon: if let number = number(value, at: at, range: wide) { settings.minEpsilon = number }
            case .minEpsilonDecrease:
                if let number = number(value, at: at, range: wide) { settings.minEpsilonDecrease = number }
            case .seed: if let seed = seed(value, at: at) { settings.seed = seed }
            }
        }
        for problem in settings.problems {
            report(
                path.key(problem.field.rawValue), "\(NumberText.shortest(problem.value)) is out of range",
                allowed: problem.allowed)
        }
        if let node = fields["couples"],
            let couples = integer(node, at: path.key("couples"), range: 1...Limits.maximumCouples)
        {
            scenario.couples = couples
        }
        if let node = fields["days"], let days = integer(node, at: path.key("days"), range: 1...Limits.maximumDays) {
            scenario.days = days
        }
        return settings
    }

    /// `parameters`: sweep path → prior. Paths must take a continuous number (no day or count
    /// paths), and the prior's support must lie inside the path's valid range.
    mutating func decodeParameters(_ node: JSONNode, scenario: Scenario)
        -> [(path: SweepPath, prior: UnivariateDistribution)]
    {
        let path = FieldPath.root.key("parameters")
        guard let members = objectMembers(node, at: path) else { return [] }
        guard !members.isEmpty else {
            report(path, "the object is empty", allowed: "at least one sweep path, e.g. \"params.lambda0\"")
            return []
        }
        var result: [(path: SweepPath, prior: UnivariateDistribution)] = []
        for member in members {
            let at = path.key(member.key)
            let sweepPath: SweepPath
            switch SweepPath.parse(member.key, in: scenario, suggestions: showsMoreProblems) {
            case .failure(let error):
                report(at, error.message)
                continue
            case .success(let parsed): sweepPath = parsed
            }
            guard !sweepPath.isInteger else {
                report(
                    at, "\(member.key) takes whole numbers; a calibrated path takes a continuous number",
                    allowed: "parameters, population values, intervention strengths and set values")
                continue
            }
            guard let prior = decodePrior(member.node, at: at) else { continue }
            let range = sweepPath.validRange(in: scenario)
            if prior.lowerBound < range.lowerBound || prior.upperBound > range.upperBound {
                let support = "[\(NumberText.shortest(prior.lowerBound)), \(NumberText.shortest(prior.upperBound))]"
                report(
                    at,
                    "the prior's support \(support) leaves the range of \(member.key)"
                        + " (truncate it with low and high)", allowed: Self.text(range))
                continue
            }
            result.append((sweepPath, prior))
        }
        return result
    }

    /// One prior object: `prior` (the family) and the family's parameters, built by
    /// ``UnivariateDistribution/make(_:parameters:)``, whose problems are reported per parameter.
    mutating func decodePrior(_ node: JSONNode, at path: FieldPath) -> UnivariateDistribution? {
        guard let fields = members(node, at: path, fields: CalibrationSchema.prior) else { return nil }
        guard let familyNode = fields["prior"],
            let name = choice(
                familyNode, at: path.key("prior"),
                among: CalibrationSchema.priorFamilies.map(\.rawValue), noun: "a prior"),
            let family = DistributionFamily(rawValue: name)
        else { return nil }
        var values: [DistributionParameter: Double] = [:]
        var valid = true
        for parameter in DistributionParameter.allCases {
            guard let valueNode = fields[parameter.rawValue] else { continue }
            if let value = number(valueNode, at: path.key(parameter.rawValue), range: -1e300...1e300) {
                values[parameter] = value
            } else {
                valid = false
            }
        }
        guard valid else { return nil }
        do {
            return try UnivariateDistribution.make(family, parameters: values)
        } catch {
            for problem in error.problems {
                report(path.key(problem.parameter.rawValue), problem.message, allowed: problem.allowed)
            }
            return nil
        }
    }

    /// `targets`: the list of observed statistics. Names must be distinct plain words that are not
    /// columns of posterior.csv already.
    /// With `predictions`, the `predictions` list: targets without `value` and `sd`, whose names
    /// must differ from `taken` (the targets' names) too.
    mutating func decodeTargets(
        _ node: JSONNode, scenario: Scenario, predictions: Bool = false, taken: [String] = []
    ) -> [CalibrationTarget] {
        let key = predictions ? "predictions" : "targets"
        let path = FieldPath.root.key(key)
        guard let elements = list(node, at: path, minimumCount: predictions ? 0 : 1, noun: "target") else { return [] }
        var targets: [CalibrationTarget] = []
        var names: [String: String] = [:]
        for (index, name) in taken.enumerated() { names[name] = "targets[\(index)]" }
        for (index, element) in elements.enumerated() {
            guard let target = decodeTarget(element, at: path.index(index), scenario: scenario, prediction: predictions)
            else { continue }
            let at = path.index(index).key("name")
            if let first = names[target.name] {
                report(
                    at, "the name \"\(target.name)\" is already used by \(first)",
                    allowed: "a distinct name for each target, given with name")
                continue
            }
            if CalibrationColumns.fixed.contains(target.name) {
                report(
                    at, "\"\(target.name)\" is a column of posterior.csv already",
                    allowed: "a name other than \(CalibrationColumns.fixed.joined(separator: ", "))")
                continue
            }
            names[target.name] = "\(key)[\(index)]"
            targets.append(target)
        }
        return targets
    }

    /// One target; nil after reporting its problems.
    mutating func decodeTarget(_ node: JSONNode, at path: FieldPath, scenario: Scenario, prediction: Bool = false)
        -> CalibrationTarget?
    {
        guard let all = objectMembers(node, at: path) else { return nil }
        guard let statisticNode = all.first(where: { $0.key == "statistic" })?.node else {
            report(
                path.key("statistic"), "missing required key \"statistic\"",
                allowed: CalibrationStatisticKind.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        guard
            let kindName = choice(
                statisticNode, at: path.key("statistic"),
                among: CalibrationStatisticKind.allCases.map(\.rawValue), noun: "a statistic"),
            let kind = CalibrationStatisticKind(rawValue: kindName),
            let fields = members(
                node, at: path,
                fields: prediction ? CalibrationSchema.predictionFields(kind) : CalibrationSchema.targetFields(kind))
        else { return nil }
        let problemsBefore = problems.count + omittedProblems
        var observed = fields["value"].flatMap { number($0, at: path.key("value"), range: -1e300...1e300) }
        var scale: Double? = prediction ? .nan : nil
        if prediction { observed = .nan }
        if let sdNode = fields["sd"], let sd = number(sdNode, at: path.key("sd"), range: -1e300...1e300) {
            if sd > 0 {
                scale = sd
            } else {
                report(path.key("sd"), "\(NumberText.shortest(sd)) is out of range", allowed: "more than 0")
            }
        }
        let armNames = scenario.arms.map(\.name)
        let control = scenario.controlArmIndex
        var arm = control
        if let armNode = fields["arm"] {
            if let name = choice(armNode, at: path.key("arm"), among: armNames, noun: "an arm of the scenario"),
                let index = armNames.firstIndex(of: name)
            {
                arm = index
                if kind.isEffect && index == control {
                    report(
                        path.key("arm"), "\"\(name)\" is the control arm; an effect compares another arm with it",
                        allowed: armNames.filter { $0 != name }.joined(separator: ", "))
                }
            }
        } else if kind.isEffect {
            report(
                path.key("arm"), "missing required key \"arm\" (the arm compared with the control arm)",
                allowed: armNames.filter { $0 != armNames[control] }.joined(separator: ", "))
        }
        let statistic = decodeStatistic(kind, fields, at: path, scenario: scenario)
        let filters = fields["where"].map { decodeFilters($0, at: path.key("where"), scenario: scenario) } ?? []
        var name: String?
        if let nameNode = fields["name"] { name = word(nameNode, at: path.key("name")) }
        guard problems.count + omittedProblems == problemsBefore, let statistic, let observed, let scale else {
            return nil
        }
        let armSuffix = fields["arm"] != nil && !kind.isEffect ? "_" + armNames[arm] : ""
        let defaultName = Self.defaultName(statistic) + (kind.isEffect ? "_" + armNames[arm] : armSuffix)
        return CalibrationTarget(
            name: name ?? defaultName, statistic: statistic, arm: arm, filters: filters, observed: observed,
            scale: scale)
    }

    /// The statistic of a target of `kind` from its specific keys.
    private mutating func decodeStatistic(
        _ kind: CalibrationStatisticKind, _ fields: [String: JSONNode], at path: FieldPath, scenario: Scenario
    ) -> CalibrationStatistic? {
        func numericColumn(_ key: String) -> SummarisedOutcome? {
            guard let node = fields[key] else { return nil }
            return outcomeColumn(node, at: path.key(key), numeric: true, scenario: scenario)
        }
        switch kind {
        case .mean: return numericColumn("column").map { .mean($0) }
        case .standardDeviation: return numericColumn("column").map { .standardDeviation($0) }
        case .quantile:
            let q = fields["q"].flatMap { number($0, at: path.key("q"), range: 0...1) }
            guard let column = numericColumn("column"), let q else { return nil }
            return .quantile(column, probability: q)
        case .correlation:
            let x = numericColumn("x"), y = numericColumn("y")
            guard let x, let y else { return nil }
            return .correlation(x, y)
        case .share:
            guard let node = fields["column"],
                let outcome = outcomeColumn(node, at: path.key("column"), numeric: false, scenario: scenario)
            else { return nil }
            guard case .couple(let column) = outcome else {
                let value = fields["equals"].map { number($0, at: path.key("equals"), range: -1e300...1e300) } ?? 1
                return value.map { .share(outcome, equals: $0) }
            }
            guard let equalsNode = fields["equals"] else {
                if column.kind == .label {
                    report(
                        path.key("equals"), "missing required key \"equals\" (the label counted)",
                        allowed: Self.labels(of: column, scenario: scenario).joined(separator: ", "))
                    return nil
                }
                return .share(outcome, equals: 1)
            }
            return cellValue(equalsNode, column: column, at: path.key("equals"), scenario: scenario)
                .map { .share(outcome, equals: $0) }
        case .effectD, .effectDifference:
            // effects.csv's outcomes: with a measurement section also the measured scores.
            let outcomes = OutcomeSelection.of(measured: scenario.measurement != nil).compared
            let names = outcomes.map(\.name)
            guard let node = fields["outcome"],
                let name = choice(node, at: path.key("outcome"), among: names, noun: "an outcome of effects.csv"),
                let outcome = outcomes.first(where: { $0.name == name })
            else { return nil }
            return kind == .effectD ? .effectD(outcome) : .effectDifference(outcome)
        case .daily:
            let names = DailyColumn.allCases.map(\.name)
            let day = fields["day"].flatMap {
                integer($0, at: path.key("day"), range: 0...Double(max(0, scenario.days - 1)))
            }
            guard let node = fields["column"],
                let name = choice(node, at: path.key("column"), among: names, noun: "a daily.csv column"),
                let column = DailyColumn.allCases.first(where: { $0.name == name }), let day
            else { return nil }
            return .daily(column, day: day)
        }
    }

    /// A couples.csv outcome column or measured score by name (``CoupleOutcomeColumn``,
    /// ``MeasuredColumn``); a measured score needs the scenario's `measurement` section; with
    /// `numeric`, label columns are refused.
    private mutating func outcomeColumn(
        _ node: JSONNode, at path: FieldPath, numeric: Bool, scenario: Scenario
    ) -> SummarisedOutcome? {
        if case .string(let name) = node.value, let measured = MeasuredColumn.allCases.first(where: { $0.name == name })
        {
            guard scenario.measurement != nil else {
                report(
                    path, "\"\(name)\" is a measured score, written only with a measurement section",
                    allowed: "add measurement: {} to the scenario (docs/dyadic-data.md), or a couples.csv column")
                return nil
            }
            return .measured(measured)
        }
        return coupleColumn(node, at: path, numeric: numeric).map(SummarisedOutcome.couple)
    }

    /// A couples.csv column by name (the one column vocabulary, ``CoupleOutcomeColumn``); with
    /// `numeric`, label columns are refused.
    private mutating func coupleColumn(_ node: JSONNode, at path: FieldPath, numeric: Bool) -> CoupleOutcomeColumn? {
        let names = CoupleOutcomeColumn.allCases.map(\.name)
        guard let name = choice(node, at: path, among: names, noun: "a couples.csv column"),
            let column = CoupleOutcomeColumn.allCases.first(where: { $0.name == name })
        else { return nil }
        if numeric && column.kind == .label {
            report(
                path, "\"\(name)\" is a label column; this statistic needs numbers",
                allowed: "a numeric couples.csv column; labels work with share and where")
            return nil
        }
        return column
    }

    /// `where`: couples.csv column → value.
    private mutating func decodeFilters(_ node: JSONNode, at path: FieldPath, scenario: Scenario)
        -> [CalibrationTarget.RowFilter]
    {
        guard let members = objectMembers(node, at: path) else { return [] }
        var filters: [CalibrationTarget.RowFilter] = []
        let names = CoupleOutcomeColumn.allCases.map(\.name)
        for member in members {
            let at = path.key(member.key)
            guard let column = CoupleOutcomeColumn.allCases.first(where: { $0.name == member.key }) else {
                let hint = showsMoreProblems ? Suggestion.hint(for: member.key, among: names) : ""
                report(at, "unknown couples.csv column \"\(EscapedText.excerpt(member.key))\"\(hint)")
                continue
            }
            if let value = cellValue(member.node, column: column, at: at, scenario: scenario) {
                filters.append(CalibrationTarget.RowFilter(column: column, value: value))
            }
        }
        return filters
    }

    /// A value of `column` as stored in an outcome table: a number, or a label's code.
    private mutating func cellValue(
        _ node: JSONNode, column: CoupleOutcomeColumn, at path: FieldPath, scenario: Scenario
    ) -> Double? {
        guard column.kind == .label else { return number(node, at: path, range: -1e300...1e300) }
        let labels = Self.labels(of: column, scenario: scenario)
        guard let label = choice(node, at: path, among: labels, noun: "a value of \(column.name)"),
            let code = labels.firstIndex(of: label)
        else { return nil }
        return Double(code)
    }

    /// The labels of a label column in code order: prototype names for `proto_a`/`proto_b`,
    /// attachment styles otherwise (as couples.csv writes them).
    static func labels(of column: CoupleOutcomeColumn, scenario: Scenario) -> [String] {
        column == .protoA || column == .protoB
            ? scenario.population.prototypes.map(\.name) : AttachmentStyle.allCases.map(\.name)
    }

    /// `mean_satisfaction`, `share_distressed`, `correlation_pw_cycle_frac_satisfaction`,
    /// `effect_d_satisfaction`, `daily_distressed_day179`, …
    static func defaultName(_ statistic: CalibrationStatistic) -> String {
        let kind = statistic.kind.rawValue
        switch statistic {
        case .mean(let column), .standardDeviation(let column), .share(let column, _), .quantile(let column, _):
            return kind + "_" + column.name
        case .correlation(let x, let y): return kind + "_" + x.name + "_" + y.name
        case .effectD(let outcome), .effectDifference(let outcome): return kind + "_" + outcome.name
        case .daily(let column, let day): return kind + "_" + column.name + "_day" + String(day)
        }
    }
}
