import DyadExperiment
import DyadIO
import Foundation

/// A `dyadsim calibrate` output folder as the report sees it (docs/calibration.md, "Outputs"):
/// the posterior summary, the generations, the posterior particles, the predictive check and
/// provenance lines from `manifest.json`.
struct CalibrationResults {
    /// The files a calibration report reads.
    static let summaryFile = "posterior-summary.csv"
    static let generationsFile = "generations.csv"
    static let posteriorFile = "posterior.csv"
    static let predictiveFile = "predictive.csv"

    /// One row of posterior-summary.csv: weighted moments and quantiles of the last generation
    /// next to the prior's range (NaN where the prior is unbounded).
    struct Parameter {
        let path: String
        let mean, sd, q025, q50, q975, priorLow, priorHigh: Double
    }

    /// One row of generations.csv (ε₀ is +∞).
    struct Generation {
        let index, epsilon, simulations, accepted, acceptanceRate, ess: Double
    }

    /// One row of predictive.csv (`observed` and `sd` NaN for predictions).
    struct Check {
        let statistic, role: String
        let observed, sd, mean, low, high, z: Double
    }

    let path: String
    let name: String
    let description: String
    let parameters: [Parameter]
    let generations: [Generation]
    /// posterior.csv: `generation`, `weight` and one column per parameter path.
    let posterior: ReportTable
    let checks: [Check]
    let provenance: [(label: String, value: String)]

    /// Whether `path` is a calibration folder: its manifest says `"kind": "calibration"`, or it
    /// holds posterior-summary.csv and generations.csv.
    static func recognises(_ path: String) -> Bool {
        if Files.exists(path + "/" + summaryFile) && Files.exists(path + "/" + generationsFile) { return true }
        guard let data = FileManager.default.contents(atPath: path + "/" + OutputDirectory.manifestName),
            data.count < 64 << 20,
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return object["kind"] as? String == "calibration"
    }

    /// Reads the folder at `path`; a missing or malformed file is one invalid-data error.
    static func read(_ path: String) throws(ReportError) -> CalibrationResults {
        func require(_ name: String) throws(ReportError) -> String {
            let file = path + "/" + name
            guard Files.exists(file) else {
                throw .invalid("\(path): \(name) is missing (an incomplete calibration folder?)")
            }
            return file
        }
        let manifest = try readManifest(try require(OutputDirectory.manifestName))
        let summary = try ReportTable.read(
            try require(summaryFile), numbers: ["mean", "sd", "q2.5", "q50", "q97.5", "prior_low", "prior_high"],
            labels: ["parameter"])
        guard summary.rowCount > 0 else { throw .invalid("\(summary.path): no parameter rows") }
        let names = summary.labels("parameter")
        let parameters = names.indices.map { row in
            Parameter(
                path: names[row], mean: summary.numbers("mean")[row], sd: summary.numbers("sd")[row],
                q025: summary.numbers("q2.5")[row], q50: summary.numbers("q50")[row],
                q975: summary.numbers("q97.5")[row], priorLow: summary.numbers("prior_low")[row],
                priorHigh: summary.numbers("prior_high")[row])
        }
        let generationTable = try ReportTable.read(
            try require(generationsFile),
            numbers: ["generation", "simulations", "accepted", "acceptance_rate", "ess"], labels: ["epsilon"])
        guard generationTable.rowCount > 0 else { throw .invalid("\(generationTable.path): no generation rows") }
        var generations: [Generation] = []
        for row in 0..<generationTable.rowCount {
            let text = generationTable.labels("epsilon")[row]
            guard let epsilon = text == "Inf" ? Double.infinity : text == "NA" ? Double.nan : Double(text) else {
                throw .invalid(
                    "\(generationTable.path): line \(row + 2), column epsilon: "
                        + "\"\(EscapedText.excerpt(text))\" is not a number (or Inf)")
            }
            generations.append(
                Generation(
                    index: generationTable.numbers("generation")[row], epsilon: epsilon,
                    simulations: generationTable.numbers("simulations")[row],
                    accepted: generationTable.numbers("accepted")[row],
                    acceptanceRate: generationTable.numbers("acceptance_rate")[row],
                    ess: generationTable.numbers("ess")[row]))
        }
        let posterior = try ReportTable.read(
            try require(posteriorFile), numbers: ["generation", "weight"] + parameters.map(\.path))
        guard posterior.rowCount > 0 else { throw .invalid("\(posterior.path): no particle rows") }
        let predictive = try ReportTable.read(
            try require(predictiveFile),
            numbers: ["observed", "sd", "simulated_mean", "simulated_q2.5", "simulated_q97.5", "z"],
            labels: ["statistic", "role"])
        let checks = (0..<predictive.rowCount).map { row in
            Check(
                statistic: predictive.labels("statistic")[row], role: predictive.labels("role")[row],
                observed: predictive.numbers("observed")[row], sd: predictive.numbers("sd")[row],
                mean: predictive.numbers("simulated_mean")[row], low: predictive.numbers("simulated_q2.5")[row],
                high: predictive.numbers("simulated_q97.5")[row], z: predictive.numbers("z")[row])
        }
        return CalibrationResults(
            path: path, name: manifest.name, description: manifest.description, parameters: parameters,
            generations: generations, posterior: posterior, checks: checks, provenance: manifest.provenance)
    }

