import DyadCore
import DyadExperiment

/// Renders ``ScenarioSchema`` as a JSON Schema (draft 2020-12).
package enum JSONSchemaWriter {
    /// The schema document as text.
    package static func schema() -> String {
        var members: [(String, JSONText)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("https://dyadsim.invalid/scenario.schema.json")),
            ("title", .string("DyadSim scenario")),
            (
                "description",
                .string("A DyadSim experiment: population, parameters, trial arms, sweeps and outputs (JSON5 allowed).")
            ),
        ]
        members += objectMembers(ScenarioSchema.topLevel)
        return JSONText.object(members).rendered.trimmingTrailingNewline
    }

    private static func objectMembers(_ fields: [SchemaField]) -> [(String, JSONText)] {
        var members: [(String, JSONText)] = [("type", .string("object"))]
        members.append(("properties", .object(fields.map { ($0.name, property($0)) })))
        let required = fields.filter(\.required).map { JSONText.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("additionalProperties", .bool(false)))
        return members
    }

    private static func property(_ field: SchemaField) -> JSONText {
        var members = typeMembers(field.type)
        members.append(("description", .string(field.description + " (default: \(field.defaultText))")))
        return .object(members)
    }

    private static func typeMembers(_ type: SchemaType) -> [(String, JSONText)] {
        switch type {
        case .integer(let range):
            return [
                ("type", .string("integer")), ("minimum", .number(range.lowerBound)),
                ("maximum", .number(range.upperBound)),
            ]
        case .number(let range):
            var members: [(String, JSONText)] = [("type", .string("number")), ("minimum", .number(range.lowerBound))]
            if range.upperBound < .greatestFiniteMagnitude { members.append(("maximum", .number(range.upperBound))) }
            return members
        case .string: return [("type", .string("string"))]
        case .boolean: return [("type", .string("boolean"))]
        case .choice(let values): return [("type", .string("string")), ("enum", .array(values.map { .string($0) }))]
        case .object(let fields): return objectMembers(fields)
        case .array(let element, let minimum):
            return [
                ("type", .string("array")), ("items", .object(typeMembers(element))), ("minItems", .integer(minimum)),
            ]
        case .map(_, let value):
            return [("type", .string("object")), ("additionalProperties", .object(typeMembers(value)))]
        case .parameters(let levels):
            let properties: [(String, JSONText)] = ParameterCatalog.all.filter { levels.contains($0.level) }.map {
                info in
                (
                    info.name,
                    .object([
                        ("type", .string("number")), ("minimum", .number(info.range.lowerBound)),
                        ("maximum", .number(info.range.upperBound)),
                        (
                            "description",
                            .string("\(info.meaning) (default \(NumberText.shortest(info.defaultValue)); \(info.tag))")
                        ),
                    ])
                )
            }
            return [
                ("type", .string("object")), ("properties", .object(properties)),
                ("additionalProperties", .bool(false)),
            ]
        case .oneOf(let types):
            return [("oneOf", .array(types.map { .object(typeMembers($0)) }))]
        }
    }
}

extension String {
    var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
