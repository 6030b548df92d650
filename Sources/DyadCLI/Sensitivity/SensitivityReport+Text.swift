import DyadExperiment
import DyadInference
import Foundation

extension SensitivityReport {
    /// `sensitivity.csv`: ``SensitivityRow/columns`` (outcome, arm, kind, parameter, method,
    /// index, value, ci_low, ci_high), one row per index, numbers in shortest round-trip form.
    var csvText: String {
        var text = SensitivityRow.columns.joined(separator: ",") + "\n"
        for row in rows {
            text += (row.labels + row.values.map { NumberText.shortest($0) }).joined(separator: ",") + "\n"
        }
        return text
    }

    /// Column names of `sensitivity_noise.csv`.
    static let noiseColumns = [
        "outcome", "arm", "kind", "parameter", "method", "index", "value", "noise_threshold", "below_noise",
        "replicates", "noise_share", "noise_share_of_means",
    ]

    /// `sensitivity_noise.csv` (written with ≥ 2 replicates): for every index, what replicate
    /// noise alone produces (`noise_threshold`), whether the index is no larger (`below_noise`
    /// 1, a warning), and the output's replicate-noise shares (``ReplicateNoise``): within-point
    /// variance over total run variance (`noise_share`) and over the variance of the analysed
    /// point means (`noise_share_of_means`).
    var noiseCSVText: String {
        var text = Self.noiseColumns.joined(separator: ",") + "\n"
        for result in results {
            guard let noise = result.noise else { continue }
            for row in result.rows {
                let threshold = row.noiseThreshold.map { NumberText.shortest($0) } ?? "NA"
                let fields =
                    row.labels + [
                        NumberText.shortest(row.value), threshold, row.isBelowNoise ? "1" : "0", "\(noise.replicates)",
                        Self.number(noise.withinPointShare), Self.number(noise.noiseShareOfMeans),
                    ]
                text += fields.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// Indices no larger than what replicate noise alone produces.
    var belowNoiseCount: Int { rows.filter(\.isBelowNoise).count }

    private static func number(_ value: Double) -> String { value.isFinite ? NumberText.shortest(value) : "NA" }

    /// The console table: one line per output with its noise share and its `top` parameters by
    /// ST (Sobol) or μ* (Morris), each with its 95 % interval; `*` marks an index no larger
    /// than noise alone produces. `outcomes` limits the lines (nil: every output).
    func consoleTable(outcomes: Set<String>?, top: Int = 3) -> [String] {
        let ranked: SensitivityIndex = method == .sobol ? .total : .muStar
        let shown = results.filter { outcomes?.contains($0.outcome) ?? true }
        let outcomeWidth = max(7, shown.map(\.outcome.count).max() ?? 0)
        let armWidth = max(3, shown.map(\.arm.count).max() ?? 0)
        func padded(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        var lines = [
            padded("outcome", outcomeWidth) + "  " + padded("arm", armWidth) + "  kind    noise  "
                + "top parameters by \(ranked == .total ? "ST" : "mu_star") [95% CI]"
        ]
        for result in shown {
            let noise = result.noise.map { String(format: "%.2f", $0.withinPointShare) } ?? "-"
            var line =
                padded(result.outcome, outcomeWidth) + "  " + padded(result.arm, armWidth) + "  "
                + padded(result.kind.rawValue, 6) + "  " + padded(noise, 5) + "  "
            if let skipped = result.skipped {
                line += "not analysed: " + skipped
            } else {
                let best = result.rows.filter { $0.index == ranked }.sorted { $0.value > $1.value }.prefix(top)
                line += best.map { row in
                    "\(row.parameter) \(Self.short(row.value)) [\(Self.short(row.ciLow)), \(Self.short(row.ciHigh))]"
                        + (row.isBelowNoise ? "*" : "")
                }.joined(separator: "; ")
            }
            lines.append(line)
        }
        return lines
    }

    /// Three significant digits, e.g. 0.612, -0.0213, 12.3.
    private static func short(_ value: Double) -> String {
        guard value.isFinite else { return "NA" }
        let magnitude = abs(value)
        let digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : magnitude >= 0.1 ? 3 : 4
        return String(format: "%.\(digits)f", value)
    }
}
