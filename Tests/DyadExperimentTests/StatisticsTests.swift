import DyadCore
import DyadExperiment
import TestSupport
import Testing

/// The statistics behind effects.csv and summary.csv on uneven data with answers worked out by
/// hand (and checked against R/NumPy): type-7 quantiles, Student-t intervals, Cohen's d with the
/// pooled SD, paired moments, moment merging, pooled effects and summary rows.
@Suite("Statistics")
struct StatisticsTests {
    // MARK: Quantiles

    /// (data, probability, answer): h = (n − 1)p, x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)).
    static let quantileCases: [([Double], Double, Double)] = [
        ([1, 2, 4, 7, 11, 16], 0, 1),
        ([1, 2, 4, 7, 11, 16], 0.1, 1.5),  // h = 0.5
        ([1, 2, 4, 7, 11, 16], 0.25, 2.5),  // h = 1.25: 2 + 0.25·2
        ([1, 2, 4, 7, 11, 16], 0.5, 5.5),  // h = 2.5: 4 + 0.5·3
        ([1, 2, 4, 7, 11, 16], 0.7, 9),  // h = 3.5: 7 + 0.5·4
        ([1, 2, 4, 7, 11, 16], 0.75, 10),  // h = 3.75: 7 + 0.75·4
        ([1, 2, 4, 7, 11, 16], 0.9, 13.5),  // h = 4.5: 11 + 0.5·5
        ([1, 2, 4, 7, 11, 16], 0.95, 14.75),  // h = 4.75
        ([1, 2, 4, 7, 11, 16], 1, 16),
        ([0.5, 0.9, 2.5, 3, 8], 0.3, 1.22),  // h = 1.2: 0.9 + 0.2·1.6
        ([0.5, 0.9, 2.5, 3, 8], 0.65, 2.8),  // h = 2.6: 2.5 + 0.6·0.5
        ([0.5, 0.9, 2.5, 3, 8], 0.875, 5.5),  // h = 3.5: 3 + 0.5·5
        ([3], 0.4, 3),
        ([2, 10], 0.2, 3.6),
    ]

    @Test(
        "type-7 quantiles interpolate between x_(⌊h⌋) and the next order statistic at h = (n − 1)p",
        arguments: quantileCases.indices)
    func quantiles(_ index: Int) {
        let (data, p, answer) = Self.quantileCases[index]
        #expect(Close.to(Quantile.type7(sorted: data, p), answer, 1e-14), "\(data) at \(p)")
    }

    @Test("quantile probabilities are clamped to 0...1; no data gives NaN")
    func quantileEdges() {
        #expect(Quantile.type7(sorted: [1, 2, 4], -0.5) == 1 && Quantile.type7(sorted: [1, 2, 4], 1.5) == 4)
        #expect(Quantile.type7(sorted: [], 0.5).isNaN)
    }

    // MARK: Student t

    @Test(
        "t quantiles with n − 1 degrees of freedom",
        arguments: [
            (1.0, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078), (4, 2.7764451051977934),
            (9, 2.262157162798205), (30, 2.0422724563012378),
        ])
    func studentQuantiles(degreesOfFreedom: Double, quantile: Double) {
        #expect(Close.to(StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom), quantile, 1e-9))
        #expect(Close.to(StudentT.quantile(0.025, degreesOfFreedom: degreesOfFreedom), -quantile, 1e-9))
        #expect(Close.to(StudentT.cdf(quantile, degreesOfFreedom: degreesOfFreedom), 0.975, 1e-10))
    }

    @Test("the 95 % interval of a mean uses t with n − 1 df: (2, 3, 5, 9) gives 4.75 ± 3.1824·1.5478")
    func meanInterval() {
        let moments = Moments(of: [2, 3, 5, 9, .nan])
        #expect(moments.count == 4 && moments.mean == 4.75)
        #expect(Close.to(moments.variance, 28.75 / 3) && Close.to(moments.standardError, (28.75 / 12).squareRoot()))
        let interval = moments.confidenceInterval95
        #expect(Close.to(interval.low, -0.17594304823029372, 1e-9) && Close.to(interval.high, 9.675943048230295, 1e-9))
        #expect(Moments(of: [5]).confidenceInterval95.low.isNaN, "no interval from one value")
        #expect(Moments(of: [5]).variance.isNaN && Moments().meanOrMissing.isNaN)
    }

    // MARK: Paired moments and d

    /// Control (1, 2, 4, 7, 3), treatment (2, 5, 5, 6, 8): differences (1, 3, 1, −1, 5), mean 1.8,
    /// variance 5.2; s_c² = 5.3, s_t² = 4.7, pooled SD √5, d = 1.8/√5.
    static let control: [Double] = [1, 2, 4, 7, 3]
    static let treatment: [Double] = [2, 5, 5, 6, 8]

