import DyadExperiment

/// A usage mistake (unknown flag, missing value, bad number): `error: ` and the message, then the
/// usage line where it helps; exit code 64.
struct UsageError: DyadSimError {
    let message: String
    /// The usage shown after the message as `usage: …`, if any.
    var usage: String? = nil

    /// The same mistake followed by `usage: <usage>`.
    func withUsage(_ usage: String) -> UsageError { UsageError(message: message, usage: usage) }

    var lines: [String] { ["error: " + message] + (usage.map { ["usage: " + $0] } ?? []) }

    var exitCode: Int32 { ExitCode.usage }
}

/// The options a command accepts.
struct CommandSpecification {
    let name: String
    /// Flags that take a value (`--out DIR` or `--out=DIR`).
    let valueFlags: [String]
    /// Flags without a value.
    let switches: [String]
    /// Positional arguments: the minimum count and a maximum (nil: unlimited).
    let positionalRange: (minimum: Int, maximum: Int?)
    let usage: String
    let summary: String
    let details: String
}

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
            throw UsageError(message: "\(flag): \"\(EscapedText.excerpt(text))\" is not a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }
}

enum ArgumentParser {
    /// Parses `arguments` (after the command name) against `specification`. An empty value or
    /// argument is a usage error (an empty `--out` would otherwise mean the working directory);
    /// arguments appear in messages escaped and shortened.
    static func parse(_ arguments: [String], for specification: CommandSpecification) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                guard !argument.isEmpty else {
                    throw UsageError(message: "an empty argument for \(specification.name) (a file or directory name is needed)")
                }
                parsed.positional.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositional = true
                continue
            }
            var flag = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if specification.switches.contains(flag) {
                guard inlineValue == nil else { throw UsageError(message: "\(EscapedText.excerpt(flag)) takes no value") }
                parsed.switches.insert(flag)
            } else if specification.valueFlags.contains(flag) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError(message: "\(flag) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                guard !value.isEmpty else { throw UsageError(message: "\(flag) needs a value, not an empty text") }
                parsed.values[flag] = value
            } else {
                let known = specification.valueFlags + specification.switches
                let hint = Suggestion.hint(for: flag, among: known, quoted: false)
                throw UsageError(message: "unknown option \(EscapedText.excerpt(flag)) for \(specification.name)\(hint)")
            }
        }
        let count = parsed.positional.count
        if count < specification.positionalRange.minimum {
            throw UsageError(message: "\(specification.name) needs \(specification.positionalRange.minimum == 1 ? "an argument" : "\(specification.positionalRange.minimum) arguments")")
        }
        if let maximum = specification.positionalRange.maximum, count > maximum {
            throw UsageError(message: "unexpected argument \"\(EscapedText.excerpt(parsed.positional[maximum]))\" for \(specification.name)")
        }
        return parsed
    }
}
