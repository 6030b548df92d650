import DyadCore
import DyadExperiment
import DyadIO

/// `dyadsim params [--csv | --markdown]`: every model parameter with default, range, unit,
/// meaning and source tag (docs/model.md §8).
enum ParamsCommand: Command {
    static let writesResultToStandardOutput = true

    static let specification = CommandSpecification(
        name: "params", valueFlags: [], switches: ["--csv", "--markdown"], positionalRange: (0, 0),
        usage: "dyadsim params [--csv | --markdown]",
        summary: "list every model parameter: default, range, unit, meaning and source (docs/model.md §8)",
        details: "  --csv        machine-readable: "
            + "name,level,group,default_a,default_b,min,max,integer,tag,meaning,unit\n"
            + "  --markdown   the parameter tables of docs/model.md §8")

    static func execute(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        let console = context.console
        if arguments.has("--markdown") {
            console.print(ParameterTable.markdown())
            return ExitCode.success
        }
        if arguments.has("--csv") {
            console.print("name,level,group,default_a,default_b,min,max,integer,tag,meaning,unit")
            for info in ParameterCatalog.all {
                let fields = [
                    info.name, info.level.rawValue, CSVField.quoted(info.group), NumberText.shortest(info.defaultValue),
                    NumberText.shortest(info.defaultValueRoleB), NumberText.shortest(info.range.lowerBound),
                    NumberText.shortest(info.range.upperBound), info.isInteger ? "1" : "0", info.tag,
                    CSVField.quoted(info.meaning), CSVField.quoted(info.unit),
                ]
                console.print(fields.joined(separator: ","))
            }
            return ExitCode.success
        }
        for line in ParameterTable.textLines() { console.print(line) }
        return ExitCode.success
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

/// `dyadsim columns [--csv]`: the data dictionary of every output file.
enum ColumnsCommand: Command {
    static let writesResultToStandardOutput = true

    static let specification = CommandSpecification(
        name: "columns", valueFlags: [], switches: ["--csv", "--markdown"], positionalRange: (0, 0),
        usage: "dyadsim columns [--csv | --markdown]",
        summary: "the data dictionary: every column of every output file with type, unit and meaning",
        details: "  --csv        machine-readable: file,column,type,unit,meaning\n  --markdown   the tables of the README's data dictionary")

    static func execute(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        let console = context.console
        if arguments.has("--markdown") {
            console.print(Documentation.columnsMarkdown())
            return ExitCode.success
        }
        let csv = arguments.has("--csv")
        if csv { console.print("file,column,type,unit,meaning") }
        for file in OutputFile.allCases {
            if !csv {
                console.print("")
                console.print("\(file.rawValue): \(file.purpose)")
            }
            for column in file.columns {
                if csv {
                    console.print([file.rawValue, column.name, column.type, CSVField.quoted(column.unit),
                                   CSVField.quoted(column.meaning)].joined(separator: ","))
                } else {
                    console.print("  \(ParamsCommand.pad(column.name, 22)) \(ParamsCommand.pad(column.type, 8)) \(ParamsCommand.pad(column.unit, 9)) \(column.meaning)")
                }
            }
        }
        return ExitCode.success
    }
}

/// `dyadsim schema`: the JSON Schema of scenario files (for editor validation and completion).
enum SchemaCommand: Command {
    static let writesResultToStandardOutput = true

    static let specification = CommandSpecification(
        name: "schema", valueFlags: [], switches: ["--markdown"], positionalRange: (0, 0),
        usage: "dyadsim schema [--markdown]",
        summary: "print the JSON Schema of scenario files (for editors)",
        details: "Save it (dyadsim schema > dyadsim.schema.json) and reference it from a scenario with \"$schema\".\n  --markdown   the key tables of docs/scenario-format.md instead")

    static func execute(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
        if arguments.has("--markdown") {
            context.console.print(Documentation.scenarioMarkdown())
            return ExitCode.success
        }
        context.console.print(JSONSchemaWriter.schema())
        return ExitCode.success
    }
}
