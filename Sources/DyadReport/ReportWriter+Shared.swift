import DyadIO

/// What the run, calibration and sensitivity reports share.
extension ReportWriter {
    /// The outcomes a sensitivity analysis shows first: the default figures of its report and
    /// the console table of `dyadsim analyze` (sensitivity.csv has every outcome).
    package static let sensitivityHeadlineOutcomes = ["satisfaction", "distressed", "dissolved", "pw_cycle_frac"]

    /// The folder a report is written to, created if missing: `requested` (an `--out` given by
    /// the user is the user's choice), else `<results>/report`, which must not be a symbolic link
    /// (a link planted inside the results would send the report elsewhere). Used by the run,
    /// calibration and sensitivity reports alike.
    static func reportDirectory(results path: String, requested: String?) throws(ReportError) -> String {
        let output = requested ?? path + "/report"
        if requested == nil, Files.entryKind(output) == .symbolicLink {
            throw .output(
                OutputError("cannot write the report to \(output): it is a symbolic link; remove it or choose --out"))
        }
        do { try Files.createDirectory(output) } catch { throw .output(error) }
        return output
    }

    /// Writes each figure as SVG, then as index.html the page `page` renders from their entries,
    /// each under a temporary name first; returns the file names in writing order.
    static func writeFigures(
        _ figures: [(file: String, figure: Figure, caption: String)], to output: String,
        page: ([ReportPage.FigureEntry]) -> String
    ) throws(ReportError) -> [String] {
        var written: [String] = []
        do {
            for entry in figures {
                try Files.writeAtomically(SVGRenderer.render(entry.figure), to: output + "/" + entry.file)
                written.append(entry.file)
            }
            try Files.writeAtomically(
                page(figures.map { ReportPage.FigureEntry(file: $0.file, caption: $0.caption) }),
                to: output + "/index.html")
            written.append("index.html")
        } catch {
            throw .output(error)
        }
        return written
    }
}
