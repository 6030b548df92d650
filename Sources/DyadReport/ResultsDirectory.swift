import DyadIO
import Foundation

/// A DyadSim output directory as the report sees it: the resolved scenario from `manifest.json`
/// and which CSV files are present.
struct ResultsDirectory {
    /// The directory path as given.
    let path: String
    /// The resolved scenario.
    let scenario: ScenarioFacts
    /// Provenance lines for the report page (version, fingerprint, scenario file, shard).
    let provenance: [(label: String, value: String)]

    /// The path of an output file in the directory.
    func file(_ output: OutputFile) -> String { path + "/" + output.rawValue }

    /// Whether an output file exists.
    func has(_ output: OutputFile) -> Bool { Files.exists(file(output)) }

    /// Fails with "… is missing" unless the file exists.
    func require(_ output: OutputFile) throws(ReportError) -> String {
        guard has(output) else {
            throw .invalid("\(path): \(output.rawValue) is missing (an incomplete or partial DyadSim output?)")
        }
        return file(output)
    }

    /// Opens `path`: it must be a directory with a DyadSim `manifest.json`.
    static func open(_ path: String) throws(ReportError) -> ResultsDirectory {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReportError(.inputOutput, "cannot read \(path): no such directory")
        }
        guard isDirectory.boolValue else {
            throw .invalid("\(path) is a file, not a DyadSim output directory")
        }
        let manifestPath = OutputDirectory(path: path).manifestPath
        guard Files.exists(manifestPath) else {
            throw .invalid("\(path): not a DyadSim output directory (no \(OutputDirectory.manifestName); run dyadsim run first)")
        }
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw ReportError(.inputOutput, "cannot read \(manifestPath): permission denied")
        }
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalid("\(manifestPath): not a valid JSON object")
        }
        guard let scenario = root["scenario"] as? [String: Any] else {
            throw .invalid("\(manifestPath): no \"scenario\" object (not a DyadSim manifest?)")
        }
        let facts = try ScenarioFacts(scenario, manifestPath: manifestPath)
        var provenance: [(String, String)] = []
        if let version = root["dyadsim_version"] as? String { provenance.append(("DyadSim version", version)) }
        if let commit = root["git_commit"] as? String { provenance.append(("git commit", commit)) }
        if let file = root["scenario_file"] as? String { provenance.append(("scenario file", file)) }
        if let fingerprint = root["fingerprint"] as? String { provenance.append(("scenario fingerprint", fingerprint)) }
        if let runs = root["runs"] as? [String: Any], let planned = runs["planned"] as? Int, let present = runs["in_this_output"] as? Int {
            provenance.append(("runs", present == planned ? "\(planned)" : "\(present) of \(planned) (partial output)"))
        }
        if let shard = root["shard"] as? [String: Any], let index = shard["index"] as? Int, let count = shard["count"] as? Int {
            provenance.append(("shard", "\(index) of \(count) (0-based)"))
        }
        return ResultsDirectory(path: path, scenario: facts, provenance: provenance)
    }
}

/// The parts of a resolved scenario (the manifest's `scenario` object) that the report shows.
struct ScenarioFacts {
    /// One trial arm.
    struct Arm {
        let name: String
        /// One line per intervention, e.g. "consistent_validation for partner_of_more_anxious, strength 1, from day 0".
        let interventions: [String]
    }

    let name: String
    let description: String
    let seed: String
    let couples: Int
    let days: Int
    let burnInDays: Int
    let replicates: Int
    /// Population mode: `traits` or `styles`.
    let populationMode: String
    let arms: [Arm]
    let controlArm: String
    /// The sweep design as compact text ("" without a sweep).
    let sweep: String
    /// Paths of `sweep.zip` (one axis of the sweep figure).
    let zippedPaths: [String]
    /// Paths of `sweep.sample` and `sweep.design` (values that do not repeat across points).
    let scatteredPaths: Set<String>
    /// Whether the scenario writes couples.csv and daily.csv.
    let writesCouples: Bool
    let writesDaily: Bool

    /// Arm names in scenario order.
    var armNames: [String] { arms.map(\.name) }

    /// The non-control arms in scenario order.
    var treatmentArms: [String] { armNames.filter { $0 != controlArm } }

