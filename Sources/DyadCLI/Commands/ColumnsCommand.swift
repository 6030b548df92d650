import DyadExperiment
import DyadIO

/// `dyadsim columns [--csv]`: the data dictionary of every output file.
enum ColumnsCommand: Command {
    static let writesResultToStandardOutput = true

    static let specification = CommandSpecification(
        name: "columns", valueFlags: [], switches: ["--csv", "--markdown"], positionalRange: (0, 0),
        usage: "dyadsim columns [--csv | --markdown]",
        summary: "the data dictionary: every column of every output file with type, unit and meaning",
        details:
            "  --csv        machine-readable: file,column,type,unit,meaning\n  --markdown   the tables of the README's data dictionary"
    )

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
            let nameWidth = max(22, file.columns.map(\.name.count).max() ?? 0)
            for column in file.columns {
                if csv {
                    console.print(
                        [
                            file.rawValue, column.name, column.type, CSVField.quoted(column.unit),
                            CSVField.quoted(column.meaning),
                        ].joined(separator: ","))
                } else {
                    console.print(
                        "  \(ParamsCommand.pad(column.name, nameWidth)) \(ParamsCommand.pad(column.type, 8)) \(ParamsCommand.pad(column.unit, 9)) \(column.meaning)"
                    )
                }
            }
        }
        return ExitCode.success
    }
}
