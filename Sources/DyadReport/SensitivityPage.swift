/// `index.html` of a sensitivity report: the analysis (method, design, parameters with their
/// ranges or distributions), the figures, and a table of the indices of each output shown.
struct SensitivityPage {
    let results: SensitivityResults
    /// The outputs shown, in order.
    let analyses: [SensitivityResults.Analysis]
    let figures: [ReportPage.FigureEntry]
    let notes: [String]

    /// The HTML text.
    func render() -> String {
        var page = MarkupDocument()
        let name = results.design?.name ?? "sensitivity analysis"
        let title = "DyadSim sensitivity report: \(name)"
        page.open("html", [("lang", "en")])
        page.open("head")
        page.leaf("meta", [("charset", "utf-8")])
        page.leaf("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.element("title", content: title)
        page.element("style", content: ReportPage.styleSheet)
        page.close()
        page.open("body")
        page.element("h1", content: title)
        if let description = results.design?.description, !description.isEmpty {
            page.element("p", [("class", "lead")], content: description)
        }
        analysisSection(&page)
        parametersSection(&page)

        page.element("h2", content: "Figures")
        for figure in figures {
            page.open("figure")
            page.leaf("img", [("src", figure.file), ("alt", figure.caption)])
            page.element("figcaption", content: "\(figure.file): \(figure.caption)")
            page.close()
        }
        if !notes.isEmpty {
            page.open("ul", [("class", "notes")])
            for note in notes { page.element("li", content: note) }
            page.close()
        }

        page.element("h2", content: "Indices")
        page.element(
            "p",
            content: results.method == .sobol
                ? "From sensitivity.csv: S1 and ST with their bootstrap 95% intervals, parameters by ST. "
                    + "Noise: the index replicate noise alone produces (sensitivity_noise.csv); * marks an index "
                    + "no larger than it."
                : "From sensitivity.csv: μ* with its bootstrap half-width μ*_conf (as SALib's mu_star_conf), the "
                    + "signed mean μ and σ, parameters by μ*. Noise: the μ* replicate noise alone produces "
                    + "(sensitivity_noise.csv); * marks a μ* no larger than it.")
        for analysis in analyses {
            page.element("h3", content: "\(analysis.output.outcome): \(analysis.output.label)")
            indexTable(&page, analysis)
        }

        page.element(
            "p", [("class", "small")],
            content: "Made by dyadsim report from \(results.path). "
                + "How to read the indices and figures: docs/sensitivity.md.")
        page.close()
        page.close()
        return page.rendered(prologue: "<!DOCTYPE html>")
    }

    private func analysisSection(_ page: inout MarkupDocument) {
        page.element("h2", content: "Analysis")
        let method =
            results.method == .sobol
            ? "Sobol indices S1 (Saltelli 2010) and ST (Jansen 1999) on a Saltelli design"
            : "Morris elementary effects \u{03BC}, \u{03BC}* and \u{03C3} on one-at-a-time trajectories"
        var facts: [(String, String)] = [
            ("analysis folder", results.path), ("method", method), ("parameters", String(results.parameters.count)),
            ("outputs analysed", String(results.analyses.count)),
            ("outcomes", "\(results.outcomes.count) (shown: \(Set(analyses.map(\.output.outcome)).count))"),
            (
                "replicate noise",
                results.hasNoise ? "estimated (sensitivity_noise.csv)" : "not estimated (one replicate or no file)"
            ),
        ]
        if let design = results.design {
            facts += design.facts
        } else {
            facts.append(("design", "unknown: the folder has no manifest.json (dyadsim analyze --out?)"))
        }
        page.open("table", [("class", "facts")])
        for fact in facts {
            page.open("tr")
            page.element("th", content: fact.0)
            page.element("td", content: fact.1)
            page.close()
        }
        page.close()
    }

    private func parametersSection(_ page: inout MarkupDocument) {
        page.element("h2", content: "Parameters")
        let labels = results.shortLabels()
        let ranges = Dictionary(
            (results.design?.ranges ?? []).map { ($0.path, $0.range) }, uniquingKeysWith: { first, _ in first })
        table(
            &page, header: ["parameter", "label in the figures", "range or distribution"],
            rows: results.parameters.map { [$0, labels[$0] ?? $0, ranges[$0] ?? "(not in a manifest)"] })
    }

    private func indexTable(_ page: inout MarkupDocument, _ analysis: SensitivityResults.Analysis) {
        let number = { (value: Double) in ReportNumber.significant(value, 3) }
        func interval(_ estimate: SensitivityResults.Estimate?) -> String {
            guard let estimate, estimate.low.isFinite, estimate.high.isFinite else { return "NA" }
            return "[\(number(estimate.low)), \(number(estimate.high))]"
        }
        func noise(_ estimate: SensitivityResults.Estimate?) -> String {
            guard let estimate, estimate.noiseThreshold.isFinite else { return "NA" }
            return number(estimate.noiseThreshold) + (estimate.belowNoise ? " *" : "")
        }
        let key = results.method == .sobol ? "ST" : "mu_star"
        let order = results.parameters.sorted {
            let a = analysis.estimate(key, $0)?.value ?? -.infinity, b = analysis.estimate(key, $1)?.value ?? -.infinity
            return (a.isFinite ? a : -.infinity) > (b.isFinite ? b : -.infinity)
        }
        switch results.method {
        case .sobol:
            table(
                &page, header: ["parameter", "S1", "S1 95% CI", "ST", "ST 95% CI", "ST noise", "S1 noise"],
                rows: order.map { parameter in
                    let first = analysis.estimate("S1", parameter), total = analysis.estimate("ST", parameter)
                    return [
                        parameter, first.map { number($0.value) } ?? "NA", interval(first),
                        total.map { number($0.value) } ?? "NA", interval(total), noise(total), noise(first),
                    ]
                })
        case .morris:
            table(
                &page, header: ["parameter", "\u{03BC}*", "\u{03BC}*_conf", "\u{03BC}", "\u{03C3}", "\u{03BC}* noise"],
                rows: order.map { parameter in
                    let star = analysis.estimate("mu_star", parameter)
                    let conf = star.map { ($0.high - $0.low) / 2 }
                    return [
                        parameter, star.map { number($0.value) } ?? "NA", conf.map(number) ?? "NA",
                        analysis.estimate("mu", parameter).map { number($0.value) } ?? "NA",
                        analysis.estimate("sigma", parameter).map { number($0.value) } ?? "NA", noise(star),
                    ]
                })
        }
    }

    /// A table with a header row; cells that start like a number are right-aligned.
    private func table(_ page: inout MarkupDocument, header: [String], rows: [[String]]) {
        page.open("table", [("class", "effects")])
        page.open("tr")
        for name in header { page.element("th", content: name) }
        page.close()
        for row in rows {
            page.open("tr")
            for cell in row {
                let numeric = cell.first.map { $0.isNumber || $0 == "-" || $0 == "\u{2212}" || $0 == "[" } ?? false
                page.element("td", numeric ? [("class", "number")] : [("class", "code")], content: cell)
            }
            page.close()
        }
        page.close()
    }
}
