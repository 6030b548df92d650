import DyadCore
import DyadExperiment
import DyadJSON5

/// Walks a parsed scenario, checks every key, type and range against ``ScenarioSchema`` and
/// builds a ``Scenario``, collecting every problem instead of stopping at the first.
struct ScenarioDecoder {
    var problems: [ScenarioProblem] = []
    /// Folder of the scenario file, for relative `design_file` paths.
    let baseDirectory: String
    /// Names of arms with a problem already reported: paths and fields that refer to them are not
    /// reported again (root causes only).
    var invalidArms: Set<String> = []
    /// True when the arms list or an arm's name could not be read: any reference to an arm may
    /// mean it, so none is reported.
    var armsUnreadable = false
    /// Names of prototypes with a problem already reported (pairings naming them are not).
    var invalidPrototypes: Set<String> = []

    mutating func report(_ path: FieldPath, _ message: String, allowed: String? = nil) {
        problems.append(ScenarioProblem(.field(path.description), message, allowed: allowed))
    }

    // MARK: Objects

    /// The members of an object node, first occurrence per key, after reporting duplicate,
    /// unknown and missing keys against `fields`.
    mutating func members(_ node: JSONNode, at path: FieldPath, fields: [SchemaField]) -> [String: JSONNode]? {
        guard let all = objectMembers(node, at: path) else { return nil }
        let names = fields.map(\.name)
        var result: [String: JSONNode] = [:]
        for member in all where result[member.key] == nil {
            if names.contains(member.key) {
                result[member.key] = member.node
            } else {
                let hint = Suggestion.hint(for: member.key, among: names)
                report(path.key(member.key), "unknown key \"\(member.key)\"\(hint)",
                       allowed: names.count <= 12 ? names.joined(separator: ", ") : nil)
            }
        }
        for field in fields where field.required && result[field.name] == nil {
            report(path.key(field.name), "missing required key \"\(field.name)\"")
        }
        return result
    }

    /// All members of an object node with duplicates reported (kept in file order, first wins).
    mutating func objectMembers(_ node: JSONNode, at path: FieldPath) -> [JSONMember]? {
        guard case .object(let all) = node.value else {
            report(path, Self.mismatch(node, expected: "an object"))
            return nil
        }
        var firstLine: [String: Int] = [:]
        var unique: [JSONMember] = []
        for member in all {
            if let line = firstLine[member.key] {
                report(path.key(member.key), "the key \"\(member.key)\" appears more than once (lines \(line) and \(member.keyPosition.line))")
            } else {
                firstLine[member.key] = member.keyPosition.line
                unique.append(member)
            }
        }
        return unique
    }

    // MARK: Scalars

    mutating func number(_ node: JSONNode, at path: FieldPath, range: ClosedRange<Double>) -> Double? {
        guard case .number(let number) = node.value else {
            report(path, Self.mismatch(node, expected: "a number"), allowed: Self.text(range))
            return nil
        }
        guard number.value.isFinite else {
            report(path, "\(number.literal) is not a finite number", allowed: Self.text(range))
            return nil
        }
        guard range.contains(number.value) else {
            report(path, "\(number.literal) is out of range", allowed: Self.text(range))
            return nil
        }
        return number.value
    }

    mutating func integer(_ node: JSONNode, at path: FieldPath, range: ClosedRange<Double>) -> Int? {
        if case .number(let number) = node.value, number.value.isFinite, number.value != number.value.rounded() {
            report(path, "\(number.literal) is not a whole number", allowed: Self.text(range))
            return nil
        }
        guard case .number = node.value else {
            report(path, Self.mismatch(node, expected: "an integer"), allowed: Self.text(range))
            return nil
        }
        return number(node, at: path, range: range).map { Int($0) }
    }

    mutating func string(_ node: JSONNode, at path: FieldPath) -> String? {
        guard case .string(let text) = node.value else {
            report(path, Self.mismatch(node, expected: "a string"))
            return nil
        }
        return text
    }

    mutating func boolean(_ node: JSONNode, at path: FieldPath) -> Bool? {
        guard case .bool(let flag) = node.value else {
            report(path, Self.mismatch(node, expected: "true or false"))
            return nil
        }
        return flag
    }

    /// A string that must be one of `choices` (with a did-you-mean suggestion).
    mutating func choice(_ node: JSONNode, at path: FieldPath, among choices: [String], noun: String) -> String? {
        guard let text = string(node, at: path) else { return nil }
        guard choices.contains(text) else {
            let hint = Suggestion.hint(for: text, among: choices)
            report(path, "\"\(Self.clipped(text))\" is not \(noun)\(hint)", allowed: choices.joined(separator: ", "))
            return nil
        }
        return text
    }

    /// A plain word: letters, digits, `_`, `-` (and `.` when `dots`).
    mutating func word(_ node: JSONNode, at path: FieldPath, dots: Bool = false) -> String? {
        guard let text = string(node, at: path) else { return nil }
        let valid = !text.isEmpty && text.count <= 100 && text.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-" || (dots && $0 == ".")
        }
        guard valid else {
            report(path, "\"\(Self.clipped(text))\" is not a plain word", allowed: dots ? "letters, digits, _, - and ." : "letters, digits, _ and -")
            return nil
        }
        return text
    }

    mutating func list(_ node: JSONNode, at path: FieldPath, minimumCount: Int, noun: String = "element") -> [JSONNode]? {
        guard case .array(let elements) = node.value else {
            report(path, Self.mismatch(node, expected: "a list"))
            return nil
        }
        guard elements.count >= minimumCount else {
            report(path, "the list is empty", allowed: "at least \(minimumCount) \(noun)\(minimumCount == 1 ? "" : "s")")
            return nil
        }
        return elements
    }

    // MARK: Text

    /// How a value appears in a message: numbers as written, strings quoted and clipped.
    static func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): number.literal
        case .string(let text): "\"\(clipped(text))\""
        case .array: "the list"
        case .object: "the object"
        }
    }

    /// `"many" is a string, expected an integer`; `found a list, expected an object`.
    static func mismatch(_ node: JSONNode, expected: String) -> String {
        switch node.value {
        case .null, .array, .object: "found \(noun(node)), expected \(expected)"
        default: "\(describe(node)) is \(noun(node)), expected \(expected)"
        }
    }

    static func noun(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    static func clipped(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? "?" : String($0) }.joined()
        return escaped.count > 40 ? String(escaped.prefix(37)) + "..." : escaped
    }

    /// "0...1", "0 or more" (unbounded above), "-1000000000...1000000000".
    static func text(_ range: ClosedRange<Double>) -> String {
        if range.upperBound == .greatestFiniteMagnitude { return "\(NumberText.shortest(range.lowerBound)) or more" }
        return "\(NumberText.shortest(range.lowerBound))...\(NumberText.shortest(range.upperBound))"
    }
}
