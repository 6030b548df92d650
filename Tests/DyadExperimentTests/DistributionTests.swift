import DyadCore
import DyadExperiment
import Testing

@Suite("Univariate distributions")
struct DistributionTests {
    static func relativeError(_ value: Double, _ reference: Double) -> Double {
        reference == 0 ? value.magnitude : ((value - reference) / reference).magnitude
    }

    /// One distribution of every family, with and without truncation.
    static func catalogue() throws -> [(String, UnivariateDistribution)] {
        [
            ("uniform(-1, 3)", try .uniform(low: -1, high: 3)),
            ("loguniform(0.01, 1)", try .logUniform(low: 0.01, high: 1)),
            ("normal(0.2, 0.1)", try .normal(mean: 0.2, sd: 0.1)),
            ("normal(0.2, 0.1) on [0, 1]", try .normal(mean: 0.2, sd: 0.1, low: 0, high: 1)),
            ("normal(0, 1) on [-1, 2]", try .normal(mean: 0, sd: 1, low: -1, high: 2)),
            ("normal(5, 2) on [6, inf)", try .normal(mean: 5, sd: 2, low: 6)),
            ("normal(0, 1) on [37, 38]", try .normal(mean: 0, sd: 1, low: 37, high: 38)),
            ("normal(0, 1) on [-40, -39]", try .normal(mean: 0, sd: 1, low: -40, high: -39)),
            ("lognormal(-1, 0.3)", try .logNormal(mu: -1, sigma: 0.3)),
            ("lognormal(0, 0.5) on [0.5, 2]", try .logNormal(mu: 0, sigma: 0.5, low: 0.5, high: 2)),
            ("lognormal(1, 1) on [0, 3]", try .logNormal(mu: 1, sigma: 1, high: 3)),
            ("triangular(0, 0.3, 1)", try .triangular(low: 0, mode: 0.3, high: 1)),
            ("triangular(2, 2, 5)", try .triangular(low: 2, mode: 2, high: 5)),
        ]
    }

