import DyadExperiment

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
}
