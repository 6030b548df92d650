import DyadCore
import DyadExperiment

/// `episodes.svg`: one traced conflict episode per arm (traces.csv), stacked on a shared turn
/// axis: both partners' arousal E after each action as two lines, the flooding threshold
/// `theta_flood` (docs/model.md §2.5) as a dashed rule, and each partner's actions as marks in a
/// strip above the arousal scale (colour by kind of action, shape by action).
package enum EpisodeTraceFigure {
    /// The file name in the report.
    static let file = "episodes.svg"

    /// The y axis of every panel: arousal 0–1, then the action strip.
    package static let yRange = 0.0...1.34
    /// Strip rows of b's and a's actions on the y axis (above arousal 1).
    package static let stripRows = (a: 1.26, b: 1.12)
    /// Where the strip's tint starts.
    static let stripBottom = 1.04

    /// The reading guide on the report page.
    static let reading =
        "How to read it: each panel is the same couple's first conflict episode on the same day in one arm "
        + "(the couple and day whose control-arm episode was longest among the traced couples). "
        + "The lines are the two partners' arousal after each action; the dashed line is the flooding threshold "
        + "theta_flood (above it a partner is flooded: heart rate over 100 bpm, docs/model.md \u{00A7}2.5). The marks "
        + "above the lines are the actions, a on the top row and b below, one per partner per turn: a run of "
        + "pursuits answered by withdrawals is the pursue\u{2013}withdraw cycle, validations usually bring both "
        + "lines down and end the episode."

    static let lineA = Stroke(colour: Palette.black, width: 1.4)
    static let lineB = Stroke(colour: Palette.reddishPurple, width: 1.4)
    static let stripTint = Colour(hex: "#F4F4F4")

    /// Legend label, colour and marker of an action.
    static func style(_ action: Action) -> (label: String, colour: Colour, shape: MarkerShape) {
        switch action {
        case .pursueSoft: ("soft pursuit", Palette.orange, .circle)
        case .pursueHarsh: ("harsh pursuit", Palette.vermillion, .triangle)
        case .withdraw: ("withdrawal", Palette.blue, .square)
        case .validate: ("validation", Palette.bluishGreen, .diamond)
        case .neutral: ("neutral", Palette.neutralFill, .circle)
        case .breakAnnounced: ("announced break", Palette.skyBlue, .circle)
        case .breakUnannounced: ("unannounced break", Palette.skyBlue, .triangle)
        case .none: ("none", Palette.neutralFill, .circle)
        }
    }

    /// Actions in legend order.
    static let legendOrder: [Action] = [
        .pursueSoft, .pursueHarsh, .withdraw, .validate, .neutral, .breakAnnounced, .breakUnannounced,
    ]

    /// "resolved", "withdrawal", "an unannounced break", "timeout (max_turns)".
    static func endingText(_ ending: EpisodeEnding?) -> String {
        switch ending {
        case .resolved: "resolved"
        case .withdrawal: "in withdrawal"
        case .unannouncedBreak: "with an unannounced break"
        case .timeout: "at the turn limit (max_turns)"
        case nil: "(no rows)"
        }
    }

    /// The flooding threshold of each role at sweep point `point` (params, params_a, params_b
    /// and swept values applied) and the arms whose `set` interventions change it.
    static func thresholds(_ plan: RunPlan, point: Int) -> (a: Double, b: Double, setBy: [String]) {
        let scenario = plan.scenario(at: point)
        let parameters = scenario.parameters.resolved()
        let setBy = scenario.arms.filter { arm in
            arm.interventions.contains {
                if case .set(let parameter, _) = $0.kind { return parameter == "theta_flood" }
                return false
            }
        }.map(\.name)
        return (parameters.roleA.floodThreshold, parameters.roleB.floodThreshold, setBy)
    }

    /// The first day on which every arm's interventions have started at sweep point `point` (0
    /// without interventions): the episodes drawn are from this day on when possible.
    static func interventionDay(_ plan: RunPlan, point: Int) -> Int {
        plan.scenario(at: point).arms.flatMap(\.interventions).map(\.startDay).max() ?? 0
    }

    /// The turn axis from −0.5 (room for the first marks) to `upper`, whole-number ticks.
    static func turnAxis(upper: Double) -> Axis {
        let step = [1, 2, 5, 10, 20, 50].first { upper / Double($0) <= 10 } ?? 100
        let ticks = stride(from: 0, through: Int(upper), by: step).map { Tick(value: Double($0), label: "\($0)") }
        return Axis(
            title: "turn (a and b act once per turn, the initiator first)", lower: -0.5, upper: upper, ticks: ticks)
    }

    /// The figure of `traced` with flooding thresholds `thresholds`.
    static func make(
        _ traced: TracedEpisodes, thresholds: (a: Double, b: Double, setBy: [String]), fromDay: Int,
        context: ReportContext
    ) -> Figure {
        let lastTurn = traced.episodes.flatMap(\.steps).map(\.turn).max() ?? 0
        let upper = Double(max(lastTurn + 1, 4))
        let xAxis = turnAxis(upper: upper)
        var panels: [Panel] = []
        var present = Set<Action>()
        for (index, episode) in traced.episodes.enumerated() {
            let turns = (episode.steps.map(\.turn).max() ?? -1) + 1
            let title =
                "\(context.armLabel(episode.arm)): episode \(episode.episode), \(turns) turn\(turns == 1 ? "" : "s"), "
                + "ended \(endingText(episode.ending))"
            var series: [Series] = [
                .region(x: xAxis.lower...xAxis.upper, y: stripBottom...yRange.upperBound, colour: stripTint)
            ]
            if thresholds.a == thresholds.b {
                series.append(
                    .rule(
                        value: thresholds.a, vertical: false,
                        stroke: Stroke(colour: Palette.axis, width: 0.9, dash: [4, 3])))
            } else {
                series.append(
                    .rule(
                        value: thresholds.a, vertical: false,
                        stroke: Stroke(colour: lineA.colour, width: 0.9, dash: [4, 3])
                    ))
                series.append(
                    .rule(
                        value: thresholds.b, vertical: false,
                        stroke: Stroke(colour: lineB.colour, width: 0.9, dash: [4, 3])
                    ))
            }
            let clamp = { (value: Double) in value.isFinite ? min(max(value, -0.1), yRange.upperBound) : value }
            series.append(.line(points: episode.steps.map { ($0.position, clamp($0.arousalA)) }, stroke: lineA))
            series.append(.line(points: episode.steps.map { ($0.position, clamp($0.arousalB)) }, stroke: lineB))
            for action in legendOrder {
                let style = style(action)
                for actorIsA in [true, false] {
                    let points = episode.steps.filter { $0.action == action && $0.actorIsA == actorIsA }.map {
                        (x: $0.position, y: actorIsA ? stripRows.a : stripRows.b)
                    }
                    guard !points.isEmpty else { continue }
                    present.insert(action)
                    series.append(.markers(points: points, colour: style.colour, shape: style.shape, size: 6))
                }
            }
            let ticks =
                stride(from: 0.0, through: 1.0, by: 0.2).map {
                    Tick(value: $0, label: ReportNumber.plain(($0 * 10).rounded() / 10))
                }
                + [Tick(value: stripRows.b, label: "b acts"), Tick(value: stripRows.a, label: "a acts")]
            panels.append(
                Panel(
                    title: title,
                    x: xAxis,
                    y: Axis(
                        title: "arousal E (0\u{2013}1)", lower: yRange.lowerBound, upper: yRange.upperBound,
                        ticks: ticks),
                    series: series, showsXTickLabels: index == traced.episodes.count - 1))
        }
        let number = ReportNumber.plain
        var legend = [
            LegendEntry(label: "arousal of a", symbol: .line(lineA)),
            LegendEntry(label: "arousal of b", symbol: .line(lineB)),
        ]
        if thresholds.a == thresholds.b {
            legend.append(
                LegendEntry(
                    label: "flooding threshold theta_flood = \(number(thresholds.a))",
                    symbol: .line(Stroke(colour: Palette.axis, width: 0.9, dash: [4, 3]))))
        } else {
            legend.append(
                LegendEntry(
                    label: "theta_flood of a = \(number(thresholds.a))",
                    symbol: .line(Stroke(colour: lineA.colour, width: 0.9, dash: [4, 3]))))
            legend.append(
                LegendEntry(
                    label: "theta_flood of b = \(number(thresholds.b))",
                    symbol: .line(Stroke(colour: lineB.colour, width: 0.9, dash: [4, 3]))))
        }
        for action in legendOrder where present.contains(action) {
            let style = style(action)
            legend.append(LegendEntry(label: style.label, symbol: .marker(style.colour, style.shape)))
        }
        let days =
            traced.fromPreferredDay
            ? (fromDay > 0 ? " from day \(fromDay) (when every arm's interventions have started)" : "")
            : " (none from day \(fromDay), when the interventions start)"
        let subtitle =
            "Couple \(traced.couple), replicate \(traced.replicate), outcome day \(traced.day): of the traced couples' "
            + "days with a conflict episode in every arm\(days), the one with the longest first episode in "
            + "\(context.armLabel(context.scenario.controlArm)); that day's first episode in each arm. Arousal E after "
            + "each action (before the end-of-turn relaxation)."
        var notes: [String] = []
        if !thresholds.setBy.isEmpty {
            notes.append(
                "Arms \(thresholds.setBy.joined(separator: ", ")) set theta_flood in an intervention: the dashed line "
                    + "shows the scenario's value, not the arm's.")
        }
        return Figure(
            title: "A traced conflict episode in each arm" + context.titleSuffix([traced.point]),
            subtitle: subtitle, panels: panels, columns: 1, plotWidth: 460, plotHeight: 118, legend: legend,
            notes: notes)
    }
}

