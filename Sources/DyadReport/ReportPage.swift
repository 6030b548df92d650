import Foundation

/// `index.html`: the scenario summary, key findings per arm, the figures and the effects table
/// with raw differences in their units. Self-contained apart from the SVG files next to it.
struct ReportPage {
    /// A figure file and its caption.
    struct FigureEntry {
        let file: String
        let caption: String
    }

    let context: ReportContext
    let figures: [FigureEntry]
    /// The effects at each sweep point shown (empty with one arm).
    let effects: [EffectsFigure.PointEffects]
    let pairings: [PairingFigure.Pairing]
    let notes: [String]
    /// The episode-trace figure (traces.csv), shown in a section of its own.
    var episodes: FigureEntry? = nil

    /// Points with more sweep points than this list only the points shown.
    static let maximumListedPoints = 50

    /// The HTML text.
    func render() -> String {
        var page = MarkupDocument()
        let scenario = context.scenario
        page.open("html", [("lang", "en")])
        page.open("head")
        page.leaf("meta", [("charset", "utf-8")])
        page.leaf("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
        page.element("title", content: "DyadSim report: \(scenario.name)")
        page.element("style", content: Self.styleSheet)
        page.close()
        page.open("body")
        page.element("h1", content: "DyadSim report: \(scenario.name)")
        if !scenario.description.isEmpty { page.element("p", [("class", "lead")], content: scenario.description) }
        scenarioSection(&page)
        if context.sweep != nil { pointsSection(&page) }
        if !scenario.treatmentArms.isEmpty {
            for set in effects { findingsSection(&page, set) }
        }
        page.element("h2", content: "Figures")
        for figure in figures {
            page.open("figure")
            page.leaf("img", [("src", figure.file), ("alt", figure.caption)])
            page.element("figcaption", content: "\(figure.file): \(figure.caption)")
            page.close()
        }
        if let episodes {
            page.element("h2", content: "A conflict episode, turn by turn")
            page.element("p", content: EpisodeTraceFigure.reading)
            page.open("figure")
            page.leaf("img", [("src", episodes.file), ("alt", episodes.caption)])
            page.element("figcaption", content: "\(episodes.file): \(episodes.caption)")
            page.close()
        }
        for set in effects { effectsSection(&page, set) }
        if !pairings.isEmpty { pairingSection(&page) }
        if !notes.isEmpty {
            page.element("h2", content: "Notes")
            page.open("ul")
            for note in notes { page.element("li", content: note) }
            page.close()
        }
        page.element(
            "p", [("class", "small")],
            content: "Made by dyadsim report from \(context.results.path). "
                + "Column definitions: dyadsim columns; model: docs/model.md.")
        page.close()
        page.close()
        return page.rendered(prologue: "<!DOCTYPE html>")
    }

    private func scenarioSection(_ page: inout MarkupDocument) {
        let scenario = context.scenario
        page.element("h2", content: "Scenario")
        var facts: [(String, String)] = [
            ("results directory", context.results.path),
            (
                "population",
                scenario.populationMode == "styles"
                    ? "styles mode (prototype pairings)" : "traits mode (correlated ECR traits)"
            ),
            ("couples per arm and run", "\(scenario.couples)"),
            ("days", "\(scenario.days) outcome days after \(scenario.burnInDays) burn-in days"),
            ("replicates", "\(scenario.replicates)"),
            ("seed", scenario.seed),
            ("control arm", scenario.controlArm),
        ]
        if !scenario.sweep.isEmpty {
            facts.append(("sweep", scenario.sweep))
            let list = context.points.map(String.init).joined(separator: ", ")
            let count = context.pointCount
            let shown = context.points.count == count ? "all \(count)" : "\(list) of \(count)"
            facts.append(("points shown", shown + " (choose with --point LIST or --point all)"))
        }
        facts += context.results.provenance
        page.open("table", [("class", "facts")])
        for (label, value) in facts {
            page.open("tr")
            page.element("th", content: label)
            page.element("td", content: value)
            page.close()
        }
        page.close()
        page.element("h3", content: "Arms")
        page.open("ul")
        for arm in scenario.arms {
            var detail = arm.interventions.isEmpty ? "no intervention" : arm.interventions.joined(separator: "; ")
            if arm.name == scenario.controlArm { detail += " (the control arm)" }
            page.open("li")
            page.element(
                "span", [("class", "swatch"), ("style", "background:\(context.colour(arm.name).hex)")], content: "")
            page.element("strong", content: arm.name + ":")
            page.element("span", content: detail)
            page.close()
        }
        page.close()
    }

    /// Whether an estimate's CI excludes 0 in the better (+1) or worse (−1) direction, else 0.
    static func verdict(_ estimate: EffectEstimate, better: ReportOutcome.Better) -> Int {
        guard estimate.low.isFinite, estimate.high.isFinite else { return 0 }
        let sign = estimate.low > 0 ? 1 : estimate.high < 0 ? -1 : 0
        return better == .higher ? sign : -sign
    }

    /// The swept values of every point (of the points shown when there are many): the values
    /// each figure and table of a point refers to.
    private func pointsSection(_ page: inout MarkupDocument) {
        guard let sweep = context.sweep else { return }
        page.element("h2", content: "Sweep points")
        let listed = sweep.count <= Self.maximumListedPoints ? sweep.indices : context.points
        let partial = listed.count < sweep.count ? " Only the points shown are listed." : ""
        page.element(
            "p",
            content: "The values every run of a point uses (points.csv); they replace the base values of "
                + "the fields marked \"swept\" above." + partial)
        page.open("table", [("class", "effects")])
        page.open("tr")
        page.element("th", content: "point")
        for path in sweep.paths { page.element("th", [("class", "code")], content: path) }
        page.element("th", content: "shown")
        page.close()
        for point in listed {
            page.open("tr")
            page.element("td", [("class", "number")], content: "\(point)")
            for path in sweep.paths {
                page.element("td", [("class", "number")], content: ReportNumber.plain(sweep.value(path, at: point)))
            }
            page.element("td", content: context.points.contains(point) ? "yes" : "")
            page.close()
        }
        page.close()
    }

    private func findingsSection(_ page: inout MarkupDocument, _ set: EffectsFigure.PointEffects) {
        let estimates = set.estimates, derived = set.derived
        let point = context.pointPhrase(set.point)
        page.element(
            "h2",
            content: "Key findings (arm minus \(context.scenario.controlArm), paired, 95% CI)"
                + (point.isEmpty ? "" : " \u{2014} " + point))
        let rows = EffectsFigure.rows(estimates, derived: derived, arms: context.scenario.treatmentArms)
        page.open("ul", [("class", "findings")])
        for arm in context.scenario.treatmentArms {
            var better = 0, worse = 0, total = 0
            for row in rows {
                guard let outcome = row.outcome, let estimate = row.estimates.first(where: { $0.arm == arm }) else {
                    continue
                }
                total += 1
                switch Self.verdict(estimate, better: outcome.better) {
                case 1: better += 1
                case -1: worse += 1
                default: break
                }
            }
            page.open("li")
            page.element(
                "span", [("class", "swatch"), ("style", "background:\(context.colour(arm).hex)")], content: "")
            page.element("strong", content: arm + ":")
            page.element(
                "span",
                content: "improves \(better) and worsens \(worse) of \(total) key outcomes (95% CI excluding 0).")
            func phrase(_ outcomes: [ReportOutcome], from source: [EffectEstimate]) -> String {
                outcomes.compactMap { outcome in
                    source.first { $0.arm == arm && $0.outcome == outcome.name }.map {
                        "\(outcome.label) \(Self.difference($0)) (d \(ReportNumber.signed($0.d, 2)))"
                    }
                }.joined(separator: ", ")
            }
            let couple = phrase(
                ReportOutcome.effectGroups[0].outcomes.filter {
                    ["satisfaction", "pw_cycle_frac", "dissolved"].contains($0.name)
                }, from: estimates)
            let anxious = phrase(ReportOutcome.moreAnxiousPartner.outcomes, from: derived)
            page.open("ul")
            if !anxious.isEmpty {
                page.element("li", [("class", "detail")], content: "More anxious partner: \(anxious).")
            }
            if !couple.isEmpty { page.element("li", [("class", "detail")], content: "Couple: \(couple).") }
            page.close()
            page.close()
        }
        page.close()
    }

    static let styleSheet = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
          line-height: 1.4; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ddd; } h3 { font-size: 1.05rem; }
        .lead { color: #444; } .small { color: #666; font-size: 0.85rem; margin-top: 2rem; }
        table { border-collapse: collapse; font-size: 0.88rem; margin: 0.5rem 0; }
        table.effects { display: block; max-width: 100%; overflow-x: auto; font-size: 0.82rem; }
        table.effects td.code { font-size: 0.76rem; }
        th, td { padding: 0.2rem 0.5rem; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
        table.facts th { font-weight: normal; color: #555; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.code { font-family: Menlo, Consolas, monospace; font-size: 0.82rem; }
        tr.group td { font-weight: bold; background: #f2f2f2; }
        tr.better td.number { background: #dcecf7; } tr.worse td.number { background: #fbe3d0; }
        tr.highlight td { background: #fbe3d0; }
        figure { margin: 1.5rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { color: #444; font-size: 0.9rem; }
        .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.4rem; vertical-align: -0.1rem; }
        .findings li { margin-bottom: 0.4rem; } .detail { color: #333; }
        """
}
