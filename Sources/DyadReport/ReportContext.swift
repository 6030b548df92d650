import DyadCore
import DyadExperiment
import Foundation

/// What every figure builder needs to know about the output being reported.
struct ReportContext {
    let results: ResultsDirectory
    /// The sweep points shown by the trajectory, pairing and effects figures, ascending ([0]
    /// without a sweep).
    let points: [Int]
    /// The sweep's points and values (nil without a sweep).
    let sweep: SweepPoints?
    /// Colour and marker of each arm.
    let armStyles: [String: (colour: Colour, shape: MarkerShape)]

    var scenario: ScenarioFacts { results.scenario }

    /// Number of sweep points (1 without a sweep).
    var pointCount: Int { sweep?.count ?? 1 }

    /// "sweep point 1: soft_startup strength = 1" (empty without a sweep; a no-break space keeps
    /// "point 1" on one line).
    func pointPhrase(_ point: Int) -> String {
        guard let sweep else { return "" }
        let values = sweep.values(at: point)
        return "sweep point\u{00A0}\(point)" + (values.isEmpty ? "" : ": " + values)
    }

    /// The title suffix of a figure showing `points`: " — sweep point 1: …" for one point,
    /// "" otherwise (each panel names its point).
    func titleSuffix(_ points: [Int]) -> String {
        guard points.count == 1, let point = points.first else { return "" }
        let phrase = pointPhrase(point)
        return phrase.isEmpty ? "" : " \u{2014} " + phrase
    }

    /// The arm's colour.
    func colour(_ arm: String) -> Colour { armStyles[arm]?.colour ?? Palette.black }

    /// The arm's marker shape.
    func shape(_ arm: String) -> MarkerShape { armStyles[arm]?.shape ?? .circle }

    /// The arm's legend label ("control" arms say so).
    func armLabel(_ arm: String) -> String {
        arm == scenario.controlArm && arm != "control" ? "\(arm) (control)" : arm
    }
}

/// Readable names of swept paths.
enum SweptPath {
    /// "arms.soft_startup.soft_startup.strength" → "soft_startup strength", "params.imp_harsh" →
    /// "imp_harsh", "params_a.g0" → "g0 (a)"; other paths as written.
    static func label(_ path: String) -> String {
        let parts = path.split(separator: ".").map(String.init)
        if parts.count == 4, parts[0] == "arms" {
            let field = parts[3].replacingOccurrences(of: "_", with: " ")
            return "\(parts[1]) \(field)"
        }
        if parts.count == 2 {
            switch parts[0] {
            case "params", "population": return parts[1]
            case "params_a": return parts[1] + " (a)"
            case "params_b": return parts[1] + " (b)"
            default: break
            }
        }
        return path
    }

    /// An axis title with the unit: intervention strength 0–1, days, counts, else the path.
    static func axisTitle(_ path: String) -> String {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        switch last {
        case "strength": return label(path) + " (0\u{2013}1)"
        case "start_day", "end_day", "days", "burn_in_days", "baseline_day": return label(path) + " (day)"
        case "couples": return "couples per run"
        default:
            guard let info = ParameterCatalog.info(named: last) else { return label(path) }
            return
                "\(label(path)) (range \(ReportNumber.plain(info.range.lowerBound))\u{2013}\(ReportNumber.plain(info.range.upperBound)))"
        }
    }
}

/// Numbers as people read them in titles and tables.
enum ReportNumber {
    /// `value` as an index or count read from a file (a whole number in 0...2³¹ − 1), nil
    /// otherwise (NA, negative, fractional, huge): never a trapping conversion.
    static func index(_ value: Double) -> Int? {
        guard value.isFinite, value >= 0, value <= Double(Int32.max), value == value.rounded() else { return nil }
        return Int(value)
    }

    /// Shortest round-trip text, with a true minus ("0.5", "−2", "1e-05").
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "NA" }
        var text =
            value == value.rounded() && abs(value) < 1e15
            ? String(Int64(value)) : ShortestDecimal.descriptionText(value)
        if text.hasPrefix("-") { text = "\u{2212}" + text.dropFirst() }
        return text
    }

    /// `value` to `significant` significant digits, at most 4 decimals for numbers below 1000.
    static func significant(_ value: Double, _ significant: Int = 3) -> String {
        guard value.isFinite else { return "NA" }
        if value == 0 { return "0" }
        let magnitude = Int(log10(abs(value)).rounded(.down))
        let decimals = max(0, min(6, significant - 1 - magnitude))
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }

    /// A signed value to `significant` digits ("+0.128", "−0.045").
    static func signed(_ value: Double, _ significant: Int = 3) -> String {
        let text = self.significant(value, significant)
        return value > 0 ? "+" + text : text
    }
}
