import DyadCore

/// The statistics a run record keeps, accumulated from the rows while they are produced (an
/// ``OutcomeSink``): per arm the NA-aware mean of every outcome of ``OutcomeSelection/means``
/// (`runs.csv`), and per non-control arm the paired moments of each outcome of
/// ``OutcomeSelection/compared`` against the control arm over the couples where both values are
/// present (`effects.csv`).
///
/// The numbers are the same bits as ``RunRecord/init(run:result:controlArm:)`` computes from
/// whole tables (two passes with Neumaier sums, ``Moments/init(of:)``), for any thread count
/// and chunk size: workers copy each chunk's values into its hand-off slot, and the first
/// pass runs in ``deliver(chunk:slot:)``, in couple order. The second pass of the paired
/// moments needs each value again once the means are known: the compared values of every
/// couple go to a ``ValueSpool`` in couple order (8 bytes per compared outcome and arm, kept
/// in memory or in a temporary file by the spool) and are replayed in ``summaries()``. With
/// one arm there are no paired moments and nothing is spooled. Cost per couple: one
/// compensated addition per numeric value and arm, six per pair.
public final class RunMoments: OutcomeSink, @unchecked Sendable {
    /// The arm the others are compared with.
    public let controlArm: Int
    private let spool: any ValueSpool
    private var armNames: [String] = []
    /// Row positions (``SummarisedOutcome/rowIndex``) of the outcomes averaged per arm.
    private let numeric: [Int]
    /// Row positions of the outcomes compared between arms.
    private let compared: [Int]
    /// Per hand-off slot: the values of the chunk that owns it.
    private var slots: [SlotValues] = []
    /// First-pass sums (touched only in `deliver`, one call at a time, in couple order): the
    /// mean of arm a and numeric column j at a·numeric + j.
    private var means = CompensatedSums(count: 0)
    /// Σd, Σc, Σt of each pair (treatment slot s, compared outcome k; pair = s·compared + k) at
    /// 3·pair + 0, 1, 2.
    private var pairs = CompensatedSums(count: 0)
    private var rows = 0

    /// `spool` keeps the compared values for the second pass (used when there are two or
    /// more arms); `outcomes` must match the rows (measured outcomes only with measured scores).
    public init(
        controlArm: Int, spool: any ValueSpool = MemoryValueSpool(), outcomes: OutcomeSelection = .trueScores
    ) {
        self.controlArm = controlArm
        self.spool = spool
        numeric = outcomes.means.map(\.rowIndex)
        compared = outcomes.compared.map(\.rowIndex)
    }

    /// A slot's values: numeric (row, arm, numeric column) and compared (row, arm, compared
    /// column, the spooled layout).
    private final class SlotValues {
        let numeric: UnsafeMutablePointer<Double>
        let compared: UnsafeMutablePointer<Double>
        var rows = 0

        init(numeric: Int, compared: Int) {
            self.numeric = .allocate(capacity: max(1, numeric))
            self.compared = .allocate(capacity: max(1, compared))
        }

        deinit {
            numeric.deallocate()
            compared.deallocate()
        }
    }

    /// Sizes the slots and the run sums for `layout` (arms, chunk size, hand-off slots).
    public func prepare(_ layout: OutcomeLayout) {
        armNames = layout.armNames
        precondition(armNames.indices.contains(controlArm), "control arm out of range")
        let arms = armNames.count
        let rows = min(layout.chunkSize, max(1, layout.couples.count))
        slots = (0..<layout.slots).map { _ in
            SlotValues(numeric: rows * arms * numeric.count, compared: arms > 1 ? rows * arms * compared.count : 0)
        }
        means = CompensatedSums(count: arms * numeric.count)
        pairs = CompensatedSums(count: 3 * (arms - 1) * compared.count)
        self.rows = 0
    }

    /// Copies the chunk's values into its slot (on the worker).
    public func consume(_ chunk: OutcomeChunk) {
        let slot = slots[chunk.slot]
        let arms = chunk.arms
        numeric.withUnsafeBufferPointer { numeric in
            compared.withUnsafeBufferPointer { compared in
                var numericTarget = slot.numeric, comparedTarget = slot.compared
                for row in 0..<chunk.count {
                    for arm in 0..<arms {
                        // NaN for a position the row lacks (measured outcomes of rows without them).
                        let values = chunk.values(row, arm: arm)
                        for column in numeric {
                            numericTarget.pointee = column < values.count ? values[column] : .nan
                            numericTarget += 1
                        }
                        guard arms > 1 else { continue }
                        for column in compared {
                            comparedTarget.pointee = column < values.count ? values[column] : .nan
                            comparedTarget += 1
                        }
                    }
                }
            }
        }
        slot.rows = chunk.count
    }

    /// The first pass over the slot's rows, in couple order; spools the compared values.
    public func deliver(chunk index: Int, slot: Int) {
        let block = slots[slot]
        let arms = armNames.count
        let means = self.means
        let meanValues = arms * numeric.count
        for row in 0..<block.rows {
            let values = block.numeric + row * meanValues
            for offset in 0..<meanValues where !values[offset].isNaN { means.add(values[offset], at: offset) }
        }
        rows += block.rows
        guard arms > 1 else { return }
        let width = compared.count
        spool.append(UnsafeBufferPointer(start: block.compared, count: block.rows * arms * width))
        let pairs = self.pairs
        for row in 0..<block.rows {
            let values = block.compared + row * arms * width
            let control = values + controlArm * width
            var treatment = 0
            for arm in 0..<arms where arm != controlArm {
                let treated = values + arm * width
                for outcome in 0..<width {
                    let controlValue = control[outcome], treatedValue = treated[outcome]
                    guard !controlValue.isNaN && !treatedValue.isNaN else { continue }
                    let pair = treatment * width + outcome
                    let difference = treatedValue - controlValue
                    if !difference.isNaN { pairs.add(difference, at: 3 * pair) }
                    pairs.add(controlValue, at: 3 * pair + 1)
                    pairs.add(treatedValue, at: 3 * pair + 2)
                }
                treatment += 1
            }
        }
    }

