import DyadExperiment
import DyadIO

/// effects.csv of a results folder: the paired difference arm − control of every treatment arm
/// and outcome at every sweep point (exactly one row each).
struct EffectsTable {
    let table: ResultsTable
    let points: Int
    let arms: [String]
    /// Outcomes with rows, in file order.
    let outcomes: [String]
    /// rowOf[outcome][(point · arms + arm)]: the table row.
    private let rowOf: [String: [Int]]
    private let differenceColumn: Int

    init(directory: String, points: Int, arms: [String]) throws(AnalysisError) {
        table = try ResultsTable.read(directory + "/" + OutputFile.effects.rawValue, what: "the paired effects")
        self.points = points
        self.arms = arms
        let pointColumn = try table.column("sweep_point"), armColumn = try table.column("arm")
        let outcomeColumn = try table.column("outcome")
        differenceColumn = try table.column("difference")
        var rowOf: [String: [Int]] = [:]
        var outcomes: [String] = []
        for row in table.rows.indices {
            let point = try table.integer(row, pointColumn, in: 0..<points)
            let armName = String(table.rows[row][armColumn])
            guard let arm = arms.firstIndex(of: armName) else {
                throw .invalid(
                    "\(table.path): line \(row + 2): arm \"\(EscapedText.excerpt(armName))\" is not a "
                        + "treatment arm of the manifest's scenario (allowed \(arms.joined(separator: ", ")))")
            }
            let outcome = String(table.rows[row][outcomeColumn])
            if rowOf[outcome] == nil {
                rowOf[outcome] = [Int](repeating: -1, count: points * arms.count)
                outcomes.append(outcome)
            }
            let slot = point * arms.count + arm
            guard rowOf[outcome]?[slot] == -1 else {
                throw .invalid(
                    "\(table.path): line \(row + 2) repeats sweep_point \(point), arm \(armName), "
                        + "outcome \(EscapedText.excerpt(outcome))")
            }
            rowOf[outcome]?[slot] = row
        }
        for outcome in outcomes {
            if let missing = rowOf[outcome]?.firstIndex(of: -1) {
                throw .invalid(
                    "\(table.path): no row for sweep_point \(missing / arms.count), arm "
                        + "\(arms[missing % arms.count]), outcome \(outcome) (allowed a complete output)")
            }
        }
        self.outcomes = outcomes
        self.rowOf = rowOf
    }

    /// The paired difference of `outcome` for `arm` at every point (NaN for NA).
    func values(outcome: String, arm: String) throws(AnalysisError) -> [Double] {
        guard let rows = rowOf[outcome], let armIndex = arms.firstIndex(of: arm) else { return [] }
        var values: [Double] = []
        values.reserveCapacity(points)
        for point in 0..<points {
            values.append(try table.number(rows[point * arms.count + armIndex], differenceColumn))
        }
        return values
    }
}
