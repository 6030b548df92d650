import DyadCore
import DyadExperiment
import Foundation

/// Markdown generated from the definitions the code uses, embedded in the README and
/// docs/scenario-format.md (tests check that the documents contain exactly these blocks).
package enum Documentation {
    /// The data dictionary: one table per output file.
    package static func columnsMarkdown() -> String {
        var lines: [String] = []
        for file in OutputFile.allCases {
            lines.append("#### `\(file.rawValue)`: \(file.purpose)")
            lines.append("")
            lines.append("| column | type | unit | meaning |")
            lines.append("|---|---|---|---|")
            for column in file.columns {
                lines.append("| `\(column.name)` | \(column.type) | \(column.unit) | \(escape(column.meaning)) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// Every scenario key: type, default, range or choices, meaning.
    package static func scenarioMarkdown() -> String {
        var lines: [String] = []
        func table(_ title: String, _ fields: [SchemaField]) {
            lines.append("#### \(title)")
            lines.append("")
            lines.append("| key | type | default | allowed | meaning |")
            lines.append("|---|---|---|---|---|")
            for field in fields {
                lines.append(
                    "| `\(field.name)`\(field.required ? " (required)" : "") | \(typeName(field.type)) | \(escape(field.defaultText)) | \(escape(allowed(field.type))) | \(escape(field.description)) |"
                )
            }
            lines.append("")
        }
        table("Top level", ScenarioSchema.topLevel)
        table("`population`", ScenarioSchema.population)
        table("`population.pairings[]`", ScenarioSchema.pairing)
        table("`population.prototypes.<name>`", ScenarioSchema.prototype)
        table("`arms[]`", ScenarioSchema.arm)
        table("`arms[].interventions[]`", ScenarioSchema.intervention)
        table("`outputs`", ScenarioSchema.outputs)
        table("`outputs.traces`", ScenarioSchema.traces)
        table("`measurement`", ScenarioSchema.measurement)
        table("`sweep`", ScenarioSchema.sweep)
        table("`sweep.sample`", ScenarioSchema.sample)
        table("`sweep.sample.ranges.<path>` (an input distribution)", ScenarioSchema.inputDistribution)
        table("`sweep.design`", ScenarioSchema.inlineDesign)
        return lines.joined(separator: "\n")
    }

    private static func typeName(_ type: SchemaType) -> String {
        switch type {
        case .integer: "integer"
        case .number: "number"
        case .string: "string"
        case .boolean: "boolean"
        case .choice: "string"
        case .object: "object"
        case .array(let element, _): "list of \(pluralTypeName(element))"
        case .map(let key, let value): "object: \(key) → \(typeName(value))"
        case .parameters: "object: parameter → number"
        case .oneOf(let types): types.map(typeName).joined(separator: " or ")
        }
    }

    /// `numbers`, `lists of numbers`, `objects`.
    private static func pluralTypeName(_ type: SchemaType) -> String {
        switch type {
        case .array(let element, _): "lists of \(pluralTypeName(element))"
        case .map, .parameters: "objects"
        default: typeName(type) + "s"
        }
    }

    private static func allowed(_ type: SchemaType) -> String {
        switch type {
        case .integer(let range), .number(let range):
            range.upperBound == .greatestFiniteMagnitude
                ? "≥ \(NumberText.shortest(range.lowerBound))"
                : "\(NumberText.shortest(range.lowerBound))…\(NumberText.shortest(range.upperBound))"
        case .choice(let values): values.joined(separator: ", ")
        case .array(_, let minimum): minimum > 0 ? "at least \(minimum)" : ""
        case .parameters(let levels):
            "names from `dyadsim params` (\(levels.map(\.rawValue).joined(separator: ", ")) level)"
        default: ""
        }
    }

    private static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
