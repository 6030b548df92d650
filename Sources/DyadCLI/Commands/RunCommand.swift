import DyadCore
import DyadExperiment
import DyadIO
import Foundation

/// `dyadsim run <scenario>`: every sweep point × replicate × arm into tidy CSV files.
enum RunCommand: Command {
    static let specification = CommandSpecification(
        name: "run",
        valueFlags: ["--out", "--threads", "--shard", "--max-memory"] + ScenarioOptions.valueFlags,
        switches: ["--force", "--resume", "--quiet", "--progress"],
        positionalRange: (1, 1),
        usage:
            "dyadsim run <scenario> [--out DIR] [--threads N] [--seed N] [--couples N] [--days N] [--shard K/N] [--resume] [--force] [--quiet] [--progress] [--max-memory SIZE]",
        summary: "run a scenario: every sweep point x replicate x arm, written as CSV files",
        details: """
            options:
              --out DIR          output directory (default: outputs.directory or Results/<name>/)
              --threads N        worker threads (default: all cores); results do not depend on it
              --seed N           scenario seed (0...2^53-1)
              --couples N        couples per run
              --days N           outcome days
              --shard K/N        run only shard K of N (0-based), e.g. one task of a SLURM job array
              --resume           continue an interrupted run in DIR, redoing nothing that finished
              --force            replace DyadSim outputs already in DIR
              --quiet            no progress and no summary
              --progress         show progress even when standard error is not a terminal
              --max-memory SIZE  refuse plans estimated above SIZE: a number with K, M, G or T (powers of
                                 1024; 8G, 1.5T) or whole bytes; default 80% of RAM, at most all of it

            files: couples.csv, daily.csv, runs.csv, effects.csv, summary.csv, points.csv (sweeps),
            manifest.json; each is written under a temporary name and renamed when complete.
            exit codes: 0 done, 64 usage, 65 invalid scenario or plan, 74 I/O error,
            130/143 interrupted by Ctrl-C/SIGTERM (finished runs are kept; rerun with --resume).
            """)

