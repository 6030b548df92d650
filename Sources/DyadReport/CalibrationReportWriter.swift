import DyadIO

/// `dyadsim report` of a `dyadsim calibrate` folder: `marginals.svg` (prior vs posterior per
/// parameter), `generations.svg` (tolerance and acceptance rate), `predictive.svg` (posterior
/// predictive check), `pairs.svg` (pairwise posterior scatter, two or more parameters) and
/// `index.html` (posterior summary, predictive table, provenance). Each file is written under a
/// temporary name and renamed into place; nothing is written when an input is missing or malformed.
enum CalibrationReportWriter {
    /// Writes the report of the calibration folder `path` into `directory` (default `<path>/report`).
    static func write(results path: String, to directory: String?) throws(ReportError) -> ReportSummary {
        let results = try CalibrationResults.read(path)
        var figures: [(file: String, figure: Figure, caption: String)] = [
            (
                "marginals.svg", CalibrationMarginalsFigure.make(results),
                "prior (generation 0) and weighted posterior (last generation) of each parameter, with the posterior "
                    + "median and 95% interval."
            ),
            (
                "generations.svg", CalibrationProgressFigure.make(results),
                "tolerance \u{03B5} and acceptance rate of each ABC-SMC generation."
            ),
        ]
        var notes: [String] = []
        if results.checks.isEmpty {
            notes.append("No predictive check figure: predictive.csv has no rows.")
        } else {
            figures.append(
                (
                    "predictive.svg", PredictiveCheckFigure.make(results),
                    "posterior predictive check: observed \u{00B1} 2 sd vs simulated mean and 95% interval."
                ))
        }
        if results.parameters.count > 1 {
            figures.append(
                (
                    "pairs.svg", PosteriorPairsFigure.make(results),
                    "pairwise scatter of the last generation's particles (area by weight)."
                ))
        }
        let output = try ReportWriter.reportDirectory(results: path, requested: directory)
        let written = try ReportWriter.writeFigures(figures, to: output) { entries in
            CalibrationPage(results: results, figures: entries).render()
        }
        return ReportSummary(directory: output, files: written, notes: notes)
    }
}
