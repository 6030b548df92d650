import DyadCore
import DyadExperiment
import DyadJSON5

extension ScenarioDecoder {
    /// The arms without a problem (nil if the list itself cannot be read); the names of the others
    /// go to ``invalidArms`` (or ``armsUnreadable`` when a name cannot be read).
    mutating func decodeArms(_ node: JSONNode, at path: FieldPath) -> [Arm]? {
        guard let elements = list(node, at: path, minimumCount: 1, noun: "arm") else {
            armsUnreadable = true
            return nil
        }
        guard elements.count <= Limits.maximumArms else {
            report(path, "\(elements.count) arms are too many", allowed: "at most \(Limits.maximumArms)")
            return nil
        }
        var arms: [Arm] = []
        var firstIndex: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            let armPath = path.index(index)
            let problemsBefore = problems.count
            guard let fields = members(element, at: armPath, fields: ScenarioSchema.arm),
                let nameNode = fields["name"], let name = word(nameNode, at: armPath.key("name"))
            else { armsUnreadable = true; continue }
            if let first = firstIndex[name] {
                report(
                    armPath.key("name"), "\"\(name)\" is already the name of arms[\(first)]",
                    allowed: "unique arm names")
                invalidArms.insert(name)
                continue
            }
            firstIndex[name] = index
            var interventions: [Intervention] = []
            if let list = fields["interventions"],
                let elements = self.list(list, at: armPath.key("interventions"), minimumCount: 0)
            {
                if elements.count > Arm.maximumInterventions {
                    report(
                        armPath.key("interventions"), "\(elements.count) interventions are too many",
                        allowed: "at most \(Arm.maximumInterventions)")
                }
                for (position, element) in elements.enumerated() {
                    if let intervention = decodeIntervention(element, at: armPath.key("interventions").index(position))
                    {
                        interventions.append(intervention)
                    }
                }
            }
            if problems.count == problemsBefore {
                arms.append(Arm(name: name, interventions: interventions))
            } else {
                invalidArms.insert(name)
            }
        }
        return arms
    }

    private mutating func decodeIntervention(_ node: JSONNode, at path: FieldPath) -> Intervention? {
        guard let fields = members(node, at: path, fields: ScenarioSchema.intervention),
            let typeNode = fields["type"],
            let name = choice(
                typeNode, at: path.key("type"), among: InterventionType.names, noun: "an intervention type"),
            let type = InterventionType(rawValue: name)
        else { return nil }
        var valid = true
        var intervention: Intervention
        if let kind = InterventionKind(type) {
            intervention = Intervention(kind: kind)
            for key in ["param", "value"] where fields[key] != nil {
                report(path.key(key), "the key \"\(key)\" is only used when type is \"set\"")
                valid = false
            }
        } else {
            guard let kind = decodeSet(fields, at: path) else { return nil }
            intervention = Intervention(kind: kind)
        }
        if let node = fields["target"] {
            if let text = choice(
                node, at: path.key("target"), among: InterventionTarget.allCases.map(\.rawValue), noun: "a target"),
                let target = InterventionTarget(rawValue: text)
            {
                intervention.target = target
            } else {
                valid = false
            }
        }
        if let node = fields["strength"] {
            if let value = number(node, at: path.key("strength"), range: 0...1) {
                intervention.strength = value
            } else {
                valid = false
            }
        }
        if let node = fields["start_day"] {
            if let value = integer(node, at: path.key("start_day"), range: ScenarioSchema.dayRange) {
                intervention.startDay = value
            } else {
                valid = false
            }
        }
        if let node = fields["end_day"] {
            if let value = integer(node, at: path.key("end_day"), range: ScenarioSchema.dayRange) {
                intervention.endDay = value
            } else {
                valid = false
            }
        }
        if let node = fields["eligibility"] {
            if let text = choice(
                node, at: path.key("eligibility"), among: Eligibility.allCases.map(\.rawValue), noun: "an eligibility"),
                let eligibility = Eligibility(rawValue: text)
            {
                intervention.eligibility = eligibility
            } else {
                valid = false
            }
        }
        return valid ? intervention : nil
    }

    private mutating func decodeSet(_ fields: [String: JSONNode], at path: FieldPath) -> InterventionKind? {
        guard let paramNode = fields["param"] else {
            report(path.key("param"), "missing required key \"param\" for a set intervention")
            return nil
        }
        guard let name = string(paramNode, at: path.key("param")) else { return nil }
        guard let info = ParameterCatalog.info(named: name), info.level != .population else {
            let hint = showsMoreProblems ? Suggestion.hint(for: name, among: ParameterCatalog.modelParameterNames) : ""
            report(
                path.key("param"), "\"\(Self.clipped(name))\" is not a model parameter\(hint)",
                allowed: "the names listed by dyadsim params")
            return nil
        }
        guard let valueNode = fields["value"] else {
            report(path.key("value"), "missing required key \"value\" for a set intervention")
            return nil
        }
        guard let value = number(valueNode, at: path.key("value"), range: info.range) else { return nil }
        return .set(parameter: info.name, value: value)
    }
}
