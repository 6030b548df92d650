import DyadExperiment
import DyadIO
import Foundation

/// Loading a scenario and applying `--seed`, `--couples`, `--days` (shared by run and check).
enum ScenarioOptions {
    static let valueFlags = ["--seed", "--couples", "--days"]

    /// The scenario with overrides, validated once; throws its field problems (65), its
    /// cross-field problems (65), a bad override value (64), or the problems the overrides cause
    /// (65, marked "after command-line overrides").
    static func load(_ file: String, arguments: ParsedArguments) throws -> Scenario {
        let scenario = try ScenarioLoader.decodeFile(path: file)
        let overridden: Scenario
        do {
            overridden = try applying(arguments, to: scenario)
        } catch {
            // Problems of the file itself come before a bad flag value, as they always have.
            try ScenarioLoader.validate(scenario, file: file)
            throw error
        }
        do {
            try ScenarioLoader.validate(overridden, file: file)
            return overridden
        } catch {
            guard overridden != scenario else { throw error }
            try ScenarioLoader.validate(scenario, file: file)
            throw CommandFailure(
                lines: error.lines.map { $0 + " (after command-line overrides)" }, exitCode: error.exitCode)
        }
    }

    /// `scenario` with `--seed`, `--couples` and `--days` applied; throws a bad value (64).
    private static func applying(_ arguments: ParsedArguments, to scenario: Scenario) throws(UsageError) -> Scenario {
        var scenario = scenario
        if let seed = arguments.values["--seed"] {
            guard let value = UInt64(seed), value < (1 << 53) else {
                throw UsageError(
                    message: "--seed: \"\(EscapedText.excerpt(seed))\" is not a whole number in 0...9007199254740991")
            }
            scenario.seed = value
        }
        if let couples = try arguments.integer("--couples", in: 1...Int(Limits.maximumCouples)) {
            scenario.couples = couples
        }
        if let days = try arguments.integer("--days", in: 1...Int(Limits.maximumDays)) { scenario.days = days }
        return scenario
    }

    /// Parses `--shard K/N` (0-based K < N).
    static func shard(_ arguments: ParsedArguments) throws(UsageError) -> (index: Int, count: Int)? {
        guard let text = arguments.values["--shard"] else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0,
            index < count
        else {
            throw UsageError(message: "--shard: \"\(EscapedText.excerpt(text))\" is not K/N with 0 <= K < N (e.g. 0/4)")
        }
        return (index, count)
    }

    static func threads(_ arguments: ParsedArguments) throws(UsageError) -> Int {
        try arguments.integer("--threads", in: 1...4096) ?? ProcessInfo.processInfo.activeProcessorCount
    }
}
