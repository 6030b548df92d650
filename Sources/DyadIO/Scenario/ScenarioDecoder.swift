import DyadCore
import DyadExperiment
import DyadJSON5

/// Walks a parsed scenario, checks every key, type and range against ``ScenarioSchema`` and
/// builds a ``Scenario``, collecting every problem instead of stopping at the first.
struct ScenarioDecoder {
    var problems: [ScenarioProblem] = []
    /// Problems found beyond the first ``maximumProblems`` (counted, not kept).
    var omittedProblems = 0
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

    /// Problems kept in full; a file with more reports how many more there are. Bounds the
    /// work of a hostile file (millions of unknown keys): no suggestion is computed for a
    /// problem that is not shown.
    static let maximumProblems = 50

    /// Whether another problem would still be shown (suggestions are only worth computing then).
    var showsMoreProblems: Bool { problems.count < Self.maximumProblems }

    mutating func report(_ path: FieldPath, _ message: String, allowed: String? = nil) {
        guard showsMoreProblems else {
            omittedProblems += 1
            return
        }
        problems.append(ScenarioProblem(.field(path.description), message, allowed: allowed))
    }

    /// Every problem, ending with a count of those not shown.
    var reportedProblems: [ScenarioProblem] {
        guard omittedProblems > 0 else { return problems }
        let verb = omittedProblems == 1 ? " is" : "s are"
        return problems + [
            ScenarioProblem(
                .file, "\(omittedProblems) more problem\(verb) not shown (the first \(Self.maximumProblems) are)")
        ]
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
            } else if !showsMoreProblems {
                omittedProblems += 1
            } else {
                let hint = showsMoreProblems ? Suggestion.hint(for: member.key, among: names) : ""
                report(
                    path.key(member.key), "unknown key \"\(EscapedText.excerpt(member.key))\"\(hint)",
                    allowed: names.count <= 12 ? names.joined(separator: ", ") : nil)
            }
        }
        for field in fields where field.required && result[field.name] == nil {
            report(path.key(field.name), "missing required key \"\(field.name)\"")
        }
        return result
    }

    /// All members of an object node with duplicates reported (kept in file order, first wins);
    /// a key holding a control character is reported and left out.
    mutating func objectMembers(_ node: JSONNode, at path: FieldPath) -> [JSONMember]? {
        guard case .object(let all) = node.value else {
            report(path, Self.mismatch(node, expected: "an object"))
            return nil
        }
        var firstLine: [String: Int] = [:]
        var unique: [JSONMember] = []
        for member in all {
            if EscapedText.hasControlCharacters(member.key) {
                report(
                    path.key(member.key),
                    "the key \"\(EscapedText.excerpt(member.key))\" contains a control character",
                    allowed: "keys without control characters")
            } else if let line = firstLine[member.key] {
                report(
                    path.key(member.key),
                    "the key \"\(EscapedText.excerpt(member.key))\" appears more than once "
                        + "(lines \(line) and \(member.keyPosition.line))")
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

    /// A string without control characters (they would reach terminals and CSV files raw).
    mutating func string(_ node: JSONNode, at path: FieldPath) -> String? {
        guard case .string(let text) = node.value else {
            report(path, Self.mismatch(node, expected: "a string"))
            return nil
        }
        guard !EscapedText.hasControlCharacters(text) else {
            report(
                path, "\"\(Self.clipped(text))\" contains a control character",
                allowed: "text without control characters")
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
            let hint = showsMoreProblems ? Suggestion.hint(for: text, among: choices) : ""
            let shown =
                choices.count <= 20
                ? choices.joined(separator: ", ") : choices.prefix(20).joined(separator: ", ") + ", …"
            report(path, "\"\(Self.clipped(text))\" is not \(noun)\(hint)", allowed: shown)
            return nil
        }
        return text
    }

    /// A plain word: letters, digits, `_`, `-` (and `.` when `dots`), usable as a CSV label and a
    /// folder name (``CSVLabel``: not numeric-looking, not a missing-value word, no leading dot).
    mutating func word(_ node: JSONNode, at path: FieldPath, dots: Bool = false) -> String? {
        guard let text = string(node, at: path) else { return nil }
        let valid =
            !text.isEmpty && text.count <= 100
            && text.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-"
                    || (dots && $0 == ".")
            }
        guard valid else {
            report(
                path, "\"\(Self.clipped(text))\" is not a plain word",
                allowed: dots ? "letters, digits, _, - and ." : "letters, digits, _ and -")
            return nil
        }
        if let problem = CSVLabel.problem(text) {
            report(path, problem, allowed: CSVLabel.allowed)
            return nil
        }
        return text
    }

    mutating func list(_ node: JSONNode, at path: FieldPath, minimumCount: Int, noun: String = "element") -> [JSONNode]?
    {
        guard case .array(let elements) = node.value else {
            report(path, Self.mismatch(node, expected: "a list"))
            return nil
        }
        guard elements.count >= minimumCount else {
            report(
                path, "the list is empty", allowed: "at least \(minimumCount) \(noun)\(minimumCount == 1 ? "" : "s")")
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

    /// A short excerpt of input text for a message: control characters escaped, at most 40
    /// characters (``EscapedText/excerpt(_:limit:)``).
    static func clipped(_ text: String) -> String {
        EscapedText.excerpt(text)
    }

    /// "0...1", "0 or more" (unbounded above), "-1000000000...1000000000".
    static func text(_ range: ClosedRange<Double>) -> String {
        if range.upperBound == .greatestFiniteMagnitude { return "\(NumberText.shortest(range.lowerBound)) or more" }
        return "\(NumberText.shortest(range.lowerBound))...\(NumberText.shortest(range.upperBound))"
    }
}
