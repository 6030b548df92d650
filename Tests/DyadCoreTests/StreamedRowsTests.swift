import DyadCore
import Synchronization
import TestSupport
import Testing

/// The ordered hand-off and the sink interface: every chunk reaches the sink once, in couple
/// order, with bounded buffering, and the streamed rows are the collected table's.
@Suite("Streamed rows")
struct StreamedRowsTests {
    /// What the ordered hand-off did: claims, deliveries and the most chunks in flight.
    final class HandOffLog: Sendable {
        private struct State {
            var delivered: [Int] = []
            var outstanding = 0
            var maximumOutstanding = 0
            var slotsInUse: Set<Int> = []
            var slotClashes = 0
            var chunks: [Int: Range<Int>] = [:]
        }

        private let state = Mutex(State())

        func begin(index: Int, slot: Int, chunk: Range<Int>) {
            state.withLock { state in
                state.outstanding += 1
                state.maximumOutstanding = max(state.maximumOutstanding, state.outstanding)
                if !state.slotsInUse.insert(slot).inserted { state.slotClashes += 1 }
                state.chunks[index] = chunk
            }
        }

        func deliver(index: Int, slot: Int) {
            state.withLock { state in
                state.delivered.append(index)
                state.outstanding -= 1
                state.slotsInUse.remove(slot)
            }
        }

        var delivered: [Int] { state.withLock { $0.delivered } }
        var maximumOutstanding: Int { state.withLock { $0.maximumOutstanding } }
        var slotClashes: Int { state.withLock { $0.slotClashes } }
        var chunks: [Int: Range<Int>] { state.withLock { $0.chunks } }
    }

    /// Uneven work, so that later chunks often finish before earlier ones.
    private static func work(_ index: Int) -> Int {
        var total = 0
        for step in 0..<((index * 7_919) % 13 * 3_000) { total &+= step &* step }
        return total
    }

    @Test(
        "chunks are delivered once each, in order, never more than `slots` in flight",
        arguments: [(1, 1), (2, 1), (2, 2), (2, 8), (3, 5), (3, 12)])
    func orderedHandOff(threads: Int, slots: Int) {
        let log = HandOffLog()
        let sink = Atomic<Int>(0)
        ParallelChunks.runInOrder(range: 5..<1_005, chunkSize: 7, threads: threads, slots: slots) {
            _, index, slot, chunk in
            log.begin(index: index, slot: slot, chunk: chunk)
            sink.wrappingAdd(Self.work(index), ordering: .relaxed)
        } deliver: { index, slot in
            log.deliver(index: index, slot: slot)
        }
        #expect(log.delivered == Array(0..<143))
        #expect(log.maximumOutstanding <= slots)
        #expect(log.slotClashes == 0)
        let chunks = log.chunks
        #expect(chunks[0] == 5..<12 && chunks[142] == 999..<1_005)
        #expect((0..<143).flatMap { chunks[$0] ?? 0..<0 } == Array(5..<1_005))
    }

    @Test(
        "after cancellation the delivered chunks are a prefix and every claimed chunk is delivered",
        arguments: [1, 2, 3])
    func cancellation(threads: Int) {
        let log = HandOffLog()
        let flag = CancellationFlag()
        ParallelChunks.runInOrder(
            range: 0..<2_000, chunkSize: 5, threads: threads, slots: 4 * threads, cancellation: flag
        ) { _, index, slot, chunk in
            log.begin(index: index, slot: slot, chunk: chunk)
            if index == 40 { flag.cancel() }
            _ = Self.work(index)
        } deliver: { index, slot in
            log.deliver(index: index, slot: slot)
        }
        let delivered = log.delivered
        #expect(delivered == Array(0..<delivered.count))
        #expect(delivered.count >= 41 && delivered.count < 400)
        #expect(log.chunks.count == delivered.count)
    }

    /// Records what a run streams: rows by couple, chunk order of deliveries, consume calls.
    final class RecordingSink: OutcomeSink {
        private struct State {
            var layout: OutcomeLayout?
            var rows: [Int: [[UInt64]]] = [:]
            var delivered: [Int] = []
            var consumedBeforeDelivery = true
            var consumedTwice = 0
        }

