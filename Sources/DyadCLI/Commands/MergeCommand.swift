import DyadCore
import DyadExperiment
import DyadIO

/// `dyadsim merge <dir>... --out DIR`: shard outputs into one output directory.
enum MergeCommand: Command {
    static let specification = CommandSpecification(
        name: "merge", valueFlags: ["--out"], switches: ["--force", "--quiet"], positionalRange: (1, nil),
        usage: "dyadsim merge <shard dir>... --out DIR [--force] [--quiet]",
        summary: "merge the output directories of shards (--shard K/N) into one, identical to an unsharded run",
        details: """
            Checks that the shards come from the same resolved scenario (same fingerprint), that
            every planned run appears exactly once, naming what is missing or duplicated, and that each
            shard's couples.csv, daily.csv and run records hold exactly what its manifest records (rows,
            bytes, XXH64 checksum), naming the damaged shard and file; then writes couples.csv,
            daily.csv, runs.csv, effects.csv, summary.csv, points.csv and manifest.json.
            The result is byte-identical to an unsharded run, except the manifest's "execution" section.
            options:
              --out DIR   the merged output directory (required; not one of the shard directories)
              --force     replace DyadSim outputs already in DIR
              --quiet     no summary
            Ctrl-C or SIGTERM stops the merge and removes what it wrote; run the same command again.
            exit codes: 0 merged, 64 usage, 65 shards that do not fit together or are damaged,
            74 I/O error, 130/143 interrupted by Ctrl-C/SIGTERM
            """)

    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        guard let output = arguments.values["--out"] else {
            throw UsageError(message: "merge needs --out DIR", usage: specification.usage)
        }
        let trap = SignalTrap(active: console.handlesSignals, console: console)
        defer { trap.remove() }
        let report: RunReport
        switch merge(arguments, output: output, command: context.invocation, cancellation: trap.cancellation) {
        case .success(let merged):
            report = merged
        case .failure(.interrupted):
            console.error(
                "dyadsim: merge stopped; nothing was written to \(output); to merge, run the same command again: "
                    + context.invocation.joined(separator: " "))
            return trap.signalNumber == 0 ? ExitCode.interrupted : trap.exitCode
        case .failure(let error):
            throw error
        }
        if !arguments.has("--quiet") {
            console.print(
                "dyadsim: merged \(arguments.positional.count) shard\(arguments.positional.count == 1 ? "" : "s") (\(report.runs) runs) into \(output)/: "
                    + report.files.map { "\($0.name) (\($0.rows) rows)" }.joined(separator: ", ") + ", "
                    + OutputDirectory.manifestName)
        }
        return ExitCode.success
    }

    private static func merge(
        _ arguments: ParsedArguments, output: String, command: [String], cancellation: CancellationFlag
    ) -> Result<RunReport, MergeError> {
        do {
            return .success(
                try ShardMerger.merge(
                    inputs: arguments.positional, output: output, force: arguments.has("--force"), command: command,
                    cancellation: cancellation))
        } catch {
            return .failure(error)
        }
    }
}
