import DyadExperiment

enum ArgumentParser {
    /// Parses `arguments` (after the command name) against `specification`.
    static func parse(_ arguments: [String], for specification: CommandSpecification) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
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
                guard inlineValue == nil else { throw UsageError(message: "\(flag) takes no value") }
                parsed.switches.insert(flag)
            } else if specification.valueFlags.contains(flag) {
                if let inlineValue {
                    parsed.values[flag] = inlineValue
                } else {
                    guard index < arguments.count else { throw UsageError(message: "\(flag) needs a value") }
                    parsed.values[flag] = arguments[index]
                    index += 1
                }
            } else {
                let known = specification.valueFlags + specification.switches
                let hint = Suggestion.hint(for: flag, among: known, quoted: false)
                throw UsageError(message: "unknown option \(flag) for \(specification.name)\(hint)")
            }
        }
        let count = parsed.positional.count
        if count < specification.positionalRange.minimum {
            throw UsageError(message: "\(specification.name) needs \(specification.positionalRange.minimum == 1 ? "an argument" : "\(specification.positionalRange.minimum) arguments")")
        }
        if let maximum = specification.positionalRange.maximum, count > maximum {
            throw UsageError(message: "unexpected argument \"\(parsed.positional[maximum])\" for \(specification.name)")
        }
        return parsed
    }
}
