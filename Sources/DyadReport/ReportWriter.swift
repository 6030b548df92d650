import DyadIO

/// What `dyadsim report` wrote.
public struct ReportSummary: Sendable, Equatable {
    /// The report directory.
    public let directory: String
    /// File names written, `index.html` last.
    public let files: [String]
    /// Figures left out and why (also listed on the page).
    public let notes: [String]
}

/// `dyadsim report`: reads a DyadSim output directory and writes SVG figures and `index.html`.
///
/// Figures: `trajectories.svg` (daily.csv), `pairings.svg` (couples.csv), `effects.svg`
/// (effects.csv, more than one arm; plus the more anxious partner from couples.csv) and
/// `sweep.svg` (summary.csv and points.csv, sweeps only). Each file is written under a temporary
/// name and renamed into place.
public enum ReportWriter {
    /// Writes the report of `results` into `directory` (default `<results>/report`) for sweep
    /// point `point` (default 0).
    public static func write(results path: String, to directory: String? = nil, point requestedPoint: Int? = nil) throws(ReportError) -> ReportSummary {
        let results = try ResultsDirectory.open(path)
        let scenario = results.scenario
        var points: SweepFigure.Points?
        if results.has(.points) { points = try SweepFigure.points(results.file(.points)) }
        let pointCount = max(points?.count ?? 1, 1)
        let point = requestedPoint ?? 0
        guard point >= 0, point < pointCount else {
            throw ReportError(.invalidRequest, pointCount == 1
                ? "--point \(point): \(path) has no sweep (only point 0)"
                : "--point \(point): \(path) has sweep points 0...\(pointCount - 1)")
        }
        let pointValues = points.map { points in points.paths.map { ($0, points.values[$0]?[point] ?? .nan) } } ?? []
        let context = ReportContext(
            results: results, point: point, pointCount: pointCount, pointValues: pointValues,
            armStyles: Palette.armStyles(scenario.armNames, control: scenario.controlArm))
        let output = directory ?? path + "/report"
        // The default folder is inside the results; a link planted there would send the report
        // elsewhere (an --out given by the user is the user's choice).
        if directory == nil, Files.entryKind(output) == .symbolicLink {
            throw .output(OutputError(
                "cannot write the report to \(output): it is a symbolic link; remove it or choose --out"))
        }
        do { try Files.createDirectory(output) } catch { throw .output(error) }

        var figures: [(file: String, figure: Figure, caption: String)] = []
        var notes: [String] = []
        let pointFilter = ("sweep_point", Double(point))

        if results.has(.daily) {
            let daily = try ReportTable.read(results.file(.daily), numbers: TrajectoryFigure.numberColumns, labels: ["arm"], filter: pointFilter)
            guard daily.rowCount > 0 else { throw .invalid("\(results.file(.daily)): no rows for sweep point \(point)") }
            figures.append(("trajectories.svg", TrajectoryFigure.make(daily, context: context),
                            "daily means by arm (mean across replicates with 95% band) for arousal, security, satisfaction, pursue\u{2013}withdraw share and cumulative dissolution."))
        } else if scenario.writesDaily {
            _ = try results.require(.daily)
        } else {
            notes.append("No trajectories: the scenario sets outputs.daily to false, so there is no daily.csv.")
        }

        var pairings: [PairingFigure.Pairing] = []
        var derived: [EffectEstimate] = []
        if results.has(.couples) {
            let couples = try ReportTable.read(
                results.file(.couples), numbers: Array(Set(PairingFigure.numberColumns + EffectEstimates.coupleColumns)).sorted(),
                labels: PairingFigure.labelColumns, filter: pointFilter)
            guard couples.rowCount > 0 else { throw .invalid("\(results.file(.couples)): no rows for sweep point \(point)") }
            pairings = PairingFigure.pairings(couples, context: context)
            if pairings.contains(where: { $0.count >= PairingFigure.minimumCouples }) {
                figures.append(("pairings.svg", PairingFigure.make(pairings, context: context),
                                "per-couple satisfaction, pursue\u{2013}withdraw share and dissolution by attachment pairing (arm \(scenario.controlArm))."))
            } else {
                notes.append("No pairing figure: every pairing has fewer than \(PairingFigure.minimumCouples) couples.")
            }
            if scenario.treatmentArms.count > 0 {
                derived = EffectEstimates.moreAnxiousPartner(couples, arms: scenario.armNames, control: scenario.controlArm)
            }
        } else if scenario.writesCouples {
            _ = try results.require(.couples)
        } else {
            notes.append("No pairing figure and no more-anxious-partner effects: the scenario sets outputs.couples to false.")
        }

        var estimates: [EffectEstimate] = []
        if scenario.treatmentArms.isEmpty {
            notes.append("No effects figure: the scenario has one arm (\(scenario.controlArm)).")
        } else {
            estimates = try EffectEstimates.load(try results.require(.effects), point: point)
            guard !estimates.isEmpty else { throw .invalid("\(results.file(.effects)): no rows for sweep point \(point)") }
            figures.append(("effects.svg", EffectsFigure.make(estimates, derived: derived, context: context),
                            "standardised effect d (95% CI) of each arm vs \(scenario.controlArm) on key outcomes; \u{2191}/\u{2193} mark the better direction."))
        }

        if let points {
            let summary = try ReportTable.read(
                try results.require(.summary), numbers: ["sweep_point", "n", "mean", "ci_low", "ci_high"], labels: ["arm", "outcome"])
            figures.append(("sweep.svg", SweepFigure.make(summary, points: points, context: context),
                            "satisfaction, distress, dissolution and pursue\u{2013}withdraw share against each swept parameter, per arm (mean and 95% CI across replicates)."))
        }

        var written: [String] = []
        do {
            for entry in figures {
                try Files.writeAtomically(SVGRenderer.render(entry.figure), to: output + "/" + entry.file)
                written.append(entry.file)
            }
            let page = ReportPage(
                context: context, figures: figures.map { ReportPage.FigureEntry(file: $0.file, caption: $0.caption) },
                estimates: estimates, derived: derived, pairings: pairings, notes: notes)
            try Files.writeAtomically(page.render(), to: output + "/index.html")
            written.append("index.html")
        } catch {
            throw .output(error)
        }
        return ReportSummary(directory: output, files: written, notes: notes)
    }
}
