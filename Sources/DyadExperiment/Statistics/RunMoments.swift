import DyadCore

/// The statistics a run record keeps, accumulated from the rows while they are produced (an
/// ``OutcomeSink``): per arm the NA-aware mean of every numeric outcome (`runs.csv`), and per
/// non-control arm the paired moments of each ``EffectOutcomes`` column against the control
/// arm over the couples where both values are present (`effects.csv`).
///
/// The numbers are the same bits as ``RunRecord/init(run:result:controlArm:)`` computes from
/// whole tables (two passes with compensated sums, ``Moments/init(of:)``), for any thread
/// count and chunk size: workers copy each chunk's numeric values into its hand-off slot, and
/// the first pass runs in ``deliver(chunk:slot:)``, in couple order. The second pass of the
/// paired moments needs each value again once the means are known: the compared values of
/// every couple go to a ``ValueSpool`` in couple order (8 bytes per compared outcome and arm,
/// kept in memory or a temporary file by the spool) and are replayed in ``summaries()``.
/// With one arm there are no paired moments and nothing is spooled.
public final class RunMoments: OutcomeSink, @unchecked Sendable {
    /// The arm the others are compared with.
    public let controlArm: Int
    private let spool: any ValueSpool
    private var armNames: [String] = []
    /// Raw values of ``CoupleOutcomeColumn/numeric``.
    private let numeric = CoupleOutcomeColumn.numeric.map(\.rawValue)
    /// Positions of ``EffectOutcomes/columns`` within ``CoupleOutcomeColumn/numeric``.
    private let compared = EffectOutcomes.columns.compactMap { CoupleOutcomeColumn.numeric.firstIndex(of: $0) }
    /// Per hand-off slot: the numeric values of the chunk that owns it (row, arm, column).
    private var slots: [SlotValues] = []
    // First pass, touched only in `deliver` (one call at a time, in couple order).
    private var meanSums: [CompensatedSum] = []
    private var meanCounts: [Int] = []
    /// Σd, Σc, Σt of each pair (treatment slot, outcome) at 3·pair + 0, 1, 2.
    private var pairSums: [CompensatedSum] = []
    private var pairCounts: [Int] = []
    /// One couple's compared values, arm by arm (what is spooled).
    private var comparedRow: [Double] = []
    private var rows = 0

    /// `spool` keeps the compared values for the second pass (used when there are two or
    /// more arms).
    public init(controlArm: Int, spool: any ValueSpool = MemoryValueSpool()) {
        self.controlArm = controlArm
        self.spool = spool
    }

    /// A slot's numeric values.
    private final class SlotValues {
        let values: UnsafeMutablePointer<Double>
        var rows = 0

        init(capacity: Int) {
            values = .allocate(capacity: max(1, capacity))
        }

        deinit { values.deallocate() }
    }

    public func prepare(_ layout: OutcomeLayout) {
        armNames = layout.armNames
        precondition(armNames.indices.contains(controlArm), "control arm out of range")
        let arms = armNames.count
        let capacity = min(layout.chunkSize, max(1, layout.couples.count)) * arms * numeric.count
        slots = (0..<layout.slots).map { _ in SlotValues(capacity: capacity) }
        meanSums = Array(repeating: CompensatedSum(), count: arms * numeric.count)
        meanCounts = Array(repeating: 0, count: arms * numeric.count)
        pairSums = Array(repeating: CompensatedSum(), count: 3 * (arms - 1) * compared.count)
        pairCounts = Array(repeating: 0, count: (arms - 1) * compared.count)
        comparedRow = Array(repeating: .nan, count: arms * compared.count)
        rows = 0
    }

    /// Copies the chunk's numeric values into its slot (on the worker).
    public func consume(_ chunk: OutcomeChunk) {
        let slot = slots[chunk.slot]
        let arms = chunk.arms
        let width = numeric.count
        numeric.withUnsafeBufferPointer { numeric in
            for row in 0..<chunk.count {
                for arm in 0..<arms {
                    let values = chunk.row(row, arm: arm)
                    let target = slot.values + (row * arms + arm) * width
                    for (offset, column) in numeric.enumerated() { target[offset] = values[column] }
                }
            }
        }
        slot.rows = chunk.count
    }

