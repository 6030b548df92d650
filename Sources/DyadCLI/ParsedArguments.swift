import DyadExperiment
import Foundation

/// Parsed arguments of a command.
struct ParsedArguments {
    var positional: [String] = []
    var values: [String: String] = [:]
    var switches: Set<String> = []

    func has(_ flag: String) -> Bool { switches.contains(flag) }

    /// An integer flag value in `range`, nil when absent.
    func integer(_ flag: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = values[flag] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw UsageError(
                message:
                    "\(flag): \"\(EscapedText.excerpt(text))\" is not a whole number in \(range.lowerBound)...\(range.upperBound)"
            )
        }
        return value
    }

    /// A comma-separated list of names (spaces around names ignored), nil when absent; an empty
    /// name is a usage mistake. `--outcomes` of analyze and report.
    func names(_ flag: String) throws(UsageError) -> [String]? {
        guard let text = values[flag] else { return nil }
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains(where: \.isEmpty) else {
            throw UsageError(
                message: "\(flag): \"\(EscapedText.excerpt(text))\" has an empty name "
                    + "(allowed names separated by commas, e.g. satisfaction,dissolved)")
        }
        return names
    }
}
