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

/// Which sweep points the trajectory, pairing and effects figures show.
public enum PointSelection: Sendable, Equatable {
    /// Every point of a sweep with at most ``ReportWriter/automaticPointCount`` points, else that
    /// many spread evenly from the first to the last.
    case automatic
    /// Every point.
    case all
    /// These points (in ascending order; the pairing figure shows the first).
    case list([Int])
}

/// `dyadsim report`: reads a DyadSim output directory and writes SVG figures and `index.html`.
///
/// Figures: `trajectories.svg` (daily.csv), `pairings.svg` (couples.csv), `effects.svg`
/// (effects.csv, more than one arm; plus the more anxious partner from couples.csv) and
/// `sweep.svg` (effects.csv and points.csv, sweeps with more than one arm) and `episodes.svg`
/// (traces.csv: one traced episode per arm at the first point shown). Trajectories and
/// effects show one column of small multiples per selected sweep point. Each file is written
/// under a temporary name and renamed into place.
public enum ReportWriter {
    /// Points shown by default: all of a sweep with at most this many, else this many.
    public static let automaticPointCount = 4

    /// Writes the report of `results` into `directory` (default `<results>/report`) showing sweep
    /// point `point` (nil: the automatic selection).
    public static func write(
        results path: String, to directory: String? = nil, point: Int?
    ) throws(ReportError) -> ReportSummary {
        try write(results: path, to: directory, points: point.map { .list([$0]) } ?? .automatic)
    }

    /// The points `selection` picks among `count`, or the error naming the first one out of range.
    package static func selectedPoints(
        _ selection: PointSelection, count: Int, path: String
    ) throws(ReportError) -> [Int] {
        switch selection {
        case .all:
            return Array(0..<count)
        case .automatic:
            guard count > automaticPointCount else { return Array(0..<count) }
            let last = automaticPointCount - 1
            return Array(Set((0...last).map { Int((Double($0 * (count - 1)) / Double(last)).rounded()) })).sorted()
        case .list(let points):
            if let bad = points.first(where: { $0 < 0 || $0 >= count }) {
                throw ReportError(
                    .invalidRequest,
                    count == 1
                        ? "--point \(bad): \(path) has no sweep (only point 0)"
                        : "--point \(bad): \(path) has sweep points 0...\(count - 1)")
            }
            return Array(Set(points)).sorted()
        }
    }

    /// Writes the report of `results` into `directory` (default `<results>/report`); `outcomes`
    /// chooses the outcomes of a sensitivity report (a folder with sensitivity.csv).
    public static func write(
        results path: String, to directory: String? = nil, points selection: PointSelection = .automatic,
        outcomes: [String]? = nil
    ) throws(ReportError) -> ReportSummary {
        let analysed = SensitivityResults.recognises(path)
        // A run analysed in place (dyadsim analyze without --out) holds both: it gets the run's
        // report and, in its sensitivity/ subfolder, the analysis's.
        let analysedInPlace = analysed && Files.exists(path + "/" + OutputFile.runs.rawValue)
        if analysed && !analysedInPlace {
            guard selection == .automatic else {
                throw ReportError(
                    .invalidRequest, "--point: \(path) holds a sensitivity analysis (sensitivity.csv): no sweep points")
            }
            return try SensitivityReportWriter.write(results: path, to: directory, outcomes: outcomes)
        }
        if outcomes != nil && !analysed {
            throw ReportError(
                .invalidRequest,
                "--outcomes: \(path) has no sensitivity.csv (--outcomes is for a dyadsim analyze folder)")
        }
        if CalibrationResults.recognises(path) {
            return try CalibrationReportWriter.write(results: path, to: directory)
        }
        // Both reports' inputs are checked before either is written.
        if analysedInPlace { _ = try SensitivityResults.read(path).selected(outcomes: outcomes) }
        let run = try writeRunReport(
            results: path, to: directory, points: selection,
            notes: analysedInPlace
                ? [
                    "The sensitivity analysis of this sweep (sensitivity.csv) is reported in \(sensitivityFolder)/index.html."
                ]
                : [])
        guard analysedInPlace else { return run }
        let analysis = try SensitivityReportWriter.write(
            results: path, to: run.directory + "/" + sensitivityFolder, outcomes: outcomes)
        return ReportSummary(
            directory: run.directory,
            files: Array(run.files.dropLast()) + analysis.files.map { sensitivityFolder + "/" + $0 }
                + Array(run.files.suffix(1)),
            notes: run.notes + analysis.notes)
    }

    /// The subfolder of a run's report that holds the report of a sensitivity analysis written
    /// into the run's folder.
    static let sensitivityFolder = "sensitivity"

