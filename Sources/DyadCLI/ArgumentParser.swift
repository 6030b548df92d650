import DyadExperiment

enum ArgumentParser {
    /// Parses `arguments` (after the command name) against `specification`. An empty value or
    /// argument is a usage error (an empty `--out` would otherwise mean the working directory);
    /// arguments appear in messages escaped and shortened.
    static func parse(_ arguments: [String], for specification: CommandSpecification) throws(UsageError)
        -> ParsedArguments
    {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                guard !argument.isEmpty else {
                    throw UsageError(
                        message: "an empty argument for \(specification.name) (a file or directory name is needed)")
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
                guard inlineValue == nil else {
                    throw UsageError(message: "\(EscapedText.excerpt(flag)) takes no value")
                }
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
                throw UsageError(
                    message: "unknown option \(EscapedText.excerpt(flag)) for \(specification.name)\(hint)")
            }
        }
        let count = parsed.positional.count
        if count < specification.positionalRange.minimum {
            throw UsageError(
                message:
                    "\(specification.name) needs \(specification.positionalRange.minimum == 1 ? "an argument" : "\(specification.positionalRange.minimum) arguments")"
            )
        }
        if let maximum = specification.positionalRange.maximum, count > maximum {
            throw UsageError(
                message:
                    "unexpected argument \"\(EscapedText.excerpt(parsed.positional[maximum]))\" for \(specification.name)"
            )
        }
        return parsed
    }
}
