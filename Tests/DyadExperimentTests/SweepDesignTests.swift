import DyadCore
import DyadExperiment
import Testing

@Suite("Sweep designs")
struct SweepDesignTests {
    private func path(_ text: String, _ scenario: Scenario = Scenario()) throws -> SweepPath {
        try SweepPath.parse(text, in: scenario).get()
    }

    private func design(_ method: SampleMethod, count: Int, seed: UInt64? = 5) throws -> SampleDesign {
        SampleDesign(
            method: method, count: count,
            ranges: [
                (try path("params.g0"), 0.2, 0.6), (try path("params.imp_harsh"), 0, 1), (try path("days"), 10, 20),
            ],
            seed: seed)
    }

    @Test("random samples lie in their ranges; integer paths are rounded; the seed fixes the sample")
    func randomSample() throws {
        let sample = try design(.random, count: 200)
        let rows = SampleGenerator.rows(sample, scenarioSeed: 1)
        #expect(rows.count == 200)
        #expect(
            rows.allSatisfy {
                $0[0] >= 0.2 && $0[0] < 0.6 && $0[1] >= 0 && $0[1] < 1 && (10...20).contains($0[2])
                    && $0[2] == $0[2].rounded()
            })
        #expect(rows == SampleGenerator.rows(sample, scenarioSeed: 99))
        #expect(rows != SampleGenerator.rows(try design(.random, count: 200, seed: 6), scenarioSeed: 1))
        #expect(
            SampleGenerator.rows(try design(.random, count: 10, seed: nil), scenarioSeed: 1)
                != SampleGenerator.rows(try design(.random, count: 10, seed: nil), scenarioSeed: 2))
    }

    @Test("a Latin hypercube has exactly one point in each of the n strata of every range")
    func latinHypercube() throws {
        let n = 50
        let rows = SampleGenerator.rows(try design(.lhs, count: n), scenarioSeed: 1)
        for (dimension, range) in [(0, (0.2, 0.6)), (1, (0.0, 1.0))] {
            let strata = rows.map {
                Int(((($0[dimension] - range.0) / (range.1 - range.0)) * Double(n)).rounded(.down))
            }
            #expect(Set(strata) == Set(0..<n), "dimension \(dimension)")
        }
    }

    @Test("Saltelli rows: n·(2d+2) points in SALib's order A, AB_i, BA_i, B; Sobol 1D projections are stratified")
    func saltelli() throws {
        let n = 64
        let sample = SampleDesign(
            method: .sobol, count: n, ranges: [(try path("params.g0"), 0, 1), (try path("params.tau"), 1, 2)])
        let rows = SampleGenerator.rows(sample, scenarioSeed: 1)
        #expect(rows.count == n * (2 * 2 + 2))
        for base in 0..<n {
            let block = Array(rows[(base * 6)..<(base * 6 + 6)])
            let a = block[0], b = block[5]
            #expect(block[1] == [b[0], a[1]])  // AB_1: A with column 1 from B
            #expect(block[2] == [a[0], b[1]])  // AB_2
            #expect(block[3] == [a[0], b[1]])  // BA_1: B with column 1 from A
            #expect(block[4] == [b[0], a[1]])  // BA_2
        }
        let firstColumn = stride(from: 0, to: rows.count, by: 6).map { rows[$0][0] }
        #expect(Set(firstColumn.map { Int($0 * Double(n)) }).count == n)
    }

    @Test("Morris rows: r·(k+1) points; each step moves one factor once by ±Δ·range on the p-level grid")
    func morris() throws {
        let ranges = [
            (try path("params.g0"), 0.2, 0.6), (try path("params.imp_harsh"), 0.0, 1.0),
            (try path("params.tau"), 1.0, 2.0),
        ]
        for levels in [2, 4, 6] {
            let trajectories = 50
            let sample = SampleDesign(method: .morris, count: trajectories, ranges: ranges, seed: 3, levels: levels)
            let rows = SampleGenerator.rows(sample, scenarioSeed: 1)
            #expect(rows.count == trajectories * 4 && SampleGenerator.pointCount(sample) == rows.count)
            let step = Double(levels) / (2 * Double(levels - 1))
            for row in rows {
                for (value, range) in zip(row, ranges) {
                    let level = (value - range.1) / (range.2 - range.1) * Double(levels - 1)
                    #expect(abs(level - level.rounded()) < 1e-9 && level > -1e-9 && level < Double(levels) - 1 + 1e-9)
                }
            }
            for trajectory in 0..<trajectories {
                var moved: [Int] = []
                for index in 0..<3 {
                    let before = rows[trajectory * 4 + index], after = rows[trajectory * 4 + index + 1]
                    let changed = (0..<3).filter { before[$0] != after[$0] }
                    #expect(changed.count == 1, "levels \(levels), trajectory \(trajectory), step \(index)")
                    guard let factor = changed.first else { continue }
                    let range = ranges[factor].2 - ranges[factor].1
                    #expect(abs(abs(after[factor] - before[factor]) - step * range) < 1e-12)
                    moved.append(factor)
                }
                #expect(moved.sorted() == [0, 1, 2])
            }
            #expect(rows == SampleGenerator.rows(sample, scenarioSeed: 2))
            var reseeded = sample
            reseeded.seed = 4
            #expect(rows != SampleGenerator.rows(reseeded, scenarioSeed: 1))
            reseeded.seed = nil  // derived from the scenario seed
            #expect(SampleGenerator.rows(reseeded, scenarioSeed: 1) == SampleGenerator.rows(reseeded, scenarioSeed: 1))
            #expect(SampleGenerator.rows(reseeded, scenarioSeed: 1) != SampleGenerator.rows(reseeded, scenarioSeed: 2))
        }
    }

    @Test("Morris starting points: each of the p levels equally likely (start low going up or high going down)")
    func morrisStartLevels() throws {
        let trajectories = 4000
        let sample = SampleDesign(
            method: .morris, count: trajectories, ranges: [(try path("params.imp_harsh"), 0, 1)], seed: 11)
        let rows = SampleGenerator.rows(sample, scenarioSeed: 1)
        var counts = [0, 0, 0, 0]
        for trajectory in 0..<trajectories {
            let start = rows[trajectory * 2][0], end = rows[trajectory * 2 + 1][0]
            let level = Int((start * 3).rounded())
            counts[level] += 1
            #expect(abs(end - start) == 2.0 / 3 || abs(abs(end - start) - 2.0 / 3) < 1e-12)
            #expect((level < 2) == (end > start))  // low levels move up, high levels move down
        }
        for count in counts {
            #expect(abs(Double(count) / Double(trajectories) - 0.25) < 0.03, "\(counts)")
        }
    }

    @Test("point keys depend on the values only, not on order or position; the empty point is 0")
    func pointKeys() throws {
        let g0 = try path("params.g0"), days = try path("days")
        #expect(PointKey.of([]) == 0)
        #expect(PointKey.of([(g0, 0.5), (days, 30)]) == PointKey.of([(days, 30), (g0, 0.5)]))
        #expect(PointKey.of([(g0, 0.5)]) != PointKey.of([(g0, 0.6)]))
    }

    @Test("grids are full factorial (first path slowest), crossed with zipped rows")
    func factorial() throws {
        var sweep = SweepDesign()
        sweep.grid = [
            SweepAxis(path: try path("params.g0"), values: [0.1, 0.2]),
            SweepAxis(path: try path("days"), values: [10, 20, 30]),
        ]
        sweep.zip = [
            SweepAxis(path: try path("params.tau"), values: [1, 2]),
            SweepAxis(path: try path("params.h0"), values: [5, 6]),
        ]
        let points = sweep.points(scenarioSeed: 1)
        #expect(points.count == 12 && sweep.pointCount == 12)
        #expect(points[0].map(\.value) == [0.1, 10, 1, 5])
        #expect(points[1].map(\.value) == [0.1, 10, 2, 6])
        #expect(points[11].map(\.value) == [0.2, 30, 2, 6])
    }

    @Test("intervention paths set the field of the named arm's interventions")
    func interventionPaths() throws {
        var scenario = Scenario()
        scenario.arms = [
            Arm(name: "control"),
            Arm(
                name: "t",
                interventions: [
                    Intervention(kind: .softStartup), Intervention(kind: .set(parameter: "g0", value: 0.1)),
                ]),
        ]
        try path("arms.t.soft_startup.strength", scenario).apply(0.3, to: &scenario)
        try path("arms.t.interventions[1].value", scenario).apply(0.9, to: &scenario)
        try path("arms.t.set.end_day", scenario).apply(40, to: &scenario)
        #expect(scenario.arms[1].interventions[0].strength == 0.3)
        #expect(scenario.arms[1].interventions[1].kind == .set(parameter: "g0", value: 0.9))
        #expect(scenario.arms[1].interventions[1].endDay == 40)
        #expect(throws: SweepPathError.self) { try SweepPath.parse("arms.t.eft.strength", in: scenario).get() }
        #expect(throws: SweepPathError.self) { try SweepPath.parse("arms.t.soft_startup.value", in: scenario).get() }
    }
}
