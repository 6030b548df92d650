import DyadCore
import DyadExperiment
import DyadJSON5

extension ScenarioDecoder {
    /// Decodes the whole scenario (unknown keys, types and ranges; cross-field checks follow).
    mutating func decodeScenario(_ root: JSONNode, defaultName: String) -> Scenario {
        var scenario = Scenario()
        scenario.name = defaultName
        let path = FieldPath.root
        guard let fields = members(root, at: path, fields: ScenarioSchema.topLevel) else { return scenario }
        if let node = fields["name"], let name = word(node, at: path.key("name"), dots: true) { scenario.name = name }
        if let node = fields["description"], let text = string(node, at: path.key("description")) {
            scenario.description = text
        }
        if let node = fields["seed"] { scenario.seed = seed(node, at: path.key("seed")) ?? scenario.seed }
        for (key, keyPath) in [
            ("couples", \Scenario.couples), ("days", \.days), ("burn_in_days", \.burnInDays),
            ("baseline_day", \.baselineDay), ("replicates", \.replicates),
        ] {
            guard let node = fields[key], case .integer(let range) = Self.fieldType(key) else { continue }
            if let value = integer(node, at: path.key(key), range: range) { scenario[keyPath: keyPath] = value }
        }
        if let node = fields["population"] {
            decodePopulation(node, at: path.key("population"), into: &scenario.population)
        }
        for group in OverrideGroup.allCases {
            if let node = fields[group.rawValue] {
                decodeParameters(node, at: path.key(group.rawValue), group: group, into: &scenario.parameters)
            }
        }
        if let node = fields["arms"], let arms = decodeArms(node, at: path.key("arms")) { scenario.arms = arms }
        if let node = fields["control_arm"], let name = string(node, at: path.key("control_arm")) {
            let names = scenario.arms.map(\.name)
            if names.contains(name) {
                scenario.controlArm = name
            } else if armsUnreadable || invalidArms.contains(name) {
                // The arm itself is reported.
            } else {
                let hint = Suggestion.hint(for: name, among: names)
                report(
                    path.key("control_arm"), "\"\(Self.clipped(name))\" is not the name of an arm\(hint)",
                    allowed: names.joined(separator: ", "))
            }
        }
        if let node = fields["outputs"] { decodeOutputs(node, at: path.key("outputs"), into: &scenario.outputs) }
        if let node = fields["measurement"] {
            scenario.measurement = decodeMeasurement(node, at: path.key("measurement"))
        }
        if let node = fields["sweep"] { scenario.sweep = decodeSweep(node, at: path.key("sweep"), scenario: scenario) }
        return scenario
    }

    static func fieldType(_ name: String, in fields: [SchemaField] = ScenarioSchema.topLevel) -> SchemaType? {
        fields.first { $0.name == name }?.type
    }

    /// A seed: a whole number 0 … 2⁵³ − 1 (read from the literal, so no precision is lost).
    mutating func seed(_ node: JSONNode, at path: FieldPath) -> UInt64? {
        let range = 0...9_007_199_254_740_991.0
        guard let value = integer(node, at: path, range: range) else { return nil }
        return UInt64(value)
    }

    mutating func decodePopulation(_ node: JSONNode, at path: FieldPath, into population: inout PopulationParameters) {
        guard let fields = members(node, at: path, fields: ScenarioSchema.population) else { return }
        if let mode = fields["mode"],
            let text = choice(
                mode, at: path.key("mode"), among: PopulationMode.allCases.map(\.rawValue), noun: "a population mode")
        {
            population.mode = PopulationMode(rawValue: text) ?? .traits
        }
        for info in ParameterCatalog.all where info.level == .population {
            guard let value = fields[info.name], let number = number(value, at: path.key(info.name), range: info.range)
            else { continue }
            info.assign(number, to: &population)
        }
        if let node = fields["prototypes"] { decodePrototypes(node, at: path.key("prototypes"), into: &population) }
        if let node = fields["pairings"] { decodePairings(node, at: path.key("pairings"), into: &population) }
    }

    private mutating func decodePrototypes(
        _ node: JSONNode, at path: FieldPath, into population: inout PopulationParameters
    ) {
        guard let entries = objectMembers(node, at: path) else { return }
        guard entries.count <= Limits.maximumPrototypes else {
            report(path, "\(entries.count) prototypes are too many", allowed: "at most \(Limits.maximumPrototypes)")
            return
        }
        for entry in entries {
            let entryPath = path.key(entry.key)
            guard let name = word(JSONNode(value: .string(entry.key), position: entry.keyPosition), at: entryPath),
                let fields = members(entry.node, at: entryPath, fields: ScenarioSchema.prototype),
                let anxietyNode = fields["a"], let avoidanceNode = fields["v"],
                let anxiety = number(anxietyNode, at: entryPath.key("a"), range: 0...1),
                let avoidance = number(avoidanceNode, at: entryPath.key("v"), range: 0...1)
            else {
                invalidPrototypes.insert(entry.key)
                continue
            }
            let prototype = StylePrototype(name: name, anxiety: anxiety, avoidance: avoidance)
            if let index = population.prototypes.firstIndex(where: { $0.name == name }) {
                population.prototypes[index] = prototype
            } else {
                population.prototypes.append(prototype)
            }
        }
    }

