/// `index.html` of a calibration report: the posterior summary table, the predictive check table,
/// the figures and the provenance of the calibration.
struct CalibrationPage {
    let results: CalibrationResults
    let figures: [ReportPage.FigureEntry]

    /// The HTML text.
    func render() -> String {
        var page = MarkupDocument()
        let title = "DyadSim calibration report: \(results.name)"
        page.open("html", [("lang", "en")])
        page.open("head")
        page.leaf("meta", [("charset", "utf-8")])
        page.leaf("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.element("title", content: title)
        page.element("style", content: ReportPage.styleSheet)
        page.close()
        page.open("body")
        page.element("h1", content: title)
        if !results.description.isEmpty { page.element("p", [("class", "lead")], content: results.description) }

        page.element("h2", content: "Posterior summary")
        page.element(
            "p",
            content: "Weighted over the last generation (posterior-summary.csv); the prior's range "
                + "for comparison. A 95% interval much narrower than the prior means the targets inform the parameter.")
        table(
            &page, header: ["parameter", "mean", "sd", "2.5%", "median", "97.5%", "prior low", "prior high"],
            rows: results.parameters.map { parameter in
                [parameter.path]
                    + [
                        parameter.mean, parameter.sd, parameter.q025, parameter.q50, parameter.q975,
                        parameter.priorLow, parameter.priorHigh,
                    ].map { ReportNumber.significant($0, 4) }
            })

        if !results.checks.isEmpty {
            page.element("h2", content: "Posterior predictive check")
            table(
                &page, header: ["statistic", "role", "observed", "sd", "simulated mean", "2.5%", "97.5%", "z"],
                rows: results.checks.map { check in
                    let numbers = [check.observed, check.sd, check.mean, check.low, check.high, check.z]
                    return [check.statistic, check.role]
                        + numbers.map { $0.isFinite ? ReportNumber.significant($0, 4) : "" }
                })
        }

        page.element("h2", content: "Figures")
        for figure in figures {
            page.open("figure")
            page.leaf("img", [("src", figure.file), ("alt", figure.caption)])
            page.element("figcaption", content: "\(figure.file): \(figure.caption)")
            page.close()
        }

        page.element("h2", content: "Provenance")
        page.open("table", [("class", "facts")])
        for fact in [("calibration folder", results.path)] + results.provenance {
            page.open("tr")
            page.element("th", content: fact.0)
            page.element("td", content: fact.1)
            page.close()
        }
        page.close()
        page.element(
            "p", [("class", "small")],
            content: "Made by dyadsim report from \(results.path). "
                + "Outputs and how to read them: docs/calibration.md.")
        page.close()
        page.close()
        return page.rendered(prologue: "<!DOCTYPE html>")
    }

    /// A table with a header row; cells after the first column (or two) are numbers.
    private func table(_ page: inout MarkupDocument, header: [String], rows: [[String]]) {
        page.open("table", [("class", "effects")])
        page.open("tr")
        for name in header { page.element("th", content: name) }
        page.close()
        for row in rows {
            page.open("tr")
            for cell in row {
                let numeric = cell.first.map { $0.isNumber || $0 == "-" || $0 == "\u{2212}" } ?? false
                page.element("td", numeric ? [("class", "number")] : [("class", "code")], content: cell)
            }
            page.close()
        }
        page.close()
    }
}
