import DyadExperiment
import DyadIO
import Foundation

/// A `dyadsim analyze` output folder as the report sees it (docs/sensitivity.md, "Files"):
/// `sensitivity.csv` (the indices with their bootstrap 95 % intervals), `sensitivity_noise.csv`
/// (replicate-noise thresholds; optional: only with two or more replicates) and the sweep's
/// `manifest.json` (the design; optional: `analyze --out` writes only the index files).
struct SensitivityResults {
    /// The files a sensitivity report reads.
    static let indicesFile = "sensitivity.csv"
    static let noiseFile = "sensitivity_noise.csv"

    /// Outcomes the report shows by default when the file has them; otherwise the first
    /// ``fallbackOutcomeCount`` outcomes of the file.
    static let headlineOutcomes = ReportWriter.sensitivityHeadlineOutcomes
    static let fallbackOutcomeCount = 4

    /// The estimator family of the file (`method` column).
    enum Method: String, CaseIterable {
        case sobol, morris

        /// The indices this method writes (`index` column).
        var indexNames: [String] {
            switch self {
            case .sobol: ["S1", "ST", "S2"]
            case .morris: ["mu", "mu_star", "sigma"]
            }
        }
    }

    /// An output analysed: an outcome of an arm (`level`) or a paired effect arm − control (`effect`).
    struct Output: Hashable {
        let outcome: String
        let arm: String
        let kind: String

        /// "validation, effect".
        var label: String { "\(arm), \(kind)" }
    }

    /// One index of one parameter: the estimate, its bootstrap 95 % interval and, with
    /// replicates, the index that replicate noise alone produces (NaN when unknown).
    struct Estimate {
        var value: Double
        var low: Double
        var high: Double
        var noiseThreshold = Double.nan
        var belowNoise = false
    }

    /// The indices of one output, keyed by index name then parameter path.
    struct Analysis {
        let output: Output
        var estimates: [String: [String: Estimate]] = [:]
        /// sensitivity_noise.csv's `noise_share_of_means` (NaN without replicates).
        var noiseShareOfMeans = Double.nan

        /// The estimate of `index` for `parameter`, if the file has it.
        func estimate(_ index: String, _ parameter: String) -> Estimate? { estimates[index]?[parameter] }
    }

    /// The sampled design, from the sweep's manifest.
    struct Design {
        var name = ""
        var description = ""
        var facts: [(label: String, value: String)] = []
        /// Parameter path and its range or distribution as text, in manifest order.
        var ranges: [(path: String, range: String)] = []
    }

    let path: String
    let method: Method
    /// Parameter paths in file order (pairs `p1×p2` of S2 excluded).
    let parameters: [String]
    /// Outputs in file order.
    let analyses: [Analysis]
    /// nil when the folder has no manifest.json.
    let design: Design?
    let hasNoise: Bool

    /// Outcomes in file order.
    var outcomes: [String] {
        var seen = Set<String>()
        return analyses.map(\.output.outcome).filter { seen.insert($0).inserted }
    }

    /// Whether `path` is a `dyadsim analyze` folder: it holds sensitivity.csv.
    static func recognises(_ path: String) -> Bool { Files.exists(path + "/" + indicesFile) }

