import DyadExperiment
import DyadIO

/// runs.csv of a results folder, indexed by (sweep point, replicate, arm): exactly one row each.
struct RunsTable {
    let table: ResultsTable
    let points: Int
    let replicates: Int
    let arms: [String]
    /// Outcomes with a `<name>_mean` column.
    let outcomes: [String]
    /// rowOf[(point · replicates + replicate) · arms + arm]: the table row.
    private let rowOf: [Int]

    init(directory: String, points: Int, replicates: Int, arms: [String]) throws(AnalysisError) {
        table = try ResultsTable.read(directory + "/" + OutputFile.runs.rawValue, what: "the run means")
        self.points = points
        self.replicates = replicates
        self.arms = arms
        outcomes = table.columns.filter { $0.hasSuffix("_mean") }.map { String($0.dropLast(5)) }
        let pointColumn = try table.column("sweep_point"), replicateColumn = try table.column("replicate")
        let armColumn = try table.column("arm")
        var rowOf = [Int](repeating: -1, count: points * replicates * arms.count)
        for row in table.rows.indices {
            let point = try table.integer(row, pointColumn, in: 0..<points)
            let replicate = try table.integer(row, replicateColumn, in: 0..<replicates)
            let armName = String(table.rows[row][armColumn])
            guard let arm = arms.firstIndex(of: armName) else {
                throw .invalid(
                    "\(table.path): line \(row + 2): arm \"\(EscapedText.excerpt(armName))\" is not an arm "
                        + "of the manifest's scenario (allowed \(arms.joined(separator: ", ")))")
            }
            let slot = (point * replicates + replicate) * arms.count + arm
            guard rowOf[slot] < 0 else {
                throw .invalid(
                    "\(table.path): line \(row + 2) repeats sweep_point \(point), replicate \(replicate), "
                        + "arm \(armName)")
            }
            rowOf[slot] = row
        }
        if let missing = rowOf.firstIndex(of: -1) {
            let arm = missing % arms.count, run = missing / arms.count
            throw .invalid(
                "\(table.path): no row for sweep_point \(run / replicates), replicate \(run % replicates), "
                    + "arm \(arms[arm]) (allowed a complete output: one row per point, replicate and arm)")
        }
        self.rowOf = rowOf
    }

    /// values[point][replicate] of `outcome`'s run mean in `arm` (NaN for NA).
    func values(outcome: String, arm: String) throws(AnalysisError) -> [[Double]] {
        let column = try table.column(outcome + "_mean")
        guard let armIndex = arms.firstIndex(of: arm) else { return [] }
        var values: [[Double]] = []
        values.reserveCapacity(points)
        for point in 0..<points {
            var row: [Double] = []
            for replicate in 0..<replicates {
                row.append(try table.number(rowOf[(point * replicates + replicate) * arms.count + armIndex], column))
            }
            values.append(row)
        }
        return values
    }
}