    /// The final generation's particles: values of `parameter` and their weights (finite only).
    func finalSample(_ parameter: String) -> [(value: Double, weight: Double)] {
        sample(parameter, generation: posterior.numbers("generation").filter(\.isFinite).max() ?? 0)
    }

    /// One generation's particles: values of `parameter` and their weights (finite only).
    func sample(_ parameter: String, generation: Double) -> [(value: Double, weight: Double)] {
        let generations = posterior.numbers("generation"), weights = posterior.numbers("weight")
        let values = posterior.numbers(parameter)
        return values.indices.compactMap { row in
            guard generations[row] == generation, values[row].isFinite, weights[row].isFinite, weights[row] >= 0
            else { return nil }
            return (value: values[row], weight: weights[row])
        }
    }

    /// Name, description and provenance lines of `manifest.json`.
    private static func readManifest(
        _ file: String
    ) throws(ReportError) -> (name: String, description: String, provenance: [(label: String, value: String)]) {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ReportError(.inputOutput, "cannot read \(file)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .invalid("\(file): not a valid JSON object")
        }
        guard object["kind"] as? String == "calibration" else {
            throw .invalid("\(file): \"kind\" is not \"calibration\" (not a dyadsim calibrate manifest?)")
        }
        func text(_ value: Any?) -> String? {
            switch value {
            case let string as String: string
            case let number as NSNumber: number.stringValue
            default: nil
            }
        }
        var provenance: [(String, String)] = []
        for (key, label) in [
            ("dyadsim_version", "DyadSim version"), ("git_commit", "git commit"),
            ("calibration_file", "calibration file"), ("scenario_source", "base scenario"),
            ("fingerprint", "fingerprint"),
        ] {
            if let value = text(object[key]) { provenance.append((label, value)) }
        }
        if let result = object["result"] as? [String: Any] {
            for (key, label) in [
                ("generations", "generations"), ("simulations", "simulations"),
                ("predictive_draws", "predictive draws"), ("stop_reason", "stop reason"),
                ("final_epsilon", "final tolerance \u{03B5}"),
            ] {
                if let value = text(result[key]) { provenance.append((label, value)) }
            }
        }
        if let abc = object["abc"] as? [String: Any] {
            let settings = abc.keys.sorted().compactMap { key in text(abc[key]).map { "\(key) \($0)" } }
            if !settings.isEmpty { provenance.append(("ABC settings", settings.joined(separator: ", "))) }
        }
        return (text(object["name"]) ?? "calibration", text(object["description"]) ?? "", provenance)
    }
}
