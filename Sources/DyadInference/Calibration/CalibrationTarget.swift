import DyadCore
import DyadExperiment

/// One observed statistic of a calibration: what is measured in each simulation
/// (``CalibrationStatistic``, in which arm, over which couples), its observed value and its sd.
public struct CalibrationTarget: Sendable, Hashable {
    /// A restriction of the couples a statistic is taken over: the row's `column` equals `value`
    /// (a number, or a label's code: ``AttachmentStyle`` raw value or prototype index).
    public struct RowFilter: Sendable, Hashable {
        /// The couples.csv column tested.
        public let column: CoupleOutcomeColumn
        /// The value it must equal (NA never matches).
        public let value: Double

        /// A filter `column == value`.
        public init(column: CoupleOutcomeColumn, value: Double) {
            self.column = column
            self.value = value
        }
    }

    /// The target's name: its column in `posterior.csv` and `simulations.csv`.
    public let name: String
    /// What is measured.
    public let statistic: CalibrationStatistic
    /// The arm measured (index into the scenario's arms); for effects the treatment arm.
    public let arm: Int
    /// All must hold for a couple to count; for effects they are tested on the control arm's row.
    public let filters: [RowFilter]
    /// s_obs, the observed value.
    public let observed: Double
    /// sd > 0, the unit of this target in the distance.
    public let scale: Double

    /// A target.
    public init(
        name: String, statistic: CalibrationStatistic, arm: Int, filters: [RowFilter] = [], observed: Double,
        scale: Double
    ) {
        self.name = name
        self.statistic = statistic
        self.arm = arm
        self.filters = filters
        self.observed = observed
        self.scale = scale
    }

    /// The kernel's view of the target: name, observed value and scale.
    public var problemTarget: CalibrationProblem.Target {
        CalibrationProblem.Target(name: name, observed: observed, scale: scale)
    }

    /// The statistic in one run's result (`controlArm` indexes the control arm); NaN when it is
    /// undefined (no couple left, no variance, …), which makes the simulation a failed one.
    public func value(in result: RunResult, controlArm: Int) -> Double {
        switch statistic {
        case .daily(let column, let day):
            let rows = result.arms[arm].daily.rows()
            return rows.indices.contains(day) ? rows[day][column] : .nan
        case .effectD(let outcome), .effectDifference(let outcome):
            let control = result.arms[controlArm].outcomes
            let treated = result.arms[arm].outcomes
            let rows = selectedRows(control)
            let moments = PairedMoments(
                control: ArraySlice(rows.map { control.value(outcome, row: $0) }),
                treatment: ArraySlice(rows.map { treated.value(outcome, row: $0) }))
            if case .effectD = statistic { return moments.cohensD }
            return moments.difference.meanOrMissing
        default:
            return columnStatistic(result.arms[arm].outcomes)
        }
    }

    private func columnStatistic(_ table: CoupleOutcomeTable) -> Double {
        let rows = selectedRows(table)
        func values(_ column: SummarisedOutcome) -> [Double] {
            rows.compactMap { row in
                let value = table.value(column, row: row)
                return value.isNaN ? nil : value
            }
        }
        switch statistic {
        case .mean(let column): return Moments(of: values(column)).meanOrMissing
        case .standardDeviation(let column): return Moments(of: values(column)).standardDeviation
        case .share(let column, let code):
            let present = values(column)
            guard !present.isEmpty else { return .nan }
            return Double(present.count(where: { $0 == code })) / Double(present.count)
        case .quantile(let column, let probability):
            return Quantile.type7(sorted: values(column).sorted(), probability)
        case .correlation(let first, let second):
            var xs: [Double] = [], ys: [Double] = []
            for row in rows {
                let x = table.value(first, row: row), y = table.value(second, row: row)
                if !x.isNaN && !y.isNaN {
                    xs.append(x)
                    ys.append(y)
                }
            }
            return Self.pearson(xs, ys)
        case .effectD, .effectDifference, .daily:
            return .nan
        }
    }

    /// The rows of `table` that pass every filter, in couple order.
    private func selectedRows(_ table: CoupleOutcomeTable) -> [Int] {
        guard !filters.isEmpty else { return Array(0..<table.count) }
        return (0..<table.count).filter { row in
            filters.allSatisfy { table.value($0.column, row: row) == $0.value }
        }
    }

    /// r = Σ(x − x̄)(y − ȳ)/√(Σ(x − x̄)² Σ(y − ȳ)²), two passes with compensated sums; NaN below
    /// two pairs or without variance.
    static func pearson(_ xs: [Double], _ ys: [Double]) -> Double {
        guard xs.count >= 2 else { return .nan }
        let meanX = Moments(of: xs).mean, meanY = Moments(of: ys).mean
        var products = CompensatedSum(), squaresX = CompensatedSum(), squaresY = CompensatedSum()
        for (x, y) in zip(xs, ys) {
            products.add((x - meanX) * (y - meanY))
            squaresX.add((x - meanX) * (x - meanX))
            squaresY.add((y - meanY) * (y - meanY))
        }
        let denominator = (squaresX.value * squaresY.value).squareRoot()
        return denominator > 0 ? products.value / denominator : .nan
    }
}
