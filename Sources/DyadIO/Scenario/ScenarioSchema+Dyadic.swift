import DyadCore
import DyadExperiment
import DyadJSON5

extension ScenarioSchema {
    /// The `measurement` section: measured scores on the questionnaires' scales
    /// (docs/dyadic-data.md). Its presence adds the measured columns.
    package static let measurement: [SchemaField] = [
        SchemaField(
            "ecr_anxiety_reliability", .number(0.05...1), default: "0.92",
            "reliability of ECR-R anxiety (α ≈ .90–.93: Fraley, Waller & Brennan 2000; Sibley & Liu 2004)"),
        SchemaField(
            "ecr_avoidance_reliability", .number(0.05...1), default: "0.92",
            "reliability of ECR-R avoidance (α ≈ .90–.93: same sources)"),
        SchemaField(
            "csi_reliability", .number(0.05...1), default: "0.94",
            "reliability of CSI-16 satisfaction (α = .94: Funk & Rogge 2007)"),
        SchemaField(
            "csi_cutoff", .number(0...81), default: "51.5",
            "CSI-16 score below which a partner is distressed (Funk & Rogge 2007)"),
        SchemaField(
            "reference_couples", .integer(2...Limits.maximumCouples), default: "4096",
            "the run's first min(couples, this) couples set the true-score variance at intake"),
    ]
}

extension ScenarioSchema {
    /// `outputs.traces`.
    package static let traces: [SchemaField] = [
        SchemaField(
            "couples", .integer(1...1000), default: "required",
            "couples traced per run (the same couples in every arm)",
            required: true),
        SchemaField(
            "days", .array(.integer(0...Limits.maximumDays), minimumCount: 2), default: "every day",
            "[from, to]: outcome days traced, both included"),
    ]
}

extension ScenarioDecoder {
    /// Decodes `outputs.traces`.
    mutating func decodeTraces(_ node: JSONNode, at path: FieldPath) -> TraceSettings? {
        guard let fields = members(node, at: path, fields: ScenarioSchema.traces) else { return nil }
        // A missing `couples` is reported by `members` (a required key).
        guard let couplesNode = fields["couples"] else { return nil }
        guard let couples = integer(couplesNode, at: path.key("couples"), range: 1...1000) else { return nil }
        var settings = TraceSettings(couples: couples)
        if let daysNode = fields["days"] {
            let daysPath = path.key("days")
            guard case .array(let items) = daysNode.value, items.count == 2 else {
                report(daysPath, "is not a list of two days", allowed: "[from, to] with 0 ≤ from ≤ to")
                return nil
            }
            let range = 0...Double(Limits.maximumDays)
            guard let from = integer(items[0], at: daysPath.index(0), range: range),
                let to = integer(items[1], at: daysPath.index(1), range: range)
            else { return nil }
            guard from <= to else {
                report(daysPath, "[\(from), \(to)] ends before it starts", allowed: "[from, to] with 0 ≤ from ≤ to")
                return nil
            }
            settings.days = from...to
        }
        return settings
    }

    /// Decodes `measurement` (every key optional; an empty object turns measurement on with the
    /// published defaults).
    mutating func decodeMeasurement(_ node: JSONNode, at path: FieldPath) -> MeasurementSettings? {
        guard let fields = members(node, at: path, fields: ScenarioSchema.measurement) else { return nil }
        var settings = MeasurementSettings()
        let reals: [(String, WritableKeyPath<MeasurementSettings, Double>)] = [
            ("ecr_anxiety_reliability", \.anxietyReliability), ("ecr_avoidance_reliability", \.avoidanceReliability),
            ("csi_reliability", \.satisfactionReliability), ("csi_cutoff", \.distressCutoff),
        ]
        for (key, keyPath) in reals {
            guard let value = fields[key], case .number(let range) = Self.fieldType(key, in: ScenarioSchema.measurement)
            else { continue }
            if let number = number(value, at: path.key(key), range: range) { settings[keyPath: keyPath] = number }
        }
        if let value = fields["reference_couples"],
            let count = integer(value, at: path.key("reference_couples"), range: 2...Limits.maximumCouples)
        {
            settings.referenceCouples = count
        }
        return settings
    }
}

extension ScenarioEncoding {
    /// `outputs.traces`, every value explicit.
    static func traces(_ settings: TraceSettings) -> JSONText {
        var members: [(String, JSONText)] = [("couples", .integer(settings.couples))]
        if let days = settings.days {
            members.append(("days", .array([.integer(days.lowerBound), .integer(days.upperBound)])))
        }
        return .object(members)
    }

    /// The `measurement` section, every value explicit.
    static func measurement(_ settings: MeasurementSettings) -> JSONText {
        .object([
            ("ecr_anxiety_reliability", .number(settings.anxietyReliability)),
            ("ecr_avoidance_reliability", .number(settings.avoidanceReliability)),
            ("csi_reliability", .number(settings.satisfactionReliability)),
            ("csi_cutoff", .number(settings.distressCutoff)),
            ("reference_couples", .integer(settings.referenceCouples)),
        ])
    }
}
