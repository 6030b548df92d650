import DyadCore
import TestSupport
import Testing

/// Initial traits (docs/model.md §5.2–§5.3): the stratified styles allocation on uneven shares,
/// independent jitters, traits-mode margins and truncation.
@Suite("Population sampling")
struct PopulationTests {
    static let prototypes = [
        StylePrototype(name: "p0", anxiety: 0.3, avoidance: 0.6),
        StylePrototype(name: "p1", anxiety: 0.7, avoidance: 0.4),
        StylePrototype(name: "p2", anxiety: 0.2, avoidance: 0.1),
        StylePrototype(name: "p3", anxiety: 0.9, avoidance: 0.8),
    ]

    static func styles(_ pairings: [StylePairing], jitter: Double = 0) -> PopulationParameters {
        var population = PopulationParameters()
        population.mode = .styles
        population.styleJitter = jitter
        population.prototypes = prototypes
        population.pairings = pairings
        return population
    }

    struct AllocationCase: Sendable, CustomTestStringConvertible {
        let couples: Int
        /// Pairing (0, 1, 2 for shares 0.2, 0.5, 0.3) of each couple index, worked out by hand:
        /// couple k takes the first q with (k + ½)/N < C_q, C = (0.2, 0.7, 1).
        let expected: [Int]
        var testDescription: String { "N = \(couples)" }
    }

    static let allocationCases = [
        // (k + ½)/7 = 0.07, 0.21, 0.36, 0.50, 0.64, 0.79, 0.93
        AllocationCase(couples: 7, expected: [0, 1, 1, 1, 1, 2, 2]),
        // 0.05, 0.15 | 0.25 … 0.65 | 0.75, 0.85, 0.95
        AllocationCase(couples: 10, expected: [0, 0, 1, 1, 1, 1, 1, 2, 2, 2]),
        // k + ½ < 2.6 for k ≤ 2; < 9.1 for k ≤ 8
        AllocationCase(couples: 13, expected: [0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]),
    ]