    /// The report of a run or sweep folder (not a calibration or an analysis); `notes` come first
    /// in the page's notes.
    private static func writeRunReport(
        results path: String, to directory: String?, points selection: PointSelection, notes initialNotes: [String]
    ) throws(ReportError) -> ReportSummary {
        let results = try ResultsDirectory.open(path)
        let scenario = results.scenario
        var sweep: SweepPoints?
        if results.has(.points) {
            sweep = try SweepPoints.read(
                results.file(.points), zipped: scenario.zippedPaths, scattered: scenario.scatteredPaths)
        }
        let points = try selectedPoints(selection, count: max(sweep?.count ?? 1, 1), path: path)
        let context = ReportContext(
            results: results, points: points, sweep: sweep,
            armStyles: Palette.armStyles(scenario.armNames, control: scenario.controlArm))
        let output = try ReportWriter.reportDirectory(results: path, requested: directory)

        var figures: [(file: String, figure: Figure, caption: String)] = []
        var notes = initialNotes
        let keeping = ("sweep_point", Set(points.map(Double.init)))
        let shown = points.count == 1 ? "" : " One column per sweep point shown."

        if results.has(.daily) {
            let daily = try ReportTable.read(
                results.file(.daily), numbers: ["sweep_point"] + TrajectoryFigure.numberColumns, labels: ["arm"],
                keeping: keeping)
            var sets: [(point: Int, daily: ReportTable)] = []
            for point in points {
                let rows = daily.rows(where: "sweep_point", equals: Double(point))
                guard rows.rowCount > 0 else {
                    throw .invalid("\(results.file(.daily)): no rows for sweep point \(point)")
                }
                sets.append((point, rows))
            }
            figures.append(
                (
                    "trajectories.svg", TrajectoryFigure.make(sets, context: context),
                    "daily means by arm (mean across replicates with 95% band) for arousal, security, "
                        + "satisfaction, pursue\u{2013}withdraw share and cumulative dissolution."
                        + shown
                ))
        } else if scenario.writesDaily {
            _ = try results.require(.daily)
        } else {
            notes.append("No trajectories: the scenario sets outputs.daily to false, so there is no daily.csv.")
        }

        var pairings: [PairingFigure.Pairing] = []
        var derived: [Int: [EffectEstimate]] = [:]
        if results.has(.couples) {
            let columns = Set(["sweep_point"] + PairingFigure.numberColumns + EffectEstimates.coupleColumns)
            let couples = try ReportTable.read(
                results.file(.couples), numbers: columns.sorted(), labels: PairingFigure.labelColumns, keeping: keeping)
            for point in points {
                let rows = couples.rows(where: "sweep_point", equals: Double(point))
                guard rows.rowCount > 0 else {
                    throw .invalid("\(results.file(.couples)): no rows for sweep point \(point)")
                }
                if point == points[0] { pairings = PairingFigure.pairings(rows, context: context) }
                if scenario.treatmentArms.count > 0 {
                    derived[point] = EffectEstimates.moreAnxiousPartner(
                        rows, arms: scenario.armNames, control: scenario.controlArm)
                }
            }
            let pairingPoint = points.count > 1 ? " (\(context.pointPhrase(points[0])))" : ""
            if pairings.contains(where: { $0.count >= PairingFigure.minimumCouples }) {
                figures.append(
                    (
                        "pairings.svg", PairingFigure.make(pairings, point: points[0], context: context),
                        "per-couple satisfaction, pursue\u{2013}withdraw share and dissolution by attachment "
                            + "pairing (arm \(scenario.controlArm))\(pairingPoint)."
                    ))
            } else {
                notes.append("No pairing figure: every pairing has fewer than \(PairingFigure.minimumCouples) couples.")
            }
        } else if scenario.writesCouples {
            _ = try results.require(.couples)
        } else {
            notes.append(
                "No pairing figure and no more-anxious-partner effects: the scenario sets outputs.couples to false.")
        }

        var effects: [EffectsFigure.PointEffects] = []
        if scenario.treatmentArms.isEmpty {
            notes.append("No effects figure: the scenario has one arm (\(scenario.controlArm)).")
        } else {
            let file = try results.require(.effects)
            for point in points {
                let estimates = try EffectEstimates.load(file, point: point)
                guard !estimates.isEmpty else {
                    throw .invalid("\(results.file(.effects)): no rows for sweep point \(point)")
                }
                effects.append(
                    EffectsFigure.PointEffects(point: point, estimates: estimates, derived: derived[point] ?? []))
            }
            figures.append(
                (
                    "effects.svg", EffectsFigure.make(effects, context: context),
                    "standardised effect d (95% CI) of each arm vs \(scenario.controlArm) on key outcomes; "
                        + "\u{2191}/\u{2193} mark the better direction." + shown
                ))
        }

        if let sweep {
            if scenario.treatmentArms.isEmpty {
                notes.append(
                    "No sweep figure: with one arm there are no paired effects (summary.csv has each point's levels).")
            } else {
                let table = try ReportTable.read(
                    try results.require(.effects), numbers: SweepFigure.numberColumns, labels: ["arm", "outcome"])
                figures.append(
                    (
                        "sweep.svg", SweepFigure.make(table, sweep: sweep, context: context),
                        "paired effect of each arm vs \(scenario.controlArm) (difference with 95% CI) on "
                            + "satisfaction, distress, dissolution and pursue\u{2013}withdraw share against "
                            + "each swept value."
                    ))
            }
        }
        let episodes = try EpisodeTraceFigure.load(results, point: points[0], context: context)
        if let note = episodes.note { notes.append(note) }
        if points.count < context.pointCount {
            let shown = points.map(String.init).joined(separator: ", ")
            notes.append(
                "Trajectories and effects show sweep points \(shown) of \(context.pointCount); choose others "
                    + "with --point LIST (e.g. --point 0,5,9) or --point all.")
        }

        var written: [String] = []
        do {
            for entry in figures {
                try Files.writeAtomically(SVGRenderer.render(entry.figure), to: output + "/" + entry.file)
                written.append(entry.file)
            }
            if let figure = episodes.figure {
                try Files.writeAtomically(SVGRenderer.render(figure), to: output + "/" + EpisodeTraceFigure.file)
                written.append(EpisodeTraceFigure.file)
            }
            let page = ReportPage(
                context: context, figures: figures.map { ReportPage.FigureEntry(file: $0.file, caption: $0.caption) },
                effects: effects, pairings: pairings, notes: notes,
                episodes: episodes.figure.map { _ in
                    ReportPage.FigureEntry(file: EpisodeTraceFigure.file, caption: EpisodeTraceFigure.caption)
                })
            try Files.writeAtomically(page.render(), to: output + "/index.html")
            written.append("index.html")
        } catch {
            throw .output(error)
        }
        return ReportSummary(directory: output, files: written, notes: notes)
    }
}
