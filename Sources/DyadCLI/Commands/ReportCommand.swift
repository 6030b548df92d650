import DyadExperiment
import DyadIO
import DyadReport

/// `dyadsim report <results dir> [--out DIR] [--point N]`: SVG figures and an HTML page from a
/// DyadSim output directory.
enum ReportCommand: Command {
    static let specification = CommandSpecification(
        name: "report", valueFlags: ["--out", "--point"], switches: [], positionalRange: (1, 1),
        usage: "dyadsim report <results dir> [--out DIR] [--point N]",
        summary: "figures (SVG) and an HTML page from a results directory: trajectories, pairings, effects, sweep",
        details: """
        options:
          --out DIR    report directory (default: <results dir>/report/)
          --point N    sweep point shown by the trajectory, pairing and effects figures (default 0)

        files: trajectories.svg (daily.csv), pairings.svg (couples.csv), effects.svg (more than one
        arm), sweep.svg (sweeps only) and index.html with the scenario, key findings and the effects
        table; each is written under a temporary name and renamed when complete.
        exit codes: 0 done, 64 usage, 65 not a readable DyadSim output, 74 I/O error.
        """)

    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        let point: Int?
        do {
            point = try arguments.integer("--point", in: 0...Int(Int32.max))
        } catch {
            throw error.withUsage(specification.usage)
        }
        let summary = try ReportWriter.write(results: arguments.positional[0], to: arguments.values["--out"], point: point)
        console.print("dyadsim: report written to \(summary.directory)/: \(summary.files.joined(separator: ", "))")
        for note in summary.notes { console.print("  note: \(note)") }
        return ExitCode.success
    }
}