    @Test(
        "styles allocation on uneven shares 0.2/0.5/0.3: exact counts and order by (k + ½)/N; zero shares are skipped",
        arguments: allocationCases)
    func allocation(_ c: AllocationCase) throws {
        // Shares given unnormalised (×10) with a zero-share pairing in between.
        let population = Self.styles([
            StylePairing(styleA: "p0", styleB: "p1", share: 2), StylePairing(styleA: "p2", styleB: "p3", share: 0),
            StylePairing(styleA: "p1", styleB: "p2", share: 5), StylePairing(styleA: "p3", styleB: "p0", share: 3),
        ])
        let prototypeIndices = [(0.0, 1.0), (1, 2), (3, 0)]
        let sampler = try PopulationSampler(population: population)
        #expect((0..<c.couples).map { sampler.pairingIndex(couple: $0, coupleCount: c.couples) } == c.expected)
        let table = try TestRun.simulate(couples: c.couples, days: 1, burnIn: 0, population: population, threads: 1)
            .arms[0].outcomes
        for couple in 0..<c.couples {
            let (a, b) = prototypeIndices[c.expected[couple]]
            #expect(
                table.value(.protoA, row: couple) == a && table.value(.protoB, row: couple) == b, "couple \(couple)")
            #expect(table.value(.a0A, row: couple) == Self.prototypes[Int(a)].anxiety, "no jitter: the prototype")
            #expect(table.value(.v0B, row: couple) == Self.prototypes[Int(b)].avoidance)
        }
    }

    @Test("styles jitter: four independent N(0, style_jitter²) draws around each role's prototype")
    func jitter() throws {
        let population = Self.styles([StylePairing(styleA: "p0", styleB: "p1", share: 1)], jitter: 0.08)
        let n = 6000
        let table = try TestRun.simulate(couples: n, days: 1, burnIn: 0, population: population).arms[0].outcomes
        let columns: [(CoupleOutcomeColumn, Double)] = [(.a0A, 0.3), (.v0A, 0.6), (.a0B, 0.7), (.v0B, 0.4)]
        let values = columns.map { table.values($0.0) }
        let bound = 4 / Double(n).squareRoot()
        for (index, (column, centre)) in columns.enumerated() {
            #expect(
                abs(TestStatistics.mean(values[index]) - centre) < 4 * 0.08 / Double(n).squareRoot(), "\(column.name)")
            let sd = TestStatistics.variance(values[index]).squareRoot()
            #expect(abs(sd / 0.08 - 1) < 4 / Double(2 * n).squareRoot(), "\(column.name) sd \(sd)")
            for other in (index + 1)..<columns.count {
                let r = TestStatistics.correlation(values[index], values[other])
                #expect(abs(r) < bound, "r(\(column.name), \(columns[other].0.name)) = \(r)")
            }
        }
    }

    @Test("styles traits are clamped to [0, 1] when sampled")
    func jitterClamp() throws {
        var population = Self.styles([StylePairing(styleA: "low", styleB: "high", share: 1)], jitter: 0.5)
        population.prototypes = [
            StylePrototype(name: "low", anxiety: 0, avoidance: 0),
            StylePrototype(name: "high", anxiety: 1, avoidance: 1),
        ]
        let table = try TestRun.simulate(couples: 400, days: 1, burnIn: 0, population: population).arms[0].outcomes
        let low = table.values(.a0A) + table.values(.v0A), high = table.values(.a0B) + table.values(.v0B)
        #expect((low + high).allSatisfy { $0 >= 0 && $0 <= 1 })
        let zeros = Double(low.filter { $0 == 0 }.count) / Double(low.count)
        let ones = Double(high.filter { $0 == 1 }.count) / Double(high.count)
        #expect(abs(zeros - 0.5) < 0.1 && abs(ones - 0.5) < 0.1, "half of the draws fall beyond the bound")
    }

    @Test("traits mode: each role's means and SDs on the ECR scale, x = 1 + 6·trait")
    func traitMargins() throws {
        var population = PopulationParameters()
        population.sdAnxiety = 0.5
        population.sdAvoidance = 0.3
        population.meanAnxietyA = 4.2
        population.meanAvoidanceA = 2.6
        population.meanAnxietyB = 3.1
        population.meanAvoidanceB = 3.7
        let n = 8000
        let table = try TestRun.simulate(couples: n, days: 1, burnIn: 0, population: population).arms[0].outcomes
        let margins: [(CoupleOutcomeColumn, Double, Double)] = [
            (.a0A, 4.2, 0.5), (.v0A, 2.6, 0.3), (.a0B, 3.1, 0.5), (.v0B, 3.7, 0.3),
        ]
        for (column, mean, sd) in margins {
            let ecr = table.values(column).map { 1 + 6 * $0 }
            #expect(abs(TestStatistics.mean(ecr) - mean) < 4 * sd / Double(n).squareRoot(), "\(column.name) mean")
            #expect(
                abs(TestStatistics.variance(ecr).squareRoot() / sd - 1) < 4 / Double(2 * n).squareRoot(),
                "\(column.name) sd")
        }
    }

    @Test("traits mode truncation: vectors outside [1, 7] are redrawn; after trunc_max_tries the last is clamped")
    func truncation() throws {
        var population = PopulationParameters()
        population.sdAnxiety = 2.5
        population.sdAvoidance = 2.5
        let columns: [CoupleOutcomeColumn] = [.a0A, .v0A, .a0B, .v0B]
        for tries in [1.0, 1000] {
            population.truncationMaxTries = tries
            let table = try TestRun.simulate(couples: 600, days: 1, burnIn: 0, population: population).arms[0].outcomes
            let values = columns.flatMap { table.values($0) }
            #expect(values.allSatisfy { $0 >= 0 && $0 <= 1 })
            let atBounds = values.filter { $0 == 0 || $0 == 1 }.count
            if tries == 1 {
                #expect(atBounds > 100, "one try: every out-of-range value is clamped")
            } else {
                #expect(atBounds == 0, "redrawn until the whole vector is inside")
            }
        }
    }
    @Test(
        "style labels: fearful if a ≥ c_a and v ≥ c_v, else avoidant if v ≥ c_v, else anxious if a ≥ c_a, else secure")
    func styleLabels() throws {
        var population = PopulationParameters()
        population.classAnxietyECR = 4.0
        population.classAvoidanceECR = 3.4
        let (ca, cv) = ((4.0 - 1) / 6, (3.4 - 1) / 6)
        let classifier = StyleClassifier(population: population)
        let cases: [(Double, Double, AttachmentStyle)] = [
            (0.2, 0.1, .secure), (ca, 0.1, .anxious), (0.9, cv.nextDown, .anxious), (ca.nextDown, cv, .avoidant),
            (0.1, 0.9, .avoidant), (ca, cv, .fearful), (0.95, 0.95, .fearful), (ca.nextDown, cv.nextDown, .secure),
        ]
        for (a, v, style) in cases {
            #expect(classifier.style(anxiety: a, avoidance: v) == style, "a \(a), v \(v)")
        }
        // The same labels in the outputs: style0 from the day-0 traits.
        population.mode = .styles
        population.styleJitter = 0
        population.prototypes = [
            StylePrototype(name: "x", anxiety: 0.9, avoidance: 0.1),
            StylePrototype(name: "y", anxiety: 0.1, avoidance: 0.9),
        ]
        population.pairings = [StylePairing(styleA: "x", styleB: "y", share: 1)]
        let table = try TestRun.simulate(couples: 3, days: 1, burnIn: 0, population: population).arms[0].outcomes
        #expect(table.values(.style0A).allSatisfy { $0 == Double(AttachmentStyle.anxious.rawValue) })
        #expect(table.values(.style0B).allSatisfy { $0 == Double(AttachmentStyle.avoidant.rawValue) })
    }
}
