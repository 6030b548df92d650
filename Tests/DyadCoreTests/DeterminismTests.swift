import DyadCore
import TestSupport
import Testing

/// Results depend only on (seed, point, replicate, couple): never on threads, chunking or subsets.
@Suite("Determinism")
struct DeterminismTests {
    private let arms = [
        Arm(name: "control"),
        Arm(
            name: "validation",
            interventions: [Intervention(kind: .consistentValidation, target: .partnerOfMoreAnxious)]),
        Arm(name: "eft", interventions: [Intervention(kind: .eft, startDay: 20, eligibility: .distressed)]),
    ]

    private func run(threads: Int, chunkSize: Int, seed: UInt64 = 5, range: Range<Int>? = nil) throws -> RunResult {
        try TestRun.simulate(
            couples: 600, days: 150, burnIn: 30, arms: arms, seed: seed, threads: threads,
            chunkSize: chunkSize, range: range)
    }

    private func bits(_ result: RunResult) -> [[UInt64]] {
        result.arms.map { $0.outcomes.values.map(\.bitPattern) }
    }

    @Test("the same seed gives bit-identical outcomes and aggregates")
    func sameSeed() throws {
        let first = try run(threads: 2, chunkSize: 64), second = try run(threads: 2, chunkSize: 64)
        #expect(bits(first) == bits(second))
        #expect(first.arms.map(\.daily) == second.arms.map(\.daily))
        let other = try run(threads: 2, chunkSize: 64, seed: 6)
        #expect(bits(first) != bits(other))
    }

    @Test("1, 2, 3 and 7 threads give bit-identical results", arguments: [2, 3, 7])
    func threadCounts(threads: Int) throws {
        let single = try run(threads: 1, chunkSize: 64), many = try run(threads: threads, chunkSize: 64)
        #expect(bits(single) == bits(many))
        #expect(single.arms.map(\.daily) == many.arms.map(\.daily))
    }

    @Test("chunk sizes 1, 7, 64 and 4096 give bit-identical results", arguments: [1, 7, 4096])
    func chunkSizes(chunkSize: Int) throws {
        let reference = try run(threads: 2, chunkSize: 64), other = try run(threads: 2, chunkSize: chunkSize)
        #expect(bits(reference) == bits(other))
        #expect(reference.arms.map(\.daily) == other.arms.map(\.daily))
    }

    @Test("a subset of couple indices reproduces exactly those rows; shard aggregates sum to the whole")
    func subsets() throws {
        let full = try run(threads: 2, chunkSize: 64)
        let first = try run(threads: 1, chunkSize: 7, range: 0..<250)
        let second = try run(threads: 2, chunkSize: 33, range: 250..<600)
        for arm in 0..<arms.count {
            for column in CoupleOutcomeColumn.allCases {
                let whole = full.arms[arm].outcomes.values(column).map(\.bitPattern)
                let joined = (first.arms[arm].outcomes.values(column) + second.arms[arm].outcomes.values(column)).map(
                    \.bitPattern)
                #expect(whole == joined, "\(column.name)")
            }
            #expect(first.arms[arm].daily.merged(with: second.arms[arm].daily) == full.arms[arm].daily)
        }
    }

    @Test("styles allocation uses the total N, so a subset keeps its couples' pairings")
    func stylesSubset() throws {
        var population = PopulationParameters()
        population.mode = .styles
        let full = try TestRun.simulate(couples: 320, days: 5, burnIn: 5, population: population)
        let part = try TestRun.simulate(couples: 320, days: 5, burnIn: 5, population: population, range: 100..<140)
        #expect(Array(full.arms[0].outcomes.values(.protoA)[100..<140]) == part.arms[0].outcomes.values(.protoA))
        #expect(
            Array(full.arms[0].outcomes.values(.satisfaction)[100..<140]).map(\.bitPattern)
                == part.arms[0].outcomes.values(.satisfaction).map(\.bitPattern))
    }

    @Test("arms share streams: an arm whose intervention starts later is identical to control before it")
    func commonRandomNumbers() throws {
        let late = [
            Arm(name: "control"),
            Arm(name: "late", interventions: [Intervention(kind: .withholdValidation, startDay: 100)]),
        ]
        let result = try TestRun.simulate(couples: 300, days: 150, burnIn: 20, arms: late)
        let control = result.arms[0].daily.rows(), treated = result.arms[1].daily.rows()
        #expect(
            Array(control[0..<100]).map { $0.values.map(\.bitPattern) }
                == Array(treated[0..<100]).map { $0.values.map(\.bitPattern) })
        #expect(control[120].values != treated[120].values)
    }
}