    /// The per-arm means (``ArmSummary``, couples = rows delivered) and, per non-control arm in
    /// arm order, the paired moments of each ``EffectOutcomes`` column (second pass over the
    /// spooled values).
    public func summaries() -> (arms: [ArmSummary], effects: [[PairedMoments]]) {
        let arms = armNames.count
        let numericCount = numeric.count
        let summaries = armNames.indices.map { arm in
            ArmSummary(
                name: armNames[arm], couples: rows,
                means: (0..<numericCount).map { column in
                    means.mean(at: arm * numericCount + column)
                })
        }
        guard arms > 1 else { return (summaries, []) }
        let width = compared.count
        let pairCount = (arms - 1) * width
        let centres = (0..<(3 * pairCount)).map { pairs.mean(at: $0) }
        let deviations = CompensatedSums(count: 3 * pairCount)
        let control = controlArm
        centres.withUnsafeBufferPointer { centres in
            // One couple's compared values, arm by arm.
            func accumulate(_ values: UnsafePointer<Double>) {
                let controlValues = values + control * width
                var treatment = 0
                for arm in 0..<arms where arm != control {
                    let treated = values + arm * width
                    for outcome in 0..<width {
                        let controlValue = controlValues[outcome], treatedValue = treated[outcome]
                        guard !controlValue.isNaN && !treatedValue.isNaN else { continue }
                        let slot = 3 * (treatment * width + outcome)
                        let difference = treatedValue - controlValue
                        let meanDifference = centres[slot], meanControl = centres[slot + 1]
                        let meanTreated = centres[slot + 2]
                        if !difference.isNaN {
                            deviations.add((difference - meanDifference) * (difference - meanDifference), at: slot)
                        }
                        deviations.add((controlValue - meanControl) * (controlValue - meanControl), at: slot + 1)
                        deviations.add((treatedValue - meanTreated) * (treatedValue - meanTreated), at: slot + 2)
                    }
                    treatment += 1
                }
            }
            let rowWidth = arms * width
            let partial = UnsafeMutablePointer<Double>.allocate(capacity: rowWidth)
            defer { partial.deallocate() }
            var carried = 0
            spool.replay { block in
                guard let base = block.baseAddress else { return }
                var index = 0
                if carried > 0 {
                    let taken = min(rowWidth - carried, block.count)
                    (partial + carried).update(from: base, count: taken)
                    carried += taken
                    index = taken
                    guard carried == rowWidth else { return }
                    accumulate(partial)
                    carried = 0
                }
                while index + rowWidth <= block.count {
                    accumulate(base + index)
                    index += rowWidth
                }
                carried = block.count - index
                partial.update(from: base + index, count: carried)
            }
        }
        let effects = (0..<(arms - 1)).map { treatment in
            (0..<width).map { outcome in
                let slot = 3 * (treatment * width + outcome)
                var moments = PairedMoments()
                moments.difference = pairs.moments(at: slot, deviations: deviations)
                moments.control = pairs.moments(at: slot + 1, deviations: deviations)
                moments.treatment = pairs.moments(at: slot + 2, deviations: deviations)
                return moments
            }
        }
        return (summaries, effects)
    }
}

/// Neumaier sums and counts in struct-of-arrays form: each sum is the arithmetic of
/// ``CompensatedSum`` (the same bits), without per-value array bookkeeping.
private final class CompensatedSums {
    let count: Int
    private let sums: UnsafeMutablePointer<Double>
    private let compensations: UnsafeMutablePointer<Double>
    private let counts: UnsafeMutablePointer<Int>

    init(count: Int) {
        self.count = count
        sums = .allocate(capacity: max(1, count))
        sums.initialize(repeating: 0, count: max(1, count))
        compensations = .allocate(capacity: max(1, count))
        compensations.initialize(repeating: 0, count: max(1, count))
        counts = .allocate(capacity: max(1, count))
        counts.initialize(repeating: 0, count: max(1, count))
    }

    deinit {
        sums.deallocate()
        compensations.deallocate()
        counts.deallocate()
    }

    /// Adds a value to sum `index` (``CompensatedSum/add(_:)``) and counts it.
    func add(_ value: Double, at index: Int) {
        let sum = sums[index]
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensations[index] += (sum - total) + value
        } else {
            compensations[index] += (value - total) + sum
        }
        sums[index] = total
        counts[index] += 1
    }

    /// Σ/n as ``Moments/init(of:)`` computes it; NaN when nothing was added.
    func mean(at index: Int) -> Double {
        counts[index] > 0 ? (sums[index] + compensations[index]) / Double(counts[index]) : .nan
    }

    /// Moments of the values of sum `index` whose squared deviations are sum `index` of
    /// `deviations` (``Moments/init(of:)``'s second pass); empty when nothing was added.
    func moments(at index: Int, deviations: CompensatedSums) -> Moments {
        guard counts[index] > 0 else { return Moments() }
        return Moments(
            count: counts[index], mean: mean(at: index),
            squaredDeviations: deviations.sums[index] + deviations.compensations[index])
    }
}
