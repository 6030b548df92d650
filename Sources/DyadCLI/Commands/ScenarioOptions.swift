import DyadExperiment
import DyadIO
import Foundation

/// Loading a scenario and applying `--seed`, `--couples`, `--days` (shared by run and check).
enum ScenarioOptions {
    static let valueFlags = ["--seed", "--couples", "--days"]

    /// The scenario with overrides; throws its problems (65), a bad override value (64), or the
    /// problems the overrides cause (65, marked "after command-line overrides").
    static func load(_ file: String, arguments: ParsedArguments) throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: file)
        if let seed = arguments.values["--seed"] {
            guard let value = UInt64(seed), value < (1 << 53) else {
                throw UsageError(message: "--seed: \"\(EscapedText.excerpt(seed))\" is not a whole number in 0...9007199254740991")
            }
            scenario.seed = value
        }
        if let couples = try arguments.integer("--couples", in: 1...Int(Limits.maximumCouples)) { scenario.couples = couples }
        if let days = try arguments.integer("--days", in: 1...Int(Limits.maximumDays)) { scenario.days = days }
        // The loader validated the file; only overrides can add problems.
        guard !valueFlags.allSatisfy({ arguments.values[$0] == nil }) else { return scenario }
        do {
            try ScenarioLoader.validate(scenario, file: file)
        } catch {
            throw CommandFailure(lines: error.lines.map { $0 + " (after command-line overrides)" }, exitCode: error.exitCode)
        }
        return scenario
    }

    /// Parses `--shard K/N` (0-based K < N).
    static func shard(_ arguments: ParsedArguments) throws(UsageError) -> (index: Int, count: Int)? {
        guard let text = arguments.values["--shard"] else { return nil }
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0, index < count else {
            throw UsageError(message: "--shard: \"\(EscapedText.excerpt(text))\" is not K/N with 0 <= K < N (e.g. 0/4)")
        }
        return (index, count)
    }

    static func threads(_ arguments: ParsedArguments) throws(UsageError) -> Int {
        try arguments.integer("--threads", in: 1...4096) ?? ProcessInfo.processInfo.activeProcessorCount
    }
}
