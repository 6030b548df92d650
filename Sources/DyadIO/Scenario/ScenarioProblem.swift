import DyadExperiment
import Foundation

/// One problem found in a scenario file, rendered as one line:
/// `error: <file>: <field path>: <problem> (allowed <range or choices>)`.
public struct ScenarioProblem: Error, Sendable, Equatable {
    /// Where the problem is.
    public enum Location: Sendable, Equatable {
        /// The file as a whole (unreadable, empty, not UTF-8 …).
        case file
        /// A line and column (syntax errors).
        case position(line: Int, column: Int)
        /// A field path such as `arms[1].interventions[0].strength`.
        case field(String)
    }

    /// Where the problem is: the file, a line and column, or a field path.
    public let location: Location
    /// The problem in words, after the location and before the allowed values.
    public let message: String
    /// What would be allowed, if it can be said briefly.
    public let allowed: String?

    /// A problem at `location` described by `message`, with what is allowed if known.
    public init(_ location: Location, _ message: String, allowed: String? = nil) {
        self.location = location
        self.message = message
        self.allowed = allowed
    }

    /// The one-line rendering for `file` (control characters escaped, so always one line).
    public func rendered(file: String) -> String {
        var line = "error: \(file)"
        switch location {
        case .file: break
        case .position(let row, let column): line += ":\(row):\(column)"
        case .field(let path): line += path.isEmpty ? "" : ": \(path)"
        }
        line += ": \(message)"
        if let allowed { line += " (allowed \(allowed))" }
        return EscapedText.escaped(line)
    }
}

/// A scenario that failed to load: every problem, in file order (exit code 65).
public struct ScenarioError: DyadSimError, Equatable {
    /// The file as named by the user.
    public let file: String
    /// Every problem found, in file order (at least one).
    public let problems: [ScenarioProblem]

    /// The problems of `file`.
    public init(file: String, problems: [ScenarioProblem]) {
        self.file = file
        self.problems = problems
    }

    /// One line per problem.
    public var lines: [String] { problems.map { $0.rendered(file: file) } }

    /// 65: an invalid scenario.
    public var exitCode: Int32 { ExitCode.invalidData }
}

/// A field path being built while walking the scenario (`arms[1].interventions[0].strength`).
struct FieldPath: CustomStringConvertible {
    private(set) var text: String

    static let root = FieldPath(text: "")

    /// Longest key shown in full; longer keys are shortened (quoted, ending in "...").
    static let maximumKeyLength = 64

    /// The path of a key below this one; keys that are not plain identifiers are quoted, with
    /// control characters escaped, and long keys are shortened.
    func key(_ name: String) -> FieldPath {
        let short = name.utf8.count <= Self.maximumKeyLength
        let plain =
            short && !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
            && !EscapedText.hasControlCharacters(name)
        if plain { return FieldPath(text: text.isEmpty ? name : text + "." + name) }
        let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let shown = short ? EscapedText.escaped(quoted) : EscapedText.excerpt(quoted, limit: Self.maximumKeyLength)
        return FieldPath(text: text + "[\"" + shown + "\"]")
    }

    /// The path of a list element.
    func index(_ position: Int) -> FieldPath { FieldPath(text: text + "[\(position)]") }

    var description: String { text }
}
