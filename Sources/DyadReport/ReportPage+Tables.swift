import Foundation

/// The effects and pairing tables of `index.html`, with raw differences in their units.
extension ReportPage {
    func effectsSection(_ page: inout MarkupDocument, _ set: EffectsFigure.PointEffects) {
        let estimates = set.estimates, derived = set.derived
        let point = context.pointPhrase(set.point)
        page.element("h2", content: "Effects vs \(context.scenario.controlArm)" + (point.isEmpty ? "" : " (\(point))"))
        page.element(
            "p",
            content: "Paired over the same couples (all replicates pooled). Difference = arm "
                + "\u{2212} control in the outcome's unit with its 95% Student-t CI; d = difference / pooled SD. "
                + "\u{2191} / \u{2193}: higher / lower is better; cells are tinted blue when the CI excludes 0 in the "
                + "better direction, orange when in the worse direction. More anxious partner: the column of "
                + "whichever partner had the higher day-0 anxiety.")
        page.open("table", [("class", "effects")])
        page.open("tr")
        let headings = [
            "outcome", "column", "unit", "arm", "n", "control mean", "arm mean", "difference [95% CI]", "d [95% CI]",
        ]
        for heading in headings {
            page.element("th", content: heading)
        }
        page.close()
        let rows = EffectsFigure.rows(estimates, derived: derived, arms: context.scenario.treatmentArms)
        for row in rows {
            if row.isHeading {
                page.open("tr", [("class", "group")])
                page.element("td", [("colspan", "9")], content: row.label)
                page.close()
                continue
            }
            guard let outcome = row.outcome else { continue }
            for estimate in row.estimates {
                let verdict = Self.verdict(estimate, better: outcome.better)
                let isDerived = derived.contains { $0.outcome == estimate.outcome && $0.arm == estimate.arm }
                let interval = estimate.dInterval
                page.open("tr", verdict == 0 ? [] : [("class", verdict > 0 ? "better" : "worse")])
                page.element("td", content: outcome.label + " " + outcome.better.arrow)
                page.element("td", [("class", "code")], content: isDerived ? "\(outcome.name)_a/_b" : outcome.name)
                page.element("td", content: outcome.unit)
                page.element("td", content: estimate.arm)
                page.element("td", [("class", "number")], content: "\(estimate.count)")
                page.element("td", [("class", "number")], content: ReportNumber.significant(estimate.controlMean, 4))
                page.element("td", [("class", "number")], content: ReportNumber.significant(estimate.armMean, 4))
                page.element("td", [("class", "number")], content: Self.difference(estimate))
                page.element(
                    "td", [("class", "number")],
                    content:
                        "\(ReportNumber.signed(estimate.d, 2)) [\(ReportNumber.signed(interval.low, 2)), \(ReportNumber.signed(interval.high, 2))]"
                )
                page.close()
            }
        }
        page.close()
    }

    func pairingSection(_ page: inout MarkupDocument) {
        page.element("h2", content: "Pairings (arm \(context.scenario.controlArm))")
        page.open("table", [("class", "effects")])
        page.open("tr")
        for heading in [
            "pairing (a\u{2013}b)", "couples", "satisfaction mean", "pw_cycle_frac mean",
            "dissolved share [95% Wilson CI]", "in figure",
        ] {
            page.element("th", content: heading)
        }
        page.close()
        for pairing in pairings {
            let satisfaction = ReportStatistics.meanInterval(pairing.satisfaction).mean
            let cycles = ReportStatistics.meanInterval(pairing.pursueWithdraw).mean
            let share = ReportStatistics.wilson(successes: pairing.dissolved, trials: pairing.count)
            page.open("tr", pairing.isAnxiousAvoidant ? [("class", "highlight")] : [])
            page.element("td", content: pairing.label)
            page.element("td", [("class", "number")], content: "\(pairing.count)")
            page.element("td", [("class", "number")], content: ReportNumber.significant(satisfaction, 3))
            page.element("td", [("class", "number")], content: ReportNumber.significant(cycles, 3))
            page.element(
                "td", [("class", "number")],
                content:
                    "\(ReportNumber.significant(share.share, 2)) [\(ReportNumber.significant(share.low, 2)), \(ReportNumber.significant(share.high, 2))]"
            )
            page.element(
                "td",
                content: pairing.count >= PairingFigure.minimumCouples
                    ? "yes" : "no (< \(PairingFigure.minimumCouples) couples)")
            page.close()
        }
        page.close()
    }

    /// "−0.0770 [−0.0780, −0.0760]": decimals follow the CI half-width (two significant digits).
    static func difference(_ estimate: EffectEstimate) -> String {
        let half = (estimate.high - estimate.low) / 2
        let decimals = half.isFinite && half > 0 ? max(0, min(6, 1 - Int(log10(half).rounded(.down)))) : 4
        func format(_ value: Double) -> String {
            guard value.isFinite else { return "NA" }
            var text = String(format: "%.\(decimals)f", value)
            if text.hasPrefix("-") { text = "\u{2212}" + text.dropFirst() } else if value > 0 { text = "+" + text }
            return text
        }
        return "\(format(estimate.difference)) [\(format(estimate.low)), \(format(estimate.high))]"
    }
}