    init(_ object: [String: Any], manifestPath: String) throws(ReportError) {
        func missing(_ key: String) -> ReportError { .invalid("\(manifestPath): scenario.\(key) is missing or malformed") }
        guard let name = object["name"] as? String else { throw missing("name") }
        guard let couples = object["couples"] as? Int, let days = object["days"] as? Int else { throw missing("couples") }
        guard let armObjects = object["arms"] as? [[String: Any]], !armObjects.isEmpty else { throw missing("arms") }
        let sweepObject = object["sweep"] as? [String: Any] ?? [:]
        let sample = sweepObject["sample"] as? [String: Any] ?? [:]
        let design = sweepObject["design"] as? [String: Any] ?? [:]
        let sweptPaths = Set(((sweepObject["grid"] as? [String: Any])?.keys).map(Array.init) ?? [])
            .union(((sweepObject["zip"] as? [String: Any])?.keys).map(Array.init) ?? [])
            .union(((sample["ranges"] as? [String: Any])?.keys).map(Array.init) ?? [])
            .union(design["columns"] as? [String] ?? [])
        var arms: [Arm] = []
        for arm in armObjects {
            guard let armName = arm["name"] as? String else { throw missing("arms[].name") }
            let objects = arm["interventions"] as? [[String: Any]] ?? []
            let interventions = objects.enumerated().map { index, intervention in
                let swept = Self.sweptFields(arm: armName, index: index, of: intervention, in: sweptPaths)
                return Self.interventionText(intervention, swept: swept)
            }
            arms.append(Arm(name: armName, interventions: interventions))
        }
        zippedPaths = ((sweepObject["zip"] as? [String: Any])?.keys).map { Array($0).sorted() } ?? []
        scatteredPaths = Set(((sample["ranges"] as? [String: Any])?.keys).map(Array.init) ?? [])
            .union(design["columns"] as? [String] ?? [])
        self.name = name
        self.couples = couples
        self.days = days
        self.arms = arms
        description = object["description"] as? String ?? ""
        seed = (object["seed"] as? NSNumber).map { "\($0)" } ?? "?"
        burnInDays = object["burn_in_days"] as? Int ?? 0
        replicates = object["replicates"] as? Int ?? 1
        populationMode = (object["population"] as? [String: Any])?["mode"] as? String ?? "traits"
        controlArm = object["control_arm"] as? String ?? arms[0].name
        sweep = sweepObject.isEmpty ? "" : ReportJSONText.text(sweepObject)
        let outputs = object["outputs"] as? [String: Any] ?? [:]
        writesCouples = outputs["couples"] as? Bool ?? true
        writesDaily = outputs["daily"] as? Bool ?? true
    }

    /// The fields of an arm's intervention that a sweep path changes (`arms.ARM.TYPE.FIELD` or
    /// `arms.ARM.interventions[I].FIELD`).
    private static func sweptFields(
        arm: String, index: Int, of intervention: [String: Any], in paths: Set<String>
    ) -> Set<String> {
        let type = intervention["type"] as? String ?? ""
        let prefixes = ["arms.\(arm).\(type).", "arms.\(arm).interventions[\(index)]."]
        return Set(paths.compactMap { path in
            prefixes.first(where: path.hasPrefix).map { String(path.dropFirst($0.count)) }
        })
    }

    /// "consistent_validation for partner_of_more_anxious, strength 1, from day 0"; a swept field
    /// says so instead of showing the base value, which no point uses.
    private static func interventionText(_ intervention: [String: Any], swept: Set<String>) -> String {
        var parts = [intervention["type"] as? String ?? "intervention"]
        if let parameter = intervention["param"] as? String {
            let value = (intervention["value"] as? NSNumber).map { " = \($0)" } ?? ""
            parts[0] += " " + parameter + (swept.contains("value") ? " (value swept; see the sweep points)" : value)
        }
        if let target = intervention["target"] as? String { parts[0] += " for " + target }
        if swept.contains("strength") {
            parts.append("strength swept (see the sweep points)")
        } else if let strength = intervention["strength"] as? NSNumber {
            parts.append("strength \(strength)")
        }
        if swept.contains("start_day") {
            parts.append("start day swept (see the sweep points)")
        } else if let start = intervention["start_day"] as? NSNumber {
            parts.append("from day \(start)")
        }
        if swept.contains("end_day") {
            parts.append("end day swept (see the sweep points)")
        } else if let end = intervention["end_day"] as? NSNumber {
            parts.append("to day \(end)")
        }
        if let eligibility = intervention["eligibility"] as? String, eligibility != "all" { parts.append("eligible: \(eligibility)") }
        return parts.joined(separator: ", ")
    }
}

/// A JSON value from `JSONSerialization` written back compactly with sorted keys (for the page).
enum ReportJSONText {
    static func text(_ value: Any) -> String {
        switch value {
        case let object as [String: Any]:
            return "{" + object.keys.sorted().map { "\($0): " + text(object[$0] as Any) }.joined(separator: ", ") + "}"
        case let array as [Any]:
            return "[" + array.map(text).joined(separator: ", ") + "]"
        case let string as String:
            return "\"\(string)\""
        case let number as NSNumber:
            return "\(number)"
        default:
            return "null"
        }
    }
}