    /// Reads the folder at `path`; a missing or malformed file is one invalid-data error naming
    /// the file, line, column and value.
    static func read(_ path: String) throws(ReportError) -> SensitivityResults {
        let file = path + "/" + indicesFile
        let table = try ReportTable.read(
            file, numbers: ["value", "ci_low", "ci_high"],
            labels: ["outcome", "arm", "kind", "parameter", "method", "index"])
        guard table.rowCount > 0 else { throw .invalid("\(file): no index rows") }
        let methods = table.labels("method"), kinds = table.labels("kind"), indexNames = table.labels("index")
        let names = Method.allCases.map(\.rawValue)
        guard let method = Method(rawValue: methods[0]) else {
            throw .invalid(
                "\(file): line 2, column method: \"\(EscapedText.excerpt(methods[0]))\" is not a sensitivity method"
                    + "\(Suggestion.hint(for: methods[0], among: names)) (allowed \(names.joined(separator: ", ")))")
        }
        var analyses: [Analysis] = []
        var position: [Output: Int] = [:]
        var parameters: [String] = []
        var knownParameters = Set<String>()
        let outcomes = table.labels("outcome"), arms = table.labels("arm"), paths = table.labels("parameter")
        let values = table.numbers("value"), lows = table.numbers("ci_low"), highs = table.numbers("ci_high")
        for row in 0..<table.rowCount {
            func refuse(_ column: String, _ text: String, _ allowed: [String]) -> ReportError {
                .invalid(
                    "\(file): line \(row + 2), column \(column): \"\(EscapedText.excerpt(text))\" is not "
                        + (column == "method" ? "the file's method" : "a known \(column)")
                        + "\(Suggestion.hint(for: text, among: allowed)) (allowed \(allowed.joined(separator: ", ")))")
            }
            guard methods[row] == method.rawValue else { throw refuse("method", methods[row], [method.rawValue]) }
            guard kinds[row] == "level" || kinds[row] == "effect" else {
                throw refuse("kind", kinds[row], ["level", "effect"])
            }
            guard method.indexNames.contains(indexNames[row]) else {
                throw refuse("index", indexNames[row], method.indexNames)
            }
            guard !outcomes[row].isEmpty, !arms[row].isEmpty, !paths[row].isEmpty else {
                let column = outcomes[row].isEmpty ? "outcome" : arms[row].isEmpty ? "arm" : "parameter"
                throw .invalid("\(file): line \(row + 2), column \(column): the value is empty")
            }
            let output = Output(outcome: outcomes[row], arm: arms[row], kind: kinds[row])
            let slot: Int
            if let known = position[output] {
                slot = known
            } else {
                slot = analyses.count
                position[output] = slot
                analyses.append(Analysis(output: output))
            }
            if indexNames[row] != "S2", knownParameters.insert(paths[row]).inserted { parameters.append(paths[row]) }
            analyses[slot].estimates[indexNames[row], default: [:]][paths[row]] = Estimate(
                value: values[row], low: lows[row], high: highs[row])
        }
        let noisePath = path + "/" + noiseFile
        let hasNoise = Files.exists(noisePath)
        if hasNoise {
            let noise = try ReportTable.read(
                noisePath, numbers: ["noise_threshold", "below_noise", "noise_share_of_means"],
                labels: ["outcome", "arm", "kind", "parameter", "index"])
            let outcomes = noise.labels("outcome"), arms = noise.labels("arm"), kinds = noise.labels("kind")
            let paths = noise.labels("parameter"), indices = noise.labels("index")
            let thresholds = noise.numbers("noise_threshold"), below = noise.numbers("below_noise")
            let shares = noise.numbers("noise_share_of_means")
            for row in 0..<noise.rowCount {
                let output = Output(outcome: outcomes[row], arm: arms[row], kind: kinds[row])
                guard let slot = position[output], analyses[slot].estimates[indices[row]]?[paths[row]] != nil else {
                    continue
                }
                analyses[slot].estimates[indices[row]]?[paths[row]]?.noiseThreshold = thresholds[row]
                analyses[slot].estimates[indices[row]]?[paths[row]]?.belowNoise = below[row] == 1
                analyses[slot].noiseShareOfMeans = shares[row]
            }
        }
        let manifest = path + "/" + OutputDirectory.manifestName
        let design = Files.exists(manifest) ? try readDesign(manifest) : nil
        return SensitivityResults(
            path: path, method: method, parameters: parameters, analyses: analyses, design: design, hasNoise: hasNoise)
    }

