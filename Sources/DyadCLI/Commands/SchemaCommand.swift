import DyadExperiment
import DyadIO

/// `dyadsim schema`: the JSON Schema of scenario files (for editor validation and completion).
enum SchemaCommand: Command {
    static let writesResultToStandardOutput = true

    static let specification = CommandSpecification(
        name: "schema", valueFlags: [], switches: ["--markdown"], positionalRange: (0, 0),
        usage: "dyadsim schema [--markdown]",
        summary: "print the JSON Schema of scenario files (for editors)",
        details:
            "Save it (dyadsim schema > dyadsim.schema.json) and reference it from a scenario with \"$schema\".\n  --markdown   the key tables of docs/scenario-format.md instead"
    )

    static func execute(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        if arguments.has("--markdown") {
            context.console.print(Documentation.scenarioMarkdown())
            return ExitCode.success
        }
        context.console.print(JSONSchemaWriter.schema())
        return ExitCode.success
    }
}