    static func checkPaired(_ moments: PairedMoments) {
        #expect(moments.difference.count == 5 && Close.to(moments.difference.mean, 1.8))
        #expect(Close.to(moments.difference.variance, 5.2))
        #expect(Close.to(moments.control.mean, 3.4) && Close.to(moments.control.variance, 5.3))
        #expect(Close.to(moments.treatment.mean, 5.2) && Close.to(moments.treatment.variance, 4.7))
        #expect(Close.to(moments.cohensD, 1.8 / 5.0.squareRoot()))
    }

    @Test("paired moments skip pairs with an NA; d divides by the pooled SD √((s_c² + s_t²)/2)")
    func pairedMoments() {
        let control = Self.control + [.nan, 4], treatment = Self.treatment + [3, .nan]
        Self.checkPaired(PairedMoments(control: control[...], treatment: treatment[...]))
        var added = PairedMoments()
        for (c, t) in zip(control, treatment) { added.add(control: c, treatment: t) }
        Self.checkPaired(added)
        var constant = PairedMoments()
        for value in [1.0, 1, 1] { constant.add(control: value, treatment: value + 1) }
        #expect(constant.cohensD.isNaN, "no spread: d is NA")
    }

    @Test("an effects row: n, means, difference, its SE, the t interval with n − 1 df and d, in the column order")
    func effectRow() throws {
        let outcomes = EffectOutcomes.columns
        let slot = try #require(outcomes.firstIndex(of: .satisfaction))
        var effects = outcomes.map { _ in PairedMoments() }
        effects[slot] = PairedMoments(control: Self.control[...], treatment: Self.treatment[...])
        let record = RunRecord(
            run: PlannedRun(point: 3, replicate: 0, seed: 1), arms: [], effects: [effects],
            coupleDays: 0, episodeTurns: 0)
        let row = PointStatistics.effects(point: 3, records: [record], armNames: ["c", "t"], controlArm: 0)[slot]
        #expect(row.arm == "t" && row.controlArm == "c" && row.outcome == .couple(.satisfaction))
        let expected = [
            5, 3.4, 5.2, 1.8, 1.04.squareRoot(), -1.031429553964544, 4.631429553964544, 1.8 / 5.0.squareRoot(),
        ]
        #expect(
            EffectRow.columns.suffix(8) == [
                "n", "control_mean", "arm_mean", "difference", "se", "ci_low", "ci_high", "d",
            ])
        #expect(row.values.count == 8)
        for (index, (value, wanted)) in zip(row.values, expected).enumerated() {
            #expect(Close.to(value, wanted, 1e-9), "\(EffectRow.columns[4 + index]): \(value) vs \(wanted)")
        }
    }

    // MARK: Merging

    /// 9 values: mean 71/18, Σ(x − x̄)² = 14191/72.
    static let values: [Double] = [3.5, -1, 7.25, 0.5, 12, 4, 4, -3.75, 9]

    @Test("moments merged in any order equal the moments of all values (Chan et al.)")
    func merging() {
        let direct = Moments(of: Self.values)
        #expect(
            direct.count == 9 && Close.to(direct.mean, 71.0 / 18) && Close.to(direct.squaredDeviations, 14191.0 / 72))
        let parts = [Moments(of: Self.values[0..<2]), Moments(of: Self.values[2..<5]), Moments(of: Self.values[5...])]
        for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]] {
            var merged = Moments()
            for index in order { merged.merge(parts[index]) }
            merged.merge(Moments())
            #expect(merged.count == 9, "\(order)")
            #expect(Close.to(merged.mean, 71.0 / 18) && Close.to(merged.squaredDeviations, 14191.0 / 72), "\(order)")
        }
        var nested = parts[1]
        var tail = parts[2]
        tail.merge(parts[0])
        nested.merge(tail)
        #expect(Close.to(nested.variance, 14191.0 / 72 / 8))
        var added = Moments()
        for value in Self.values { added.add(value) }
        added.add(.nan)
        #expect(added.count == 9 && Close.to(added.mean, 71.0 / 18) && Close.to(added.squaredDeviations, 14191.0 / 72))
    }

    // MARK: Pooled effects and summary rows

    private static func record(
        replicate: Int, arms: [String], means: [[Double]], effects: [[PairedMoments]] = []
    ) -> RunRecord {
        RunRecord(
            run: PlannedRun(point: 0, replicate: replicate, seed: UInt64(replicate)),
            arms: zip(arms, means).map { ArmSummary(name: $0.0, couples: 10, means: $0.1) },
            effects: effects, coupleDays: 0, episodeTurns: 0)
    }

    @Test("effects pool the replicates' paired moments per arm (the control arm may be any) and outcome")
    func pooledEffects() throws {
        let outcomes = EffectOutcomes.columns
        let slot = try #require(outcomes.firstIndex(of: .satisfaction))
        func effects(_ range: Range<Int>, shift: Double) -> [[PairedMoments]] {
            let first = outcomes.map { _ in PairedMoments() }
            var second = first
            second[slot] = PairedMoments(
                control: Self.control[range], treatment: Self.treatment[range].map { $0 + shift }[...])
            var firstArm = first
            firstArm[slot] = PairedMoments(control: Self.control[range], treatment: Self.treatment[range])
            return [firstArm, second]
        }
        let numericZero = CoupleOutcomeColumn.numeric.map { _ in 0.0 }
        let arms = ["a", "control", "b"]
        let records = [
            Self.record(
                replicate: 1, arms: arms, means: [numericZero, numericZero, numericZero],
                effects: effects(3..<5, shift: 1)),
            Self.record(
                replicate: 0, arms: arms, means: [numericZero, numericZero, numericZero],
                effects: effects(0..<3, shift: 1)),
        ]
        let rows = PointStatistics.effects(point: 7, records: records, armNames: arms, controlArm: 1)
        #expect(rows.count == 2 * outcomes.count)
        #expect(
            rows.map(\.arm) == Array(repeating: "a", count: outcomes.count)
                + Array(repeating: "b", count: outcomes.count))
        #expect(rows.allSatisfy { $0.controlArm == "control" && $0.point == 7 })
        Self.checkPaired(rows[slot].moments)
        #expect(rows[slot].outcome == .couple(.satisfaction))
        let shifted = rows[outcomes.count + slot].moments
        #expect(Close.to(shifted.difference.mean, 2.8) && Close.to(shifted.treatment.mean, 6.2))
    }

    @Test("summary rows: n, mean, SD and t interval of the run means across replicates, NA run means skipped")
    func summaryRows() throws {
        let numeric = CoupleOutcomeColumn.numeric
        let index = try #require(numeric.firstIndex(of: .satisfaction))
        let other = try #require(numeric.firstIndex(of: .episodes))
        func means(_ satisfaction: Double, _ episodes: Double) -> [Double] {
            var values = numeric.map { _ in 1.0 }
            values[index] = satisfaction
            values[other] = episodes
            return values
        }
        let records = [
            Self.record(replicate: 2, arms: ["c", "t"], means: [means(0.66, 4), means(0.7, .nan)]),
            Self.record(replicate: 0, arms: ["c", "t"], means: [means(0.61, 3), means(0.9, 2)]),
            Self.record(replicate: 1, arms: ["c", "t"], means: [means(0.58, 5), means(0.8, 6)]),
        ]
        let rows = PointStatistics.summary(point: 4, records: records)
        #expect(rows.count == 2 * EffectOutcomes.columns.count)
        let satisfaction = try #require(rows.first { $0.arm == "c" && $0.outcome == .couple(.satisfaction) })
        let values = satisfaction.values
        let expected = [3, 0.6166666666666667, 0.040414518843273836, 0.5162714363058458, 0.7170618970274876]
        #expect(SummaryRow.columns.suffix(5) == ["n", "mean", "sd", "ci_low", "ci_high"])
        for (value, wanted) in zip(values, expected) { #expect(Close.to(value, wanted, 1e-9), "\(value) vs \(wanted)") }
        let episodes = try #require(rows.first { $0.arm == "t" && $0.outcome == .couple(.episodes) })
        #expect(episodes.moments.count == 2 && episodes.moments.mean == 4, "the NA run mean is skipped")
        #expect(rows.allSatisfy { $0.point == 4 })
    }

    @Test("a run record: per-arm means of every numeric column and paired moments against the chosen control arm")
    func runRecord() throws {
        let arms = [
            Arm(name: "t1", interventions: [Intervention(kind: .softStartup)]), Arm(name: "control"),
            Arm(name: "t2", interventions: [Intervention(kind: .withholdValidation)]),
        ]
        let result = try TestRun.simulate(couples: 30, days: 40, burnIn: 10, arms: arms, seed: 3, threads: 1)
        let run = PlannedRun(point: 0, replicate: 0, seed: 3)
        let record = RunRecord(run: run, result: result, controlArm: 1)
        #expect(record.arms.map(\.name) == ["t1", "control", "t2"] && record.arms.allSatisfy { $0.couples == 30 })
        for (armIndex, arm) in result.arms.enumerated() {
            for (index, column) in CoupleOutcomeColumn.numeric.enumerated() {
                let present = arm.outcomes.values(column).filter { !$0.isNaN }
                let mean = present.isEmpty ? Double.nan : present.reduce(0, +) / Double(present.count)
                #expect(Close.to(record.arms[armIndex].means[index], mean, 1e-12), "\(arm.name) \(column.name)")
            }
        }
        #expect(record.effects.count == 2)
        for (slot, armIndex) in [(0, 0), (1, 2)] {
            for (index, column) in EffectOutcomes.columns.enumerated() {
                let expected = PairedMoments(
                    control: result.arms[1].outcomes.column(column),
                    treatment: result.arms[armIndex].outcomes.column(column))
                #expect(record.effects[slot][index] == expected, "slot \(slot) \(column.name)")
            }
        }
        #expect(record.coupleDays == 30 * 40 * 3 && record.episodeTurns == result.episodeTurns)
    }
}
