import DyadExperiment
import DyadIO
import DyadReport
import Foundation

/// `dyadsim report <results dir> [--out DIR] [--point LIST] [--outcomes a,b]`: SVG figures and an
/// HTML page from a DyadSim output directory (a run, a calibration or a sensitivity analysis).
enum ReportCommand: Command {
    static let specification = CommandSpecification(
        name: "report", valueFlags: ["--out", "--point", "--outcomes"], switches: [], positionalRange: (1, 1),
        usage: "dyadsim report <results dir> [--out DIR] [--point LIST] [--outcomes a,b]",
        summary:
            "figures (SVG) and an HTML page from a results directory: trajectories, pairings, effects, sweep, episodes",
        details: """
            options:
              --out DIR    report directory (default: <results dir>/report/)
              --point LIST sweep points shown by the trajectory and effects figures (one column each) and
                           the page's tables: N, a comma-separated list such as 0,4,9, or all (default: every
                           point of a sweep with at most 4, else 4 spread from the first to the last); the
                           pairing figure shows the first
              --outcomes a,b outcomes of a sensitivity report (default: satisfaction, distressed,
                           dissolved and pw_cycle_frac where analysed, else the first four)

            files: trajectories.svg (daily.csv), pairings.svg (couples.csv), effects.svg (more than one
            arm), sweep.svg (sweeps only), episodes.svg (traces.csv: one traced episode per arm) and
            index.html with the scenario, key findings and the effects table. A folder with
            sensitivity.csv (dyadsim analyze) gets sobol-<outcome>.svg (S1 and ST bars with their
            intervals) or morris-<outcome>.svg (the mu*-sigma plane) per outcome and an index.html with
            the design and the indices (docs/sensitivity.md). Each file is written under a temporary
            name and renamed when complete.
            exit codes: 0 done, 64 usage, 65 not a readable DyadSim output, 74 I/O error.
            """)

    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        var points = PointSelection.automatic
        if let text = arguments.values["--point"] {
            if text == "all" {
                points = .all
            } else {
                let parts = text.split(separator: ",", omittingEmptySubsequences: false)
                let values = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 >= 0 }
                guard !parts.isEmpty, values.count == parts.count else {
                    throw UsageError(
                        message: "--point: \"\(text)\" is not a sweep point, a comma-separated list of them or all",
                        usage: specification.usage)
                }
                points = .list(values)
            }
        }
        let outcomes: [String]?
        do { outcomes = try arguments.names("--outcomes") } catch { throw error.withUsage(specification.usage) }
        let summary = try ReportWriter.write(
            results: arguments.positional[0], to: arguments.values["--out"], points: points, outcomes: outcomes)
        console.print("dyadsim: report written to \(summary.directory)/: \(summary.files.joined(separator: ", "))")
        for note in summary.notes { console.print("  note: \(note)") }
        return ExitCode.success
    }
}