    static func execute(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let console = context.console
        let file = arguments.positional[0]
        let scenario = try ScenarioOptions.load(file, arguments: arguments)
        let threads: Int
        let shard: (index: Int, count: Int)?
        var memoryLimit = PlanEstimate.physicalMemory * 0.8
        do throws(UsageError) {
            threads = try ScenarioOptions.threads(arguments)
            shard = try ScenarioOptions.shard(arguments)
            if let text = arguments.values["--max-memory"] {
                guard let value = Quantity.parseBytes(text) else {
                    throw UsageError(
                        message:
                            "--max-memory: \"\(EscapedText.excerpt(text))\" is not a size such as 8G, 512M or 2000000000"
                    )
                }
                // Above the machine's memory the estimate would no longer protect the run from
                // failing to allocate: the limit is at most the physical memory.
                memoryLimit = min(value, PlanEstimate.physicalMemory)
            }
        } catch {
            throw error.withUsage(specification.usage)
        }
        // The plan's lists (runs, records, points) are judged before they are allocated.
        let bookkeeping = PlanEstimate.bookkeepingBytes(of: scenario, shardCount: shard?.count ?? 1)
        guard bookkeeping <= memoryLimit else {
            throw ScenarioError(
                file: file,
                problems: [
                    ScenarioProblem(
                        .file,
                        "the plan's runs and sweep points need an estimated \(Quantity.bytes(bookkeeping)) of memory, "
                            + "more than the limit of \(Quantity.bytes(memoryLimit)) "
                            + "(allowed: fewer points or replicates, shards, or --max-memory)")
                ])
        }
        let plan = RunPlan(scenario: scenario)
        var request = RunRequest(
            plan: plan, scenarioFile: file,
            directory: arguments.values["--out"] ?? OutputDirectory.defaultPath(for: scenario), threads: threads)
        request.shard = shard
        request.resume = arguments.has("--resume")
        request.force = arguments.has("--force")
        request.command = context.invocation
        let estimate = PlanEstimate(plan: plan, runs: request.runs, threads: threads)
        guard estimate.peakMemoryBytes <= memoryLimit else {
            throw ScenarioError(
                file: file,
                problems: [
                    ScenarioProblem(
                        .file,
                        "the plan needs an estimated \(Quantity.bytes(estimate.peakMemoryBytes)) of memory, more than "
                            + "the limit of \(Quantity.bytes(memoryLimit)) (allowed: fewer days, arms or threads per run, "
                            + "or --max-memory)")
                ])
        }
        let quiet = arguments.has("--quiet")
        let showProgress = !quiet && (console.errorIsTerminal || arguments.has("--progress"))
        let couplesPerRun = Double(scenario.couples)
        let display = ProgressDisplay(
            console: console, totalRuns: request.runs.count, alreadyFinished: 0, totalCoupleDays: estimate.coupleDays,
            coupleDaysPerCouple: estimate.coupleDays / max(1, couplesPerRun * Double(request.runs.count)),
            announcesReuse: !quiet)
        request.coupleProgress = display.couples
        let trap = SignalTrap(active: console.handlesSignals, console: console)
        defer { trap.remove() }
        if showProgress { display.start() }
        let outcome: RunOutcome
        do {
            outcome = try SweepRunner.execute(request, cancellation: trap.cancellation, progress: display)
        } catch {
            display.stop()
            throw error
        }
        if case .completed = outcome { display.stop(completed: showProgress) } else { display.stop() }
        switch outcome {
        case .interrupted(let finished, let total):
            var resume = context.invocation
            if !resume.contains("--resume") { resume.append("--resume") }
            resume.removeAll { $0 == "--force" }
            console.error(
                "dyadsim: stopped; \(finished) of \(total) runs are finished and kept in \(request.directory)")
            console.error("dyadsim: to continue: \(resume.joined(separator: " "))")
            return trap.signalNumber == 0 ? ExitCode.interrupted : trap.exitCode
        case .completed(let report):
            if !quiet { printSummary(report, plan: plan, request: request, console: console) }
            return ExitCode.success
        }
    }

    private static func printSummary(_ report: RunReport, plan: RunPlan, request: RunRequest, console: Console) {
        let scenario = plan.scenario
        if report.upToDate {
            let directory = request.directory
            let runs = report.runs == 1 ? "the run in \(directory) is" : "all \(report.runs) runs in \(directory) are"
            console.print("dyadsim: \(scenario.name): nothing to do; \(runs) finished (--force starts over)")
            return
        }
        let rate = report.wallSeconds > 0 ? Double(report.simulatedCoupleDays) / report.wallSeconds : 0
        let points = Set(request.runs.map(\.point)).count
        var line =
            "dyadsim: \(scenario.name): \(report.runs) run\(report.runs == 1 ? "" : "s") (\(points) point\(points == 1 ? "" : "s") x \(scenario.replicates) replicate\(scenario.replicates == 1 ? "" : "s")), \(scenario.arms.count) arm\(scenario.arms.count == 1 ? "" : "s"), \(scenario.couples) couples x \(scenario.days) days"
        if let shard = request.shard { line += ", shard \(shard.index)/\(shard.count)" }
        console.print(line)
        for repair in report.repairs { console.print("  re-checked: " + repair) }
        if report.reused > 0 {
            let runs = report.reused == 1 ? "1 run was" : "\(report.reused) runs were"
            console.print("  resumed: \(runs) already finished and kept")
        }
        console.print(
            "  wall time \(String(format: "%.2f", report.wallSeconds)) s, \(ProgressDisplay.rate(rate)) couple-days/s (\(Quantity.count(Double(report.simulatedCoupleDays))) couple-days simulated)"
        )
        let files = report.files.map { "\($0.name) (\($0.rows) rows)" }.joined(separator: ", ")
        console.print("  files in \(request.directory)/: \(files), \(OutputDirectory.manifestName)")
    }
}