    private mutating func decodePairings(
        _ node: JSONNode, at path: FieldPath, into population: inout PopulationParameters
    ) {
        guard let elements = list(node, at: path, minimumCount: 1, noun: "pairing") else { return }
        guard elements.count <= Limits.maximumPairings else {
            report(path, "\(elements.count) pairings are too many", allowed: "at most \(Limits.maximumPairings)")
            return
        }
        let names = population.prototypes.map(\.name)
        var pairings: [StylePairing] = []
        var valid = true
        for (index, element) in elements.enumerated() {
            let elementPath = path.index(index)
            guard let fields = members(element, at: elementPath, fields: ScenarioSchema.pairing) else {
                valid = false; continue
            }
            let styleA = fields["a"].flatMap { prototype($0, at: elementPath.key("a"), among: names) }
            let styleB = fields["b"].flatMap { prototype($0, at: elementPath.key("b"), among: names) }
            var share = 1.0
            if let node = fields["share"] {
                guard let value = number(node, at: elementPath.key("share"), range: 0...Double.greatestFiniteMagnitude)
                else { valid = false; continue }
                share = value
            }
            guard let styleA, let styleB else { valid = false; continue }
            pairings.append(StylePairing(styleA: styleA, styleB: styleB, share: share))
        }
        guard valid else { return }
        if pairings.allSatisfy({ $0.share == 0 }) {
            report(path, "every share is 0", allowed: "at least one positive share")
            return
        }
        population.pairings = pairings
    }

    /// A pairing's prototype name; a prototype already reported invalid is not reported again.
    private mutating func prototype(_ node: JSONNode, at path: FieldPath, among names: [String]) -> String? {
        if case .string(let name) = node.value, invalidPrototypes.contains(name) { return nil }
        return choice(node, at: path, among: names, noun: "a prototype")
    }

    /// `params`, `params_a` or `params_b`: docs/model.md §8 parameter names with values in range.
    mutating func decodeParameters(
        _ node: JSONNode, at path: FieldPath, group: OverrideGroup, into overrides: inout ParameterOverrides
    ) {
        guard let entries = objectMembers(node, at: path) else { return }
        for entry in entries {
            let entryPath = path.key(entry.key)
            guard let info = ParameterCatalog.info(named: entry.key) else {
                let hint =
                    showsMoreProblems ? Suggestion.hint(for: entry.key, among: ParameterCatalog.all.map(\.name)) : ""
                report(
                    entryPath, "unknown parameter \"\(Self.clipped(entry.key))\"\(hint)",
                    allowed: "the names listed by dyadsim params")
                continue
            }
            if info.level == .population {
                report(entryPath, "\(info.name) is a population value; set it in population")
                continue
            }
            if group != .shared && info.level == .couple {
                report(entryPath, "\(info.name) is a couple-level parameter; set it in params")
                continue
            }
            guard let value = number(entry.node, at: entryPath, range: info.range) else { continue }
            overrides.set(info, to: value, group: group)
        }
    }

    mutating func decodeOutputs(_ node: JSONNode, at path: FieldPath, into outputs: inout OutputSettings) {
        guard let fields = members(node, at: path, fields: ScenarioSchema.outputs) else { return }
        if let node = fields["directory"], let text = string(node, at: path.key("directory")) {
            // Relative to the working directory and below it: a scenario file cannot send outputs
            // elsewhere (--out on the command line can: that is the user's own choice).
            if text.isEmpty || text.contains("\0") {
                report(path.key("directory"), "\"\(Self.clipped(text))\" is not a usable directory name")
            } else if text.hasPrefix("/") || text.hasPrefix("~") || text.split(separator: "/").contains("..") {
                report(
                    path.key("directory"), "\"\(Self.clipped(text))\" leaves the working directory",
                    allowed: "a relative path without .. such as Results/trial; use --out for another place")
            } else {
                outputs.directory = text
            }
        }
        if let node = fields["couples"], let flag = boolean(node, at: path.key("couples")) { outputs.couples = flag }
        if let node = fields["partners"], let flag = boolean(node, at: path.key("partners")) { outputs.partners = flag }
        if let node = fields["daily"], let flag = boolean(node, at: path.key("daily")) { outputs.daily = flag }
        if let node = fields["traces"] { outputs.traces = decodeTraces(node, at: path.key("traces")) }
        if let node = fields["daily_every"],
            let every = integer(node, at: path.key("daily_every"), range: 1...Limits.maximumDays)
        {
            outputs.dailyEvery = every
        }
    }
}
