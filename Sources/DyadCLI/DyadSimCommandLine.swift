import DyadExperiment
import DyadIO

/// Entry point of the `dyadsim` command-line tool (a library so tests call it in-process).
package enum DyadSimCommandLine {
    /// Every command, in the order help lists them: the one list from which dispatch, the usage
    /// line, the overview and `help <command>` are derived.
    static let commands: [any Command.Type] = [
        RunCommand.self, CheckCommand.self, CalibrateCommand.self, MergeCommand.self, ReportCommand.self,
        AnalyzeCommand.self, ValidateModelCommand.self, ParamsCommand.self, ColumnsCommand.self, SchemaCommand.self,
    ]

    /// The commands' names, in help order.
    package static var commandNames: [String] { commands.map { $0.specification.name } }

    /// The command called `name`, if there is one.
    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.specification.name == name }
    }

    /// Whether `command`'s result is its standard output (so that losing it exits 74); `help`
    /// and `--version` print results too.
    package static func writesResultToStandardOutput(_ command: String) -> Bool {
        if ["help", "--help", "-h", "--version", "version"].contains(command) { return true }
        return self.command(named: command)?.writesResultToStandardOutput ?? false
    }

    /// Runs `dyadsim` with `arguments` (without the program name); returns the exit code.
    ///
    /// The one place that reports errors: a command's ``DyadSimError`` is printed to standard
    /// error, line by line (control characters escaped, so each is one line), and its exit code
    /// returned (any other error, which no command throws, as `error: ` and its description with
    /// exit code 1).
    ///
    /// Output that cannot be written never stops the process. The exit code rule: when a command
    /// whose result is its standard output (`check`, `params`, `columns`, `schema`, `help`,
    /// `--version`) could not write it, the exit code is 74 (unless the command failed anyway,
    /// whose own code is kept); a summary, progress or error line that could not be written
    /// leaves the command's own exit code unchanged.
    package static func main(_ arguments: [String], console: Console) -> Int32 {
        var printsResult = false
        let status: Int32
        do {
            let outcome = try dispatch(arguments, console: console)
            printsResult = outcome.printsResult
            status = outcome.code
        } catch let error as any DyadSimError {
            for line in error.lines { console.error(EscapedText.escaped(line)) }
            status = error.exitCode
        } catch {
            console.error(EscapedText.escaped("error: \(error)"))
            status = ExitCode.failure
        }
        if printsResult, status == ExitCode.success, let failure = console.outputFailure {
            console.error(OutputError.system("write the result to", "standard output", failure).lines[0])
            return ExitCode.ioError
        }
        return status
    }

    /// Finds the command, parses its arguments and runs it; returns its exit code and whether
    /// its result went to standard output.
    private static func dispatch(_ arguments: [String], console: Console) throws -> (code: Int32, printsResult: Bool) {
        guard let first = arguments.first else {
            throw CommandFailure(lines: ["usage: " + usage], exitCode: ExitCode.usage)
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1 {
                guard let command = command(named: arguments[1]) else {
                    throw unknownCommand(arguments[1])
                }
                console.print(help(for: command.specification))
                return (ExitCode.success, true)
            }
            console.print(overview)
            return (ExitCode.success, true)
        case "--version", "version":
            let commit = DyadSimVersion.gitCommit
            console.print(
                "dyadsim \(DyadSimVersion.current)" + (commit == "unknown" ? "" : " (commit \(commit.prefix(12)))"))
            return (ExitCode.success, true)
        default:
            break
        }
        guard let command = command(named: first) else {
            throw unknownCommand(first)
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.print(help(for: command.specification))
            return (ExitCode.success, true)
        }
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(rest, for: command.specification)
        } catch {
            throw error.withUsage(command.specification.usage)
        }
        let context = CommandContext(console: console, invocation: ["dyadsim"] + arguments)
        let code = try command.execute(parsed, context: context)
        return (code, command.writesResultToStandardOutput)
    }

    private static func unknownCommand(_ name: String) -> UsageError {
        let names = commandNames + ["help"]
        let hint = Suggestion.hint(for: name, among: names)
        return UsageError(message: "unknown command \"\(EscapedText.excerpt(name))\"\(hint)", usage: usage)
    }

    /// The tool's usage: the command line's shape and the commands.
    static var usage: String {
        "dyadsim <command> [options]  (commands: \(commandNames.joined(separator: ", ")); see dyadsim --help)"
    }

    static var overview: String {
        var lines = [
            "dyadsim \(DyadSimVersion.current): agent-based simulation of anxious/avoidant attachment dynamics in couples",
            "",
            "usage: dyadsim <command> [options]",
            "",
            "commands:",
        ]
        for command in commands {
            let name = command.specification.name
            lines.append(
                "  " + name + String(repeating: " ", count: max(1, 10 - name.count)) + command.specification.summary)
        }
        lines += [
            "", "dyadsim help <command> (or dyadsim <command> --help) shows a command's options.",
            "dyadsim --version prints the version.",
        ]
        return lines.joined(separator: "\n")
    }

    static func help(for specification: CommandSpecification) -> String {
        "usage: \(specification.usage)\n\n\(specification.summary)\n\n\(specification.details)"
    }
}
