import DyadExperiment
import DyadIO

/// `dyadsim merge <dir>... --out DIR`: shard outputs into one output directory.
enum MergeCommand: Command {
    static let specification = CommandSpecification(
        name: "merge", valueFlags: ["--out"], switches: ["--force", "--quiet"], positionalRange: (1, nil),
        usage: "dyadsim merge <shard dir>... --out DIR [--force] [--quiet]",
        summary: "merge the output directories of shards (--shard K/N) into one, identical to an unsharded run",
        details: """
        Checks that the shards come from the same resolved scenario (same fingerprint) and that
        every planned run appears exactly once, naming what is missing or duplicated, then writes
        couples.csv, daily.csv, runs.csv, effects.csv, summary.csv, points.csv and manifest.json.
        The result is byte-identical to an unsharded run, except the manifest's "execution" section.
        options:
          --out DIR   the merged output directory (required)
          --force     replace DyadSim outputs already in DIR
          --quiet     no summary
        exit codes: 0 merged, 64 usage, 65 shards that do not fit together, 74 I/O error
        """)

    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        guard let output = arguments.values["--out"] else {
            throw UsageError(message: "merge needs --out DIR", usage: specification.usage)
        }
        let report = try ShardMerger.merge(inputs: arguments.positional, output: output, force: arguments.has("--force"),
                                           command: context.invocation)
        if !arguments.has("--quiet") {
            console.print("dyadsim: merged \(arguments.positional.count) shard\(arguments.positional.count == 1 ? "" : "s") (\(report.runs) runs) into \(output)/: " + report.files.map { "\($0.name) (\($0.rows) rows)" }.joined(separator: ", ") + ", " + OutputDirectory.manifestName)
        }
        return ExitCode.success
    }
}
