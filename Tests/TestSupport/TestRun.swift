import DyadCore

/// Test helpers around the engine: small runs and column access.
public enum TestRun {
    /// Simulates `couples` couples for `days` outcome days after `burnIn` days.
    public static func simulate(
        couples: Int, days: Int, burnIn: Int = 90, baselineDay: Int = 0,
        parameters: ModelParameters = ModelParameters(), population: PopulationParameters = PopulationParameters(),
        arms: [Arm] = [Arm(name: "control")], seed: UInt64 = 1, replicate: Int = 0,
        threads: Int = 2, chunkSize: Int = 64, range: Range<Int>? = nil
    ) throws -> RunResult {
        let configuration = RunConfiguration(
            coupleCount: couples, days: days, burnInDays: burnIn, baselineDay: baselineDay,
            parameters: parameters, population: population, arms: arms,
            runKey: StreamKey.run(seed: seed, pointKey: 0, replicate: replicate), coupleRange: range)
        return try Simulator(threads: threads, chunkSize: chunkSize).run(configuration)
    }

    /// docs/model.md §10.1 "silent" settings: styles mode with one pairing of prototypes at (0, 0),
    /// no jitter, every utility intercept −1e9, no noise, no stress, no soft/harsh impulses, no
    /// rumination gain, no trait change.
    public static func silent() -> (ModelParameters, PopulationParameters) {
        var parameters = ModelParameters()
        for name in ["u_p0", "u_w0", "u_v0", "u_r0"] { try! parameters.set(name, to: -1e9) }
        for name in [
            "sigma_e", "stress_mean", "stress_sd", "imp_soft", "imp_harsh", "rum_gain", "eta_a", "eta_v", "trait_pull",
        ] {
            try! parameters.set(name, to: 0)
        }
        var population = PopulationParameters()
        population.mode = .styles
        population.styleJitter = 0
        population.prototypes = [StylePrototype(name: "zero", anxiety: 0, avoidance: 0)]
        population.pairings = [StylePairing(styleA: "zero", styleB: "zero", share: 1)]
        return (parameters, population)
    }
}
