import DyadCore
import DyadExperiment
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
    /// The manifest's plan: a point's resolved scenario (parameters such as theta_flood) for the
    /// episode-trace figure.
    let plan: RunPlan

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
        let manifest: ManifestContents
        do {
            manifest = try ManifestContents.read(directory: path)
        } catch {
            switch error {
            case .missing:
                throw .invalid(
                    "\(path): not a DyadSim output directory (no \(OutputDirectory.manifestName); "
                        + "run dyadsim run first)")
            case .unreadable: throw ReportError(.inputOutput, "cannot read \(manifestPath): permission denied")
            case .notAnObject: throw .invalid("\(manifestPath): not a valid JSON object")
            case .noScenario: throw .invalid("\(manifestPath): no \"scenario\" object (not a DyadSim manifest?)")
            }
        }
        let plan: RunPlan
        do {
            plan = try manifest.plan()
        } catch {
            throw .invalid("\(manifestPath): its scenario cannot be read: \(error.lines.first ?? "")")
        }
        let scenario = plan.scenario
        var provenance: [(String, String)] = []
        if let version = manifest.version { provenance.append(("DyadSim version", version)) }
        if let commit = manifest.gitCommit { provenance.append(("git commit", commit)) }
        if let file = manifest.scenarioFile { provenance.append(("scenario file", file)) }
        if let fingerprint = manifest.fingerprint { provenance.append(("scenario fingerprint", fingerprint)) }
        if let (planned, present) = manifest.runs {
            provenance.append(("runs", present == planned ? "\(planned)" : "\(present) of \(planned) (partial output)"))
        }
        if let (index, count) = manifest.shard { provenance.append(("shard", "\(index) of \(count) (0-based)")) }
        if !scenario.sweep.isEmpty {
            provenance.append(
                (
                    "random numbers",
                    scenario.sweep.randomNumbers == .common
                        ? "common (every point of a replicate simulates the same couples with the same streams)"
                        : "independent (each sweep point has its own streams)"
                ))
        }
        return ResultsDirectory(path: path, scenario: ScenarioFacts(scenario), provenance: provenance, plan: plan)
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

    /// The facts of a resolved scenario (as decoded from the manifest).
    init(_ scenario: Scenario) {
        name = scenario.name
        description = scenario.description
        seed = String(scenario.seed)
        couples = scenario.couples
        days = scenario.days
        burnInDays = scenario.burnInDays
        replicates = scenario.replicates
        populationMode = scenario.population.mode.rawValue
        let sweep = scenario.sweep
        arms = scenario.arms.map { arm in
            Arm(
                name: arm.name,
                interventions: arm.interventions.enumerated().map { index, intervention in
                    Self.interventionText(
                        intervention,
                        swept: Self.sweptFields(
                            arm: arm.name, index: index,
                            of: intervention, in: sweep.paths))
                })
        }
        controlArm = scenario.resolvedControlArm
        self.sweep = sweep.isEmpty ? "" : ScenarioEncoding.sweepSummary(sweep)
        zippedPaths = sweep.zip.map(\.path.text).sorted()
        scatteredPaths = Set((sweep.sample?.ranges.map(\.path.text) ?? []) + (sweep.design?.columns.map(\.text) ?? []))
        writesCouples = scenario.outputs.couples
        writesDaily = scenario.outputs.daily
    }

    /// The fields of an arm's intervention that a sweep path changes (by type or by index).
    private static func sweptFields(
        arm: String, index: Int, of intervention: Intervention, in paths: [SweepPath]
    ) -> Set<InterventionField> {
        Set(
            paths.compactMap { path -> InterventionField? in
                guard case .intervention(let armName, let selector, let field) = path.target, armName == arm else {
                    return nil
                }
                switch selector {
                case .index(let wanted): return wanted == index ? field : nil
                case .type(let type): return intervention.kind.type == type ? field : nil
                }
            })
    }

    /// "consistent_validation for partner_of_more_anxious, strength 1, from day 0"; a swept field
    /// says so instead of showing the base value, which no point uses.
    private static func interventionText(_ intervention: Intervention, swept: Set<InterventionField>) -> String {
        var head = intervention.kind.type.rawValue
        if case .set(let parameter, let value) = intervention.kind {
            head +=
                " " + parameter
                + (swept.contains(.value) ? " (value swept; see the sweep points)" : " = " + NumberText.shortest(value))
        }
        var parts = [head + " for " + intervention.target.rawValue]
        parts.append(
            swept.contains(.strength)
                ? "strength swept (see the sweep points)" : "strength \(NumberText.shortest(intervention.strength))")
        parts.append(
            swept.contains(.startDay) ? "start day swept (see the sweep points)" : "from day \(intervention.startDay)")
        if swept.contains(.endDay) {
            parts.append("end day swept (see the sweep points)")
        } else if let end = intervention.endDay {
            parts.append("to day \(end)")
        }
        if intervention.eligibility != .all { parts.append("eligible: \(intervention.eligibility.rawValue)") }
        return parts.joined(separator: ", ")
    }
}