    @Test("closed-form means and sds of truncated normals and log-normals match 100-digit references")
    func truncatedMoments() throws {
        // (distribution, mean, sd): mpmath 1.3 at 100 digits, from (φ(α) − φ(β))/P and
        // 1 + (αφ(α) − βφ(β))/P − mean² for normals, numerical quadrature for log-normals.
        let cases: [(UnivariateDistribution, Double, Double, Double)] = [
            (try .normal(mean: 0, sd: 1, low: 8, high: 9), 8.1211889929797971226, 0.11894764723502567471, 1e-12),
            (try .normal(mean: 0, sd: 1, low: 37, high: 38), 37.026987686126990046, 0.026968094090563074507, 1e-9),
            (try .normal(mean: 0, sd: 1, low: -40, high: -39), -39.025607419930108450, 0.025590677409816206011, 1e-9),
            (try .normal(mean: 0, sd: 1, low: 100), 100.00999800099926071, 9.9970020480273710086e-3, 1e-7),
            (try .normal(mean: 0, sd: 1, high: -50), -50.019984031905639809, 0.019976065348408818917, 1e-8),
            (try .normal(mean: 0.2, sd: 0.1, low: 0, high: 1), 0.20552478626789849385, 0.094151577167426291955, 1e-14),
            (try .normal(mean: 0, sd: 1, low: -1, high: 2), 0.22963717909132896862, 0.72094558685904578877, 1e-14),
            (try .normal(mean: 5, sd: 2, low: 6), 7.2821555407361289618, 1.0363019003280442623, 1e-14),
            (try .normal(mean: 0, sd: 1, low: 37, high: 37.001), 37.000496916695453569, 2.8866524997782306468e-4, 1e-6),
            (
                try .logNormal(mu: 0, sigma: 0.5, low: 0.5, high: 2), 1.0629328913155492105, 0.37217909128504523442,
                1e-13
            ),
            (try .logNormal(mu: -1, sigma: 0.3), 0.38481214455297854339, 0.11809049215926872835, 1e-14),
            (try .logNormal(mu: 1, sigma: 1, high: 3), 1.5265744877204270779, 0.75347297004171550634, 1e-13),
        ]
        for (distribution, mean, sd, tolerance) in cases {
            #expect(Self.relativeError(distribution.mean, mean) < 1e-14, "\(distribution) mean \(distribution.mean)")
            #expect(
                Self.relativeError(distribution.standardDeviation, sd) < tolerance,
                "\(distribution) sd \(distribution.standardDeviation)")
        }
        // An interval symmetric about the mean has mean exactly 0 and sd ≈ width/√12.
        let narrow = try UnivariateDistribution.normal(mean: 0, sd: 1, low: -1e-3, high: 1e-3)
        #expect(narrow.mean.magnitude < 1e-19)
        #expect(Self.relativeError(narrow.standardDeviation, 5.7735023069960838041e-4) < 1e-9)
    }

    @Test("uniform, log-uniform and triangular moments are the textbook formulas")
    func simpleMoments() throws {
        let uniform = try UnivariateDistribution.uniform(low: -1, high: 3)
        #expect(uniform.mean == 1 && Self.relativeError(uniform.standardDeviation, 4 / 12.0.squareRoot()) < 1e-15)
        let logUniform = try UnivariateDistribution.logUniform(low: 0.01, high: 1)
        let width = 2 * 2.302585092994045684
        #expect(Self.relativeError(logUniform.mean, 0.99 / width) < 1e-14)
        let second = (1 - 1e-4) / (2 * width)
        let logUniformSD = (second - (0.99 / width) * (0.99 / width)).squareRoot()
        #expect(Self.relativeError(logUniform.standardDeviation, logUniformSD) < 1e-13)
        let triangular = try UnivariateDistribution.triangular(low: 0, mode: 0.3, high: 1)
        #expect(Self.relativeError(triangular.mean, 1.3 / 3) < 1e-15)
        #expect(Self.relativeError(triangular.standardDeviation, ((1 + 0.09 - 0.3) / 18).squareRoot()) < 1e-14)
        let logNormal = try UnivariateDistribution.logNormal(mu: 0.4, sigma: 0.6)
        #expect(Self.relativeError(logNormal.mean, DyadMath.exp(0.4 + 0.18)) < 1e-14)
        let variance = (DyadMath.exp(0.36) - 1) * DyadMath.exp(0.8 + 0.36)
        #expect(Self.relativeError(logNormal.standardDeviation, variance.squareRoot()) < 1e-13)
    }

    @Test("quantile(cdf(x)) = x and complementaryQuantile(complementaryCDF(x)) = x across each support")
    func roundTrips() throws {
        for (name, distribution) in try Self.catalogue() {
            for index in 1..<200 {
                let p = Double(index) / 200
                let x = distribution.quantile(p)
                #expect(x >= distribution.lowerBound && x <= distribution.upperBound, "\(name) p = \(p)")
                let scale = max(x.magnitude, distribution.standardDeviation)
                #expect((distribution.quantile(distribution.cdf(x)) - x).magnitude <= 1e-12 * scale, "\(name) x = \(x)")
                let complementaryRoundTrip = distribution.complementaryQuantile(distribution.complementaryCDF(x))
                #expect((complementaryRoundTrip - x).magnitude <= 1e-12 * scale, "\(name) x = \(x)")
                #expect((distribution.cdf(x) - p).magnitude < 1e-12, "\(name) p = \(p)")
                let total = distribution.cdf(x) + distribution.complementaryCDF(x)
                #expect((total - 1).magnitude < 1e-14, "\(name) x = \(x)")
            }
        }
        // Far in the upper tail the complementary functions keep relative precision where F ≈ 1.
        let normal = try UnivariateDistribution.normal(mean: 0, sd: 1)
        for x in [9.0, 20, 37] {
            #expect(Self.relativeError(normal.complementaryQuantile(normal.complementaryCDF(x)), x) < 1e-14, "x = \(x)")
        }
    }

    @Test("truncation far in a tail gives finite, increasing quantiles strictly inside the interval")
    func farTails() throws {
        for (low, high) in [(37.0, 38.0), (-38.0, -37.0), (100.0, 100.5), (-1000.0, -999.0), (1e6, Double.infinity)] {
            let distribution = try UnivariateDistribution.normal(mean: 0, sd: 1, low: low, high: high)
            var previous = -Double.infinity
            for index in 1..<100 {
                let x = distribution.quantile(Double(index) / 100)
                #expect(x.isFinite && x >= low && x <= high && x >= previous, "[\(low), \(high)] p = \(index)%")
                previous = x
                #expect(distribution.logDensity(x).isFinite)
                #expect(!distribution.cdf(x).isNaN && !distribution.complementaryCDF(x).isNaN)
            }
            #expect(distribution.quantile(0.01) < distribution.quantile(0.99), "[\(low), \(high)] has width")
            #expect(distribution.mean.isFinite && distribution.standardDeviation > 0)
        }
    }

    @Test("densities integrate to 1 and their running integral is the CDF (Simpson, 20,000 intervals)")
    func densityIntegrates() throws {
        for (name, distribution) in try Self.catalogue() {
            let lowerBound = distribution.lowerBound, upperBound = distribution.upperBound
            let low = lowerBound.isFinite ? lowerBound : distribution.quantile(1e-13)
            let high = upperBound.isFinite ? upperBound : distribution.complementaryQuantile(1e-13)
            let intervals = 20_000
            let step = (high - low) / Double(intervals)
            var integral = 0.0
            var checkpoints: [(Double, Double)] = []
            for index in 0...intervals {
                let weight = index == 0 || index == intervals ? 1.0 : (index % 2 == 1 ? 4.0 : 2.0)
                integral += weight * distribution.density(low + Double(index) * step)
                if index % 4000 == 0 && index > 0 && index < intervals {
                    checkpoints.append((low + Double(index) * step, integral * step / 3))
                }
            }
            integral *= step / 3
            #expect((integral - 1).magnitude < 2e-6, "\(name): ∫f = \(integral)")
            for (x, runningIntegral) in checkpoints {
                // The running Simpson sum at an even node overcounts that node's weight by f(x)·step/3.
                let corrected = runningIntegral - distribution.density(x) * step / 3
                #expect((corrected - distribution.cdf(x)).magnitude < 2e-6, "\(name): F(\(x))")
            }
        }
    }

    @Test("log-densities are −∞ outside the support (and for NaN), finite inside")
    func support() throws {
        for (name, distribution) in try Self.catalogue() {
            if distribution.lowerBound.isFinite {
                let below = distribution.lowerBound - 1e-9 * max(1, distribution.lowerBound.magnitude)
                #expect(distribution.logDensity(below) == -.infinity, "\(name)")
                #expect(distribution.cdf(distribution.lowerBound) == 0)
            }
            if distribution.upperBound.isFinite {
                let above = distribution.upperBound + 1e-9 * max(1, distribution.upperBound.magnitude)
                #expect(distribution.logDensity(above) == -.infinity, "\(name)")
                #expect(distribution.cdf(distribution.upperBound) == 1)
            }
            #expect(distribution.logDensity(.nan) == -.infinity)
            #expect(distribution.logDensity(distribution.quantile(0.5)).isFinite, "\(name)")
            #expect(distribution.quantile(0) == distribution.lowerBound)
            #expect(distribution.quantile(1) == distribution.upperBound)
        }
        let logNormal = try UnivariateDistribution.logNormal(mu: 0, sigma: 1)
        #expect(logNormal.lowerBound == 0)
        #expect(logNormal.logDensity(-1) == -.infinity && logNormal.logDensity(0) == -.infinity)
    }

    @Test("means and variances of 10⁵ inverse-CDF draws lie within 4 standard errors of the closed forms")
    func sampling() throws {
        var stream = RandomStream(key: 20_240_611)
        let count = 100_000
        for (name, distribution) in try Self.catalogue() {
            var draws = [Double](repeating: 0, count: count)
            for index in 0..<count { draws[index] = distribution.sample(&stream) }
            #expect(draws.allSatisfy { $0 >= distribution.lowerBound && $0 <= distribution.upperBound }, "\(name)")
            let mean = draws.reduce(0, +) / Double(count)
            let secondCentral = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
            let fourthCentral =
                draws.reduce(0) { sum, draw in
                    let square = (draw - mean) * (draw - mean)
                    return sum + square * square
                } / Double(count)
            let sd = distribution.standardDeviation
            let meanError = (mean - distribution.mean).magnitude / (sd / Double(count).squareRoot())
            let varianceStandardError = ((fourthCentral - sd * sd * sd * sd) / Double(count)).squareRoot()
            let varianceError = (secondCentral - sd * sd).magnitude / varianceStandardError
            #expect(meanError < 4, "\(name): mean \(mean) vs \(distribution.mean) (\(meanError) SE)")
            #expect(varianceError < 4, "\(name): variance \(secondCentral) vs \(sd * sd) (\(varianceError) SE)")
        }
    }

    @Test("invalid parameters are reported together, one problem per parameter, with what is allowed")
    func validation() {
        func problems(_ family: DistributionFamily, _ values: [DistributionParameter: Double]) -> [String] {
            do {
                _ = try UnivariateDistribution.make(family, parameters: values)
                return []
            } catch {
                return error.problems.map(\.description)
            }
        }
        #expect(
            problems(.uniform, [.low: 0.4, .high: 0.05]) == [
                "high: 0.05 is out of range (allowed a finite number more than 0.4 (low))"
            ])
        #expect(
            problems(.uniform, [.low: 0, .mean: 1]) == [
                "mean: is not a parameter of this distribution (allowed low, high)",
                "high: is missing (allowed a number)",
            ])
        #expect(
            problems(.logUniform, [.low: 0, .high: 1]) == [
                "low: 0 is out of range (allowed a finite number more than 0)"
            ])
        #expect(
            problems(.normal, [.mean: .nan, .sd: 0]) == [
                "mean: NA is out of range (allowed a finite number)",
                "sd: 0 is out of range (allowed a finite number more than 0)",
            ])
        #expect(
            problems(.normal, [.mean: 0, .sd: 1, .low: 2, .high: 1]) == [
                "high: 1 is out of range (allowed more than 2 (low))"
            ])
        #expect(
            problems(.normal, [.mean: 0, .sd: 1e-300, .low: 1]) == [
                "low: 1 is out of range (allowed within 1e100 standard deviations of the mean)"
            ])
        #expect(
            problems(.logNormal, [.mu: 0, .sigma: 1, .low: -1]) == [
                "low: -1 is out of range (allowed 0 or more, below infinity)"
            ])
        #expect(
            problems(.triangular, [.low: 0, .mode: 2, .high: 1]) == [
                "mode: 2 is out of range (allowed 0...1 (low...high))"
            ])
        #expect(problems(.triangular, [.low: 0, .mode: 0, .high: 1]).isEmpty)
        #expect(problems(.normal, [.mean: 0, .sd: 1, .low: 37, .high: 38]).isEmpty)
        #expect(DistributionFamily(rawValue: "loguniform") == .logUniform)
        #expect(DistributionFamily(rawValue: "lognormal") == .logNormal)
    }

    @Test("descriptions list the parameters as written in files")
    func descriptions() throws {
        let normal = try UnivariateDistribution.normal(mean: 0.2, sd: 0.1, low: 0)
        #expect(normal.description == "normal(mean: 0.2, sd: 0.1, low: 0)")
        let logUniform = try UnivariateDistribution.logUniform(low: 0.01, high: 1)
        #expect(logUniform.description == "loguniform(low: 0.01, high: 1)")
    }
}
