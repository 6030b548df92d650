import DyadCore
import DyadExperiment
import DyadIO
import Testing

/// `sweep.sample.ranges` with input distributions: decoded, mapped by the inverse CDF, written
/// back to manifests, and refused with one line per problem.
@Suite("Input distributions of sampled sweeps")
struct InputDistributionTests {
    static func scenario(_ ranges: String, method: String = "method: \"sobol\", n: 256") -> String {
        "{ name: \"d\", couples: 10, days: 5, sweep: { sample: { \(method), seed: 4, ranges: { \(ranges) } } } }"
    }

    static func decode(_ text: String) throws(ScenarioError) -> Scenario {
        try ScenarioLoader.decode(bytes: Array(text.utf8), file: "d.json5")
    }

    @Test("a truncated normal and a triangular input: values are F⁻¹ of the unit design, means match F")
    func inverseCDF() throws {
        let text = Self.scenario(
            """
            "params.u_w_val": { distribution: "normal", mean: 1, sd: 0.3, low: 0, high: 2 },
            "params.s_gamma": { distribution: "triangular", low: 0.02, mode: 0.03, high: 0.1 },
            "params.lambda0": [0.1, 0.2]
            """)
        let scenario = try Self.decode(text)
        let design = try #require(scenario.sweep.sample)
        let rows = SampleGenerator.rows(design, scenarioSeed: scenario.seed)
        // The uniform column is the Saltelli unit design scaled; the others are F⁻¹ of it.
        var uniformDesign = design
        uniformDesign.distributions = [:]
        uniformDesign.ranges = design.ranges.map { (path: $0.path, low: 0, high: 1) }
        let unit = SampleGenerator.rows(uniformDesign, scenarioSeed: scenario.seed)
        let normal = try UnivariateDistribution.normal(mean: 1, sd: 0.3, low: 0, high: 2)
        let triangular = try UnivariateDistribution.triangular(low: 0.02, mode: 0.03, high: 0.1)
        for (row, u) in zip(rows, unit) {
            #expect(row[0] == normal.quantile(u[0]))
            #expect(row[1] == triangular.quantile(u[1]))
            #expect(row[2] == 0.1 + u[2] * 0.1)
        }
        for (column, distribution) in [(0, normal), (1, triangular)] {
            let mean = rows.map { $0[column] }.reduce(0, +) / Double(rows.count)
            #expect(abs(mean - distribution.mean) < 0.02 * distribution.standardDeviation + 1e-3, "column \(column)")
        }
        // The manifest form decodes to the same design.
        let encoded = ScenarioEncoding.json(scenario)
        #expect(encoded.contains("\"distribution\": \"normal\""))
        #expect(try Self.decode(encoded).sweep.sample == design)
    }

    @Test("problems: unknown family, missing or foreign parameters, a support outside the path's range")
    func problems() {
        let cases: [(String, String)] = [
            (
                "\"params.u_w_val\": { distribution: \"gamma\", low: 0, high: 1 }",
                "sweep.sample.ranges[\"params.u_w_val\"].distribution: \"gamma\" is not a distribution"
            ),
            (
                "\"params.u_w_val\": { distribution: \"triangular\", low: 0, high: 1 }",
                "sweep.sample.ranges[\"params.u_w_val\"].mode: missing required key \"mode\" for a triangular distribution"
            ),
            (
                "\"params.u_w_val\": { distribution: \"uniform\", low: 0, high: 1, sd: 2 }",
                "sweep.sample.ranges[\"params.u_w_val\"].sd: a uniform distribution takes no \"sd\" (allowed low, high)"
            ),
            (
                "\"params.s_gamma\": { distribution: \"normal\", mean: 0.05, sd: 0.01 }",
                "sweep.sample.ranges[\"params.s_gamma\"]: the support -inf…inf of the normal distribution leaves the range"
            ),
            (
                "\"params.s_gamma\": { distribution: \"lognormal\", mu: -3, sigma: 0.2, low: 0.01 }",
                "leaves the range of params.s_gamma (allowed a support inside 0…1; truncate with low and high)"
            ),
        ]
        for (ranges, message) in cases {
            do {
                _ = try Self.decode(Self.scenario(ranges))
                Issue.record("accepted \(ranges)")
            } catch {
                #expect(error.lines.count == 1, "\(error.lines)")
                #expect(error.lines.first?.contains(message) == true, "\(error.lines)")
            }
        }
    }
}
