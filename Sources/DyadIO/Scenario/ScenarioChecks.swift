import DyadCore
import DyadExperiment

/// Cross-field checks of a decoded scenario ("impossible combinations"), also applied to every
/// sweep point.
enum ScenarioChecks {
    /// Whether sweeping `path` can change the outcome of ``problems(_:)``: day counts,
    /// intervention days, the population's correlations and the initiation weights.
    static func changesCrossFieldChecks(_ path: SweepPath) -> Bool {
        switch path.target {
        case .days, .baselineDay, .couples, .burnInDays: true
        case .intervention(_, _, let field): field == .startDay || field == .endDay
        case .population(let info): info.name.hasPrefix("r_")
        case .parameter(_, let info): info.name == "init_w"
        }
    }

    static func problems(_ scenario: Scenario) -> [ScenarioProblem] {
        var problems: [ScenarioProblem] = []
        func report(_ path: String, _ message: String, allowed: String? = nil) {
            problems.append(ScenarioProblem(.field(path), message, allowed: allowed))
        }
        let points = scenario.sweep.pointCount
        let (runs, overflow) = points.multipliedReportingOverflow(by: scenario.replicates)
        if overflow || runs > Limits.maximumRuns {
            report(
                "replicates",
                "\(points) sweep point\(points == 1 ? "" : "s") x \(scenario.replicates) replicates make more than "
                    + "\(Limits.maximumRuns) runs",
                allowed: "at most \(Limits.maximumRuns) runs; fewer replicates or points, "
                    + "or split the sweep into several scenarios")
        }
        if scenario.baselineDay >= scenario.days {
            report(
                "baseline_day", "\(scenario.baselineDay) is not before days \(scenario.days)",
                allowed: "0...\(scenario.days - 1)")
        }
        for (armIndex, arm) in scenario.arms.enumerated() {
            for (index, intervention) in arm.interventions.enumerated() {
                let path = "arms[\(armIndex)].interventions[\(index)]"
                if intervention.startDay >= scenario.days {
                    report(
                        path + ".start_day",
                        "\(intervention.startDay) is not before days \(scenario.days), so the intervention never starts",
                        allowed: "0...\(scenario.days - 1)")
                }
                if let end = intervention.endDay, end <= intervention.startDay {
                    report(
                        path + ".end_day", "\(end) is not after start_day \(intervention.startDay)",
                        allowed: "\(intervention.startDay + 1) or more")
                }
            }
        }
        if scenario.population.mode == .traits,
            PopulationSampler.choleskyFactor(scenario.population.correlationMatrix) == nil
        {
            let p = scenario.population
            report(
                "population",
                "r_within \(NumberText.shortest(p.correlationWithin)), r_anx_anx \(NumberText.shortest(p.correlationAnxietyAnxiety)), r_av_av \(NumberText.shortest(p.correlationAvoidanceAvoidance)) and r_cross \(NumberText.shortest(p.correlationCross)) do not form a valid correlation matrix",
                allowed: "a positive-definite matrix")
        }
        let parameters = scenario.parameters.resolved()
        if parameters.roleA.initiationWeight == 0 && parameters.roleB.initiationWeight == 0 {
            report(
                "params.init_w", "init_w is 0 for both roles, so nobody could start an episode",
                allowed: "init_w > 0 for at least one role")
        }
        return problems
    }

    /// Checks every sweep point; problems name the point and its values (at most `limit`).
    /// Builds the points only, not the runs (replicates × points), in O(points).
    static func sweepProblems(_ scenario: Scenario, limit: Int = 5) -> [ScenarioProblem] {
        // Points can only differ in what `problems` checks through these paths; a sweep of
        // other values (most sweeps) needs no per-point check.
        guard scenario.sweep.paths.contains(where: changesCrossFieldChecks) else { return [] }
        var problems: [ScenarioProblem] = []
        var failing = 0
        for (index, assignments) in scenario.sweep.points(scenarioSeed: scenario.seed).enumerated() {
            var resolved = scenario
            for assignment in assignments { assignment.path.apply(assignment.value, to: &resolved) }
            let found = Self.problems(resolved)
            guard !found.isEmpty else { continue }
            failing += 1
            guard failing <= limit else { continue }
            let point = (index: index, assignments: assignments)
            let values = point.assignments.map { "\($0.path.text)=\(NumberText.shortest($0.value))" }.joined(
                separator: ", ")
            for problem in found {
                if case .field(let path) = problem.location {
                    problems.append(
                        ScenarioProblem(
                            .field("sweep"), "at point \(point.index) (\(values)): \(path): \(problem.message)",
                            allowed: problem.allowed))
                }
            }
        }
        if failing > limit {
            problems.append(
                ScenarioProblem(.field("sweep"), "\(failing - limit) more points have the same kind of problem"))
        }
        return problems
    }
}
