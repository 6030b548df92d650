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