        private let state = Mutex(State())

        func prepare(_ layout: OutcomeLayout) { state.withLock { $0.layout = layout } }

        func consume(_ chunk: OutcomeChunk) {
            var rows: [Int: [[UInt64]]] = [:]
            for row in 0..<chunk.count {
                rows[chunk.couples.lowerBound + row] = (0..<chunk.arms).map { arm in
                    chunk.row(row, arm: arm).map(\.bitPattern)
                }
            }
            state.withLock { state in
                for (couple, values) in rows {
                    if state.rows[couple] != nil { state.consumedTwice += 1 }
                    state.rows[couple] = values
                }
            }
        }

        func deliver(chunk index: Int, slot: Int) {
            state.withLock { state in
                guard let layout = state.layout else { return }
                let lower = layout.couples.lowerBound + index * layout.chunkSize
                let couples = lower..<min(layout.couples.upperBound, lower + layout.chunkSize)
                if !couples.allSatisfy({ state.rows[$0] != nil }) { state.consumedBeforeDelivery = false }
                state.delivered.append(index)
            }
        }

        var layout: OutcomeLayout? { state.withLock { $0.layout } }
        var rows: [Int: [[UInt64]]] { state.withLock { $0.rows } }
        var delivered: [Int] { state.withLock { $0.delivered } }
        var consumedBeforeDelivery: Bool { state.withLock { $0.consumedBeforeDelivery } }
        var consumedTwice: Int { state.withLock { $0.consumedTwice } }
    }

    private let arms = [
        Arm(name: "control"),
        Arm(
            name: "validation",
            interventions: [Intervention(kind: .consistentValidation, target: .partnerOfMoreAnxious)]),
        Arm(name: "eft", interventions: [Intervention(kind: .eft, startDay: 10, eligibility: .distressed)]),
    ]

    @Test(
        "a sink receives every couple's row once, chunks delivered in order, the same bits as the collected table",
        arguments: [(1, 1), (2, 7), (3, 64), (2, 4_096)])
    func sinkMatchesTable(threads: Int, chunkSize: Int) throws {
        let configuration = RunConfiguration(
            coupleCount: 300, days: 40, burnInDays: 10, arms: arms,
            runKey: StreamKey.run(seed: 3, pointKey: 0, replicate: 0), coupleRange: 20..<290)
        let table = try Simulator(threads: 2, chunkSize: 64).run(configuration)
        let sink = RecordingSink()
        let totals = try Simulator(threads: threads, chunkSize: chunkSize).run(configuration, sink: sink)
        let layout = try #require(sink.layout)
        #expect(layout.couples == 20..<290 && layout.armNames == arms.map(\.name) && layout.chunkSize == chunkSize)
        #expect(sink.delivered == Array(0..<layout.chunkCount))
        #expect(sink.consumedBeforeDelivery && sink.consumedTwice == 0)
        #expect(totals.isComplete && totals.armNames == arms.map(\.name))
        #expect(totals.daily == table.arms.map(\.daily))
        #expect(totals.episodeTurns == table.episodeTurns && totals.coupleDays == table.coupleDays)
        let rows = sink.rows
        #expect(rows.count == 270)
        for couple in [20, 21, 150, 289] {
            for arm in 0..<arms.count {
                let expected = CoupleOutcomeColumn.allCases.map {
                    table.arms[arm].outcomes.value($0, row: couple - 20).bitPattern
                }
                #expect(rows[couple]?[arm] == expected, "couple \(couple), arm \(arm)")
            }
        }
        let mismatched = (20..<290).filter { couple in
            (0..<arms.count).contains { arm in
                rows[couple]?[arm]
                    != CoupleOutcomeColumn.allCases.map {
                        table.arms[arm].outcomes.value($0, row: couple - 20).bitPattern
                    }
            }
        }
        #expect(mismatched.isEmpty)
    }
}