    /// The first pass over the slot's rows, in couple order; spools the compared values.
    public func deliver(chunk index: Int, slot: Int) {
        let block = slots[slot]
        let arms = armNames.count
        let width = numeric.count
        let pairs = compared.count
        let control = controlArm
        // Work on local arrays: no exclusivity checks on the class's properties per value.
        var meanSums: [CompensatedSum] = [], meanCounts: [Int] = [], pairSums: [CompensatedSum] = []
        var pairCounts: [Int] = [], comparedRow: [Double] = []
        swap(&meanSums, &self.meanSums)
        swap(&meanCounts, &self.meanCounts)
        swap(&pairSums, &self.pairSums)
        swap(&pairCounts, &self.pairCounts)
        swap(&comparedRow, &self.comparedRow)
        for row in 0..<block.rows {
            let values = block.values + row * arms * width
            for offset in 0..<(arms * width) {
                let value = values[offset]
                guard !value.isNaN else { continue }
                meanSums[offset].add(value)
                meanCounts[offset] += 1
            }
            guard arms > 1 else { continue }
            for arm in 0..<arms {
                for (slotIndex, position) in compared.enumerated() {
                    comparedRow[arm * pairs + slotIndex] = values[arm * width + position]
                }
            }
            comparedRow.withUnsafeBufferPointer { spool.append($0) }
            var treatment = 0
            for arm in 0..<arms where arm != control {
                for outcome in 0..<pairs {
                    let controlValue = comparedRow[control * pairs + outcome]
                    let treatedValue = comparedRow[arm * pairs + outcome]
                    guard !controlValue.isNaN && !treatedValue.isNaN else { continue }
                    let pair = treatment * pairs + outcome
                    pairSums[3 * pair].add(treatedValue - controlValue)
                    pairSums[3 * pair + 1].add(controlValue)
                    pairSums[3 * pair + 2].add(treatedValue)
                    pairCounts[pair] += 1
                }
                treatment += 1
            }
        }
        self.meanSums = meanSums
        self.meanCounts = meanCounts
        self.pairSums = pairSums
        self.pairCounts = pairCounts
        self.comparedRow = comparedRow
        rows += block.rows
    }

    /// The per-arm means (``ArmSummary``, couples = rows delivered) and, per non-control arm in
    /// arm order, the paired moments of each ``EffectOutcomes`` column (second pass over the
    /// spooled values).
    public func summaries() -> (arms: [ArmSummary], effects: [[PairedMoments]]) {
        let arms = armNames.count
        let width = numeric.count
        let summaries = armNames.indices.map { arm in
            ArmSummary(name: armNames[arm], couples: rows, means: (0..<width).map { offset in
                let slot = arm * width + offset
                return meanCounts[slot] > 0 ? meanSums[slot].value / Double(meanCounts[slot]) : .nan
            })
        }
        guard arms > 1 else { return (summaries, []) }
        let pairs = compared.count
        let means = pairCounts.indices.flatMap { pair -> [Double] in
            let count = Double(pairCounts[pair])
            return (0..<3).map { pairSums[3 * pair + $0].value / count }
        }
        var deviations = Array(repeating: CompensatedSum(), count: pairSums.count)
        var row = Array(repeating: Double.nan, count: arms * pairs)
        var position = 0
        spool.replay { block in
            for value in block {
                row[position] = value
                position += 1
                guard position == row.count else { continue }
                position = 0
                var treatment = 0
                for arm in 0..<arms where arm != controlArm {
                    for outcome in 0..<pairs {
                        let control = row[controlArm * pairs + outcome], treated = row[arm * pairs + outcome]
                        guard !control.isNaN && !treated.isNaN else { continue }
                        let pair = treatment * pairs + outcome
                        let difference = treated - control
                        let meanDifference = means[3 * pair], meanControl = means[3 * pair + 1]
                        let meanTreated = means[3 * pair + 2]
                        deviations[3 * pair].add((difference - meanDifference) * (difference - meanDifference))
                        deviations[3 * pair + 1].add((control - meanControl) * (control - meanControl))
                        deviations[3 * pair + 2].add((treated - meanTreated) * (treated - meanTreated))
                    }
                    treatment += 1
                }
            }
        }
        let effects = (0..<(arms - 1)).map { treatment in
            (0..<pairs).map { outcome in
                let pair = treatment * pairs + outcome
                var moments = PairedMoments()
                guard pairCounts[pair] > 0 else { return moments }
                let parts = (0..<3).map {
                    Moments(count: pairCounts[pair], mean: means[3 * pair + $0],
                            squaredDeviations: deviations[3 * pair + $0].value)
                }
                moments.difference = parts[0]
                moments.control = parts[1]
                moments.treatment = parts[2]
                return moments
            }
        }
        return (summaries, effects)
    }
}