    /// The outputs the report shows: those of `outcomes` (nil: the headline outcomes the file has,
    /// else its first few), in file order.
    func selected(outcomes requested: [String]?) throws(ReportError) -> [Analysis] {
        let available = outcomes
        if let requested {
            for name in requested where !available.contains(name) {
                throw ReportError(
                    .invalidRequest,
                    "--outcomes: \"\(EscapedText.excerpt(name))\" is not an outcome of \(path)/\(Self.indicesFile)"
                        + "\(Suggestion.hint(for: name, among: available)) (allowed "
                        + "\(available.prefix(12).joined(separator: ", "))\(available.count > 12 ? ", …" : ""))")
            }
        }
        let headline = Self.headlineOutcomes.filter(available.contains)
        let chosen =
            requested ?? (headline.isEmpty ? Array(available.prefix(Self.fallbackOutcomeCount)) : headline)
        return chosen.flatMap { outcome in analyses.filter { $0.output.outcome == outcome } }
    }

    /// A short label for a parameter path: `params.` dropped, `arms.<arm>.<type>.<field>` as
    /// `<arm>.<field>`; the full paths when shortening would make two labels equal.
    func shortLabels() -> [String: String] {
        func short(_ path: String) -> String {
            if path.hasPrefix("params.") { return String(path.dropFirst("params.".count)) }
            let parts = path.split(separator: ".")
            if parts.count == 4, parts[0] == "arms" { return "\(parts[1]).\(parts[3])" }
            return path
        }
        let labels = parameters.map(short)
        guard Set(labels).count == labels.count else {
            return Dictionary(uniqueKeysWithValues: parameters.map { ($0, $0) })
        }
        return Dictionary(uniqueKeysWithValues: zip(parameters, labels).map { ($0, $1) })
    }

    /// The design and provenance from a run manifest's `scenario.sweep.sample`.
    private static func readDesign(_ file: String) throws(ReportError) -> Design {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ReportError(.inputOutput, "cannot read \(file)")
        }
        guard data.count < 64 << 20, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw .invalid("\(file): not a valid JSON object")
        }
        func text(_ value: Any?) -> String? {
            switch value {
            case let string as String: string
            case let number as NSNumber: ReportNumber.plain(number.doubleValue)
            default: nil
            }
        }
        var design = Design()
        let scenario = object["scenario"] as? [String: Any] ?? [:]
        design.name = text(scenario["name"]) ?? "sensitivity analysis"
        design.description = text(scenario["description"]) ?? ""
        let sweep = scenario["sweep"] as? [String: Any] ?? [:]
        let sample = sweep["sample"] as? [String: Any] ?? [:]
        for (key, label) in [
            ("method", "design"), ("n", "base samples N"), ("trajectories", "trajectories r"), ("levels", "levels p"),
            ("seed", "design seed"),
        ] {
            if let value = text(sample[key]) { design.facts.append((label, value)) }
        }
        for (key, label) in [("replicates", "replicates"), ("couples", "couples per run"), ("days", "days")] {
            if let value = text(scenario[key]) { design.facts.append((label, value)) }
        }
        if let value = text(sweep["random_numbers"]) { design.facts.append(("random numbers", value)) }
        if let runs = object["runs"] as? [String: Any], let planned = text(runs["planned"]) {
            design.facts.append(("runs", planned))
        }
        for (key, label) in [
            ("dyadsim_version", "DyadSim version"), ("git_commit", "git commit"), ("scenario_file", "scenario file"),
            ("fingerprint", "fingerprint"),
        ] {
            if let value = text(object[key]) { design.facts.append((label, value)) }
        }
        if let ranges = sample["ranges"] as? [String: Any] {
            // JSONSerialization loses key order: the parameters follow sensitivity.csv's order on the page.
            for key in ranges.keys.sorted() {
                let range: String
                switch ranges[key] {
                case let bounds as [Any]:
                    range = "uniform [" + bounds.map { text($0) ?? "?" }.joined(separator: ", ") + "]"
                case let distribution as [String: Any]:
                    let name = text(distribution["distribution"]) ?? "distribution"
                    let rest = distribution.keys.filter { $0 != "distribution" }.sorted()
                        .map { "\($0) \(text(distribution[$0]) ?? "?")" }
                    range = rest.isEmpty ? name : "\(name) (\(rest.joined(separator: ", ")))"
                default:
                    range = text(ranges[key]) ?? "?"
                }
                design.ranges.append((key, range))
            }
        }
        return design
    }
}
