import DyadExperiment

extension JSONText {
    /// One-line text for people: keys sorted and unquoted, `, ` between elements, strings in
    /// quotes without escapes, numbers as in the file (e.g. `{grid: {params.g0: [0.2, 0.4]}}`).
    var compactText: String {
        switch self {
        case .object(let members):
            let sorted = members.sorted { $0.0 < $1.0 }
            return "{" + sorted.map { "\($0.0): " + $0.1.compactText }.joined(separator: ", ") + "}"
        case .array(let elements): return "[" + elements.map(\.compactText).joined(separator: ", ") + "]"
        case .string(let text): return "\"\(text)\""
        case .number(let value): return value.isFinite ? NumberText.shortest(value) : "null"
        case .integer(let value): return String(value)
        case .unsigned(let value): return String(value)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}