extension EpisodeTraceFigure {
    /// The figure of `results`' traces.csv at sweep point `point`, or the note saying why there
    /// is none; nil for both when the output has no traces.csv (a scenario that writes one
    /// but whose file is missing is an incomplete output).
    static func load(
        _ results: ResultsDirectory, point: Int, context: ReportContext
    ) throws(ReportError) -> (figure: Figure?, note: String?) {
        guard results.has(.traces) else {
            if results.plan.scenario.outputs.traces != nil { _ = try results.require(.traces) }
            return (nil, nil)
        }
        let fromDay = interventionDay(results.plan, point: point)
        guard
            let traced = try TracedEpisodes.read(
                results.file(.traces), point: point, arms: results.scenario.armNames,
                reference: results.scenario.armNames.firstIndex(of: results.scenario.controlArm) ?? 0, fromDay: fromDay)
        else {
            return (
                nil,
                "No episode figure: no traced couple of traces.csv had a conflict episode in every arm on a same day"
                    + (context.sweep == nil ? "." : " at sweep point \(point).")
            )
        }
        return (
            make(traced, thresholds: thresholds(results.plan, point: point), fromDay: fromDay, context: context), nil
        )
    }

    /// The caption on the report page.
    static let caption =
        "one traced conflict episode per arm (traces.csv): both partners' arousal turn by turn, the flooding "
        + "threshold and each partner's actions."
}
