import DyadIO
import DyadExperiment

/// A command of the `dyadsim` tool.
protocol Command: Sendable {
    static var specification: CommandSpecification { get }
    /// Runs the command; returns the exit code.
    static func execute(_ arguments: ParsedArguments, context: CommandContext) -> Int32
}

/// What every command gets besides its arguments.
struct CommandContext {
    let console: Console
    /// The full command line (for manifests).
    let invocation: [String]
}

/// Entry point of the `dyadsim` command-line tool (a library so tests call it in-process).
public enum DyadSimCommandLine {
    static let commands: [any Command.Type] = [
        RunCommand.self, CheckCommand.self, MergeCommand.self, ReportCommand.self, ValidateModelCommand.self, ParamsCommand.self,
        ColumnsCommand.self, SchemaCommand.self,
    ]

    /// Runs `dyadsim` with `arguments` (without the program name); returns the exit code.
    public static func main(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.error(usageText)
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1 {
                guard let command = commands.first(where: { $0.specification.name == arguments[1] }) else {
                    return unknownCommand(arguments[1], console: console)
                }
                console.print(help(for: command.specification))
                return ExitCode.success
            }
            console.print(overview)
            return ExitCode.success
        case "--version", "version":
            let commit = DyadSimVersion.gitCommit
            console.print("dyadsim \(DyadSimVersion.current)" + (commit == "unknown" ? "" : " (commit \(commit.prefix(12)))"))
            return ExitCode.success
        default:
            break
        }
        guard let command = commands.first(where: { $0.specification.name == first }) else {
            return unknownCommand(first, console: console)
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.print(help(for: command.specification))
            return ExitCode.success
        }
        do {
            let parsed = try ArgumentParser.parse(rest, for: command.specification)
            return command.execute(parsed, context: CommandContext(console: console, invocation: ["dyadsim"] + arguments))
        } catch {
            console.error("error: \(error.message)")
            console.error("usage: \(command.specification.usage)")
            return ExitCode.usage
        }
    }

    private static func unknownCommand(_ name: String, console: Console) -> Int32 {
        let names = commands.map { $0.specification.name } + ["help"]
        let hint = Suggestion.hint(for: name, among: names)
        console.error("error: unknown command \"\(name)\"\(hint)")
        console.error(usageText)
        return ExitCode.usage
    }

    static let usageText = "usage: dyadsim <command> [options]  (commands: run, check, merge, report, validate-model, params, columns, schema; see dyadsim --help)"

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
            lines.append("  " + name + String(repeating: " ", count: max(1, 10 - name.count)) + command.specification.summary)
        }
        lines += ["", "dyadsim help <command> (or dyadsim <command> --help) shows a command's options.",
                  "dyadsim --version prints the version."]
        return lines.joined(separator: "\n")
    }

    static func help(for specification: CommandSpecification) -> String {
        "usage: \(specification.usage)\n\n\(specification.summary)\n\n\(specification.details)"
    }
}
