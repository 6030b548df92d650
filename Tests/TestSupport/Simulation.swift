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

    /// MODEL.md §11 "silent" settings: styles mode with one pairing of prototypes at (0, 0),
    /// no jitter, every utility intercept −1e9, no noise, no stress, no soft/harsh impulses, no
    /// rumination gain, no trait change.
    public static func silent() -> (ModelParameters, PopulationParameters) {
        var parameters = ModelParameters()
        for name in ["u_p0", "u_w0", "u_v0", "u_r0"] { try! parameters.set(name, to: -1e9) }
        for name in ["sigma_e", "stress_mean", "stress_sd", "imp_soft", "imp_harsh", "rum_gain", "eta_a", "eta_v", "trait_pull"] {
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

extension CoupleOutcomeTable {
    /// All values of a column as an array.
    public func values(_ column: CoupleOutcomeColumn) -> [Double] { Array(self.column(column)) }

    /// Sum of a column, NA (NaN) skipped.
    public func sum(_ column: CoupleOutcomeColumn) -> Double {
        self.column(column).reduce(0) { $1.isNaN ? $0 : $0 + $1 }
    }

    /// Mean of a column, NA skipped.
    public func mean(_ column: CoupleOutcomeColumn) -> Double {
        let present = self.column(column).filter { !$0.isNaN }
        return present.reduce(0, +) / Double(present.count)
    }
}

/// Simple statistics for statistical test assertions.
public enum TestStatistics {
    public static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    public static func variance(_ values: [Double]) -> Double {
        let m = mean(values)
        return values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(values.count - 1)
    }

    /// Standard error of the mean.
    public static func standardError(_ values: [Double]) -> Double {
        (variance(values) / Double(values.count)).squareRoot()
    }

    /// Pearson correlation.
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        let mx = mean(x), my = mean(y)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (u, v) in zip(x, y) {
            sxy += (u - mx) * (v - my)
            sxx += (u - mx) * (u - mx)
            syy += (v - my) * (v - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }
}
