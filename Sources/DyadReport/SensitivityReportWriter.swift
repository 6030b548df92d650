import DyadIO

/// `dyadsim report` of a `dyadsim analyze` folder: per outcome shown, `sobol-<outcome>.svg` (S1
/// and ST bars with their intervals) or `morris-<outcome>.svg` (the μ*–σ plane), and `index.html`
/// (the analysis, parameters with their ranges, the figures and the index tables). Each file is
/// written under a temporary name and renamed into place; nothing is written when an input is
/// missing or malformed.
enum SensitivityReportWriter {
    /// Writes the report of the analysis folder `path` into `directory` (default `<path>/report`),
    /// showing `outcomes` (nil: the headline outcomes, see ``SensitivityResults/headlineOutcomes``).
    static func write(
        results path: String, to directory: String?, outcomes: [String]?
    ) throws(ReportError) -> ReportSummary {
        let results = try SensitivityResults.read(path)
        let analyses = try results.selected(outcomes: outcomes)
        let labels = results.shortLabels()
        var figures: [(file: String, figure: Figure, caption: String)] = []
        var notes: [String] = []
        var usedNames = Set<String>()
        var shownOutcomes: [String] = []
        for analysis in analyses where !shownOutcomes.contains(analysis.output.outcome) {
            shownOutcomes.append(analysis.output.outcome)
        }
        for outcome in shownOutcomes {
            let members = analyses.filter { $0.output.outcome == outcome }
            let figure: Figure?
            let caption: String
            switch results.method {
            case .sobol:
                figure = SobolIndicesFigure.make(
                    outcome: outcome, analyses: members, parameters: results.parameters, labels: labels)
                caption = "Sobol S1 and ST of \(outcome) with bootstrap 95% intervals, parameters by ST."
            case .morris:
                figure = MorrisPlaneFigure.make(
                    outcome: outcome, analyses: members, parameters: results.parameters, labels: labels)
                caption =
                    "Morris \u{03BC}*\u{2013}\u{03C3} plane of \(outcome) with the rays \u{03C3}/\u{03BC}* = 0.1 and 1."
            }
            guard let figure else {
                notes.append("No figure of \(outcome): every index of it is 0.")
                continue
            }
            var file = "\(results.method.rawValue)-\(fileStem(outcome)).svg"
            var suffix = 2
            while !usedNames.insert(file).inserted {
                file = "\(results.method.rawValue)-\(fileStem(outcome))-\(suffix).svg"
                suffix += 1
            }
            figures.append((file, figure, caption))
        }
        let unshown = results.outcomes.count - shownOutcomes.count
        if unshown > 0, outcomes == nil {
            notes.append(
                "\(unshown) further outcomes are in sensitivity.csv; dyadsim report --outcomes a,b shows them.")
        }
        let output = try ReportWriter.reportDirectory(results: path, requested: directory)
        let written = try ReportWriter.writeFigures(figures, to: output) { entries in
            SensitivityPage(results: results, analyses: analyses, figures: entries, notes: notes).render()
        }
        return ReportSummary(directory: output, files: written, notes: notes)
    }

    /// `outcome` as a file name part: letters, digits, `_` and `-` kept, anything else `_`.
    static func fileStem(_ outcome: String) -> String {
        let kept = outcome.unicodeScalars.prefix(80).map { scalar -> Character in
            let ascii =
                scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "_" || scalar == "-")
            return ascii ? Character(scalar) : "_"
        }
        return kept.isEmpty ? "outcome" : String(kept)
    }
}
