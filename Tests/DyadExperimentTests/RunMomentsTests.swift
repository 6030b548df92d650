import DyadCore
import DyadExperiment
import TestSupport
import Testing

/// Run statistics accumulated from streamed rows are the bits of the two-pass computation on
/// whole tables, for any thread count, chunk size and spool block size.
@Suite("Streamed run statistics")
struct RunMomentsTests {
    /// Keeps values in memory and replays them in blocks of `blockSize`, so that blocks split rows.
    final class BlockSpool: ValueSpool {
        let blockSize: Int
        private(set) var values: [Double] = []
        private(set) var appends = 0

        init(blockSize: Int) { self.blockSize = blockSize }

        func append(_ values: UnsafeBufferPointer<Double>) {
            self.values.append(contentsOf: values)
            appends += 1
        }

        func replay(_ body: (UnsafeBufferPointer<Double>) -> Void) {
            values.withUnsafeBufferPointer { all in
                for start in stride(from: 0, to: all.count, by: blockSize) {
                    body(UnsafeBufferPointer(rebasing: all[start..<min(all.count, start + blockSize)]))
                }
            }
        }
    }

    private static let arms = [
        Arm(name: "control"),
        Arm(
            name: "validation",
            interventions: [Intervention(kind: .consistentValidation, target: .partnerOfMoreAnxious)]),
        Arm(name: "eft", interventions: [Intervention(kind: .eft, startDay: 5, eligibility: .distressed)]),
    ]

    private static func configuration(arms: [Arm] = arms) -> RunConfiguration {
        RunConfiguration(
            coupleCount: 260, days: 25, burnInDays: 10, arms: arms,
            runKey: StreamKey.run(seed: 9, pointKey: 0, replicate: 0), coupleRange: 3..<253)
    }

    private static let run = PlannedRun(point: 0, replicate: 0, seed: 9)

    /// Every number of a record as bits (NaN compares equal to NaN).
    private func bits(_ record: RunRecord) -> [UInt64] {
        record.arms.flatMap { [UInt64(bitPattern: Int64($0.couples))] + $0.means.map(\.bitPattern) }
            + record.effects.flatMap { $0 }.flatMap { moments in
                [moments.difference, moments.control, moments.treatment].flatMap {
                    [UInt64(bitPattern: Int64($0.count)), $0.mean.bitPattern, $0.squaredDeviations.bitPattern]
                }
            }
    }

    @Test(
        "the same bits as the two-pass statistics of the collected tables",
        arguments: [(1, 1, 0), (2, 7, 0), (3, 64, 1), (2, 4_096, 2), (3, 13, 1)])
    func sameBits(threads: Int, chunkSize: Int, controlArm: Int) throws {
        let configuration = Self.configuration()
        let table = try Simulator(threads: 2, chunkSize: 64).run(configuration)
        let reference = RunRecord(run: Self.run, result: table, controlArm: controlArm)
        let spool = BlockSpool(blockSize: 7)
        let moments = RunMoments(controlArm: controlArm, spool: spool)
        let totals = try Simulator(threads: threads, chunkSize: chunkSize).run(configuration, sink: moments)
        let record = RunRecord(
            run: Self.run, moments: moments, coupleDays: totals.coupleDays,
            episodeTurns: totals.episodeTurns)
        #expect(bits(record) == bits(reference))
        #expect(record.arms.map(\.name) == Self.arms.map(\.name) && record.arms.allSatisfy { $0.couples == 250 })
        // Independently: plain means of the table's columns, NA skipped.
        for (arm, summary) in record.arms.enumerated() {
            for (index, column) in CoupleOutcomeColumn.numeric.enumerated() {
                let present = table.arms[arm].outcomes.values(column).filter { !$0.isNaN }
                let plain = present.reduce(0, +) / Double(present.count)
                let close = abs(summary.means[index] - plain) <= 1e-12 * max(1, abs(plain))
                #expect(present.isEmpty ? summary.means[index].isNaN : close, "\(summary.name) \(column.name)")
            }
        }
        #expect(record.effects.count == 2 && record.effects.allSatisfy { $0.count == EffectOutcomes.columns.count })
        // Some outcomes are NA for some couples: pairs are fewer than couples there.
        #expect(record.effects[0].contains { $0.difference.count > 0 && $0.difference.count < 250 })
        #expect(record.effects[0].contains { $0.difference.count == 250 })
        // 8 bytes per compared outcome and arm and couple, appended once per chunk.
        #expect(spool.values.count == 250 * 3 * EffectOutcomes.columns.count)
        #expect(spool.appends == (250 + chunkSize - 1) / chunkSize)
    }

    @Test("one arm: means only, nothing spooled")
    func oneArm() throws {
        let configuration = Self.configuration(arms: [Arm(name: "control")])
        let reference = RunRecord(run: Self.run, result: try Simulator(threads: 1).run(configuration), controlArm: 0)
        let spool = BlockSpool(blockSize: 5)
        let moments = RunMoments(controlArm: 0, spool: spool)
        let totals = try Simulator(threads: 2, chunkSize: 9).run(configuration, sink: moments)
        let record = RunRecord(
            run: Self.run, moments: moments, coupleDays: totals.coupleDays,
            episodeTurns: totals.episodeTurns)
        #expect(bits(record) == bits(reference))
        #expect(record.effects.isEmpty && spool.values.isEmpty)
    }
}
