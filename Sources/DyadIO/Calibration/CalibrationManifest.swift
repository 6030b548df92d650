import DyadCore
import DyadExperiment
import DyadInference
import Foundation

/// manifest.json of a calibration: provenance (version, commit, calibration file, fingerprint),
/// the resolved base scenario, the parameters with their priors, the targets, the ABC settings,
/// how the calibration stopped, the files written (rows, bytes, XXH64), and the execution facts
/// (the only part that differs between otherwise identical calibrations).
enum CalibrationManifest {
    static func text(
        request: CalibrationRequest, problem: CalibrationProblem, state: ABCState, files: [WrittenFile],
        predictiveDraws: Int, started: Date, fingerprint: UInt64
    ) -> String {
        let file = request.file
        let settings = file.settings
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let finished = Date()
        let value: JSONText = .object([
            ("dyadsim_version", .string(DyadSimVersion.current)),
            ("git_commit", .string(DyadSimVersion.gitCommit)),
            ("kind", .string("calibration")),
            ("calibration_file", .string(request.path)),
            ("name", .string(file.name)),
            ("description", .string(file.description)),
            ("scenario_source", .string(file.scenarioSource)),
            ("fingerprint", .string(Fingerprint.hex(fingerprint))),
            (
                "parameters",
                .array(
                    file.parameters.map { entry in
                        var members: [(String, JSONText)] = [
                            ("path", .string(entry.path.text)), ("prior", .string(entry.prior.family.rawValue)),
                        ]
                        for key in DistributionParameter.allCases {
                            if let number = entry.prior.parameters[key] {
                                members.append((key.rawValue, .number(number)))
                            }
                        }
                        return .object(members)
                    })
            ),
            (
                "targets",
                .array(
                    (file.targets + file.predictions).map { target in
                        .object([
                            ("name", .string(target.name)), ("statistic", .string(target.statistic.kind.rawValue)),
                            ("definition", .string(String(describing: target.statistic))),
                            ("arm", .string(file.scenario.arms[target.arm].name)),
                            ("where", .object(target.filters.map { ($0.column.name, .number($0.value)) })),
                            ("value", .number(target.observed)), ("sd", .number(target.scale)),
                        ])
                    })
            ),
            (
                "abc",
                .object([
                    ("particles", .integer(settings.particles)), ("max_generations", .integer(settings.maxGenerations)),
                    ("min_acceptance", .number(settings.minAcceptance)),
                    ("epsilon_quantile", .number(settings.epsilonQuantile)),
                    ("min_epsilon", .number(settings.minEpsilon)),
                    ("min_epsilon_decrease", .number(settings.minEpsilonDecrease)),
                    ("seed", .unsigned(settings.seed)), ("batch_size", .integer(settings.batchSize)),
                    ("couples", .integer(file.scenario.couples)), ("days", .integer(file.scenario.days)),
                ])
            ),
            (
                "result",
                .object([
                    ("generations", .integer(state.generations.count)),
                    ("simulations", .integer(state.simulationCount)),
                    ("predictive_draws", .integer(predictiveDraws)),
                    ("stop_reason", .string(state.stopReason?.rawValue ?? "running")),
                    ("final_epsilon", .number(state.generations.last?.epsilon ?? .nan)),
                ])
            ),
            (
                "files",
                .array(
                    files.map {
                        .object([
                            ("name", .string($0.name)), ("rows", .integer($0.rows)), ("bytes", .integer($0.bytes)),
                            ("xxh64", .string($0.checksum)),
                        ])
                    })
            ),
            ("scenario", ScenarioEncoding.value(file.scenario)),
            (
                "execution",
                .object([
                    ("threads", .integer(request.threads)),
                    ("started", .string(iso.string(from: started))),
                    ("finished", .string(iso.string(from: finished))),
                    ("wall_seconds", .number(finished.timeIntervalSince(started))),
                    ("command", .array(request.command.map { .string($0) })),
                ])
            ),
        ])
        return value.rendered
    }
}

extension Fingerprint {
    /// 16 hexadecimal digits of `value`.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
