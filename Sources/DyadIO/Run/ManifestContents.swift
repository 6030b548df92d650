import DyadExperiment
import DyadJSON5
import Foundation

/// A finished output directory's `manifest.json` read back (by `merge` and `report`): its
/// provenance fields, and its `scenario` object, which is a resolved scenario file and is read by
/// the scenario decoder like any other.
package struct ManifestContents {
    /// Why a manifest cannot be read; each reader words these in its own terms.
    package enum ReadError: Error {
        /// The directory has no manifest.json.
        case missing
        /// The file exists but cannot be read.
        case unreadable(OutputError)
        /// The file is not a JSON object.
        case notAnObject
        /// The object has no `scenario` object.
        case noScenario
    }

    /// The manifest's path.
    package let path: String
    /// The output directory (relative paths in the scenario resolve against it).
    package let directory: String
    /// `fingerprint`: the hash of the resolved scenario, if present.
    package let fingerprint: String?
    /// `scenario_file`: the scenario file as the user named it, if present.
    package let scenarioFile: String?
    /// `dyadsim_version`, if present.
    package let version: String?
    /// `git_commit`, if present.
    package let gitCommit: String?
    /// `runs.planned` and `runs.in_this_output`, if present.
    package let runs: (planned: Int, present: Int)?
    /// `shard.index` and `shard.count`, if the output is one shard.
    package let shard: (index: Int, count: Int)?
    /// The `scenario` object, decoded by ``plan()``.
    private let scenarioNode: JSONNode

    /// Reads the manifest of the output directory `directory`.
    package static func read(directory: String) throws(ReadError) -> ManifestContents {
        let path = OutputDirectory(path: directory).manifestPath
        guard Files.exists(path) else { throw .missing }
        let text: String
        do {
            // A regular file of bounded size, not followed if a link (docs/reliability.md).
            text = try Files.read(path, limit: 256 << 20, followingLinks: false)
        } catch {
            throw .unreadable(error)
        }
        guard let root = try? JSON5Parser.parse(text), case .object(let members) = root.value else {
            throw .notAnObject
        }
        func member(_ key: String, in members: [JSONMember]) -> JSONValue? {
            members.first { $0.key == key }?.node.value
        }
        func string(_ key: String) -> String? {
            if case .string(let text)? = member(key, in: members) { text } else { nil }
        }
        func integers(_ key: String, _ first: String, _ second: String) -> (Int, Int)? {
            guard case .object(let fields)? = member(key, in: members),
                case .number(let a)? = member(first, in: fields), a.isInteger, let x = Int(exactly: a.value),
                case .number(let b)? = member(second, in: fields), b.isInteger, let y = Int(exactly: b.value)
            else { return nil }
            return (x, y)
        }
        guard let scenario = members.first(where: { $0.key == "scenario" })?.node, case .object = scenario.value else {
            throw .noScenario
        }
        return ManifestContents(
            path: path, directory: directory, fingerprint: string("fingerprint"), scenarioFile: string("scenario_file"),
            version: string("dyadsim_version"), gitCommit: string("git_commit"),
            runs: integers("runs", "planned", "in_this_output"), shard: integers("shard", "index", "count"),
            scenarioNode: scenario)
    }

    /// The resolved scenario, decoded and validated by the scenario decoder, and its plan.
    package func plan() throws(ScenarioError) -> RunPlan {
        try ScenarioLoader.plan(node: scenarioNode, file: path, baseDirectory: directory)
    }
}
