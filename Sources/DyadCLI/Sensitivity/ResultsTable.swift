import DyadExperiment
import DyadIO

/// A comma-separated output file of DyadSim (no quoting: labels are plain words), read whole:
/// its header and the fields of every data line.
struct ResultsTable {
    /// The file's path, for messages.
    let path: String
    /// Column names from the header line.
    let columns: [String]
    /// Fields of every non-empty data line, in file order.
    let rows: [[Substring]]

    /// Reads `path` (a regular file of at most 4 GiB); every data line must have one field per
    /// column. A missing file is invalid data (exit 65), a failed read an I/O error (exit 74).
    static func read(_ path: String, what: String) throws(AnalysisError) -> ResultsTable {
        guard Files.exists(path) else {
            throw .invalid("\(path) is missing (\(what); an incomplete DyadSim output?)")
        }
        let text: String
        do {
            text = try Files.read(path, limit: 4 << 30)
        } catch {
            throw .inputOutput(error.message)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first else { throw .invalid("\(path) is empty (no header line)") }
        let columns = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        lines.removeFirst()
        var rows: [[Substring]] = []
        rows.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == columns.count else {
                throw .invalid(
                    "\(path): line \(index + 2) has \(fields.count) fields "
                        + "(allowed \(columns.count), one per column)")
            }
            rows.append(fields)
        }
        return ResultsTable(path: path, columns: columns, rows: rows)
    }

    /// The position of column `name`; invalid data when the file lacks it.
    func column(_ name: String) throws(AnalysisError) -> Int {
        guard let index = columns.firstIndex(of: name) else {
            throw .invalid(
                "\(path): no column \"\(name)\" (not a DyadSim \(path.split(separator: "/").last ?? "") file?)")
        }
        return index
    }

    /// A whole number in `range` from row `row`, column `column`.
    func integer(_ row: Int, _ column: Int, in range: Range<Int>) throws(AnalysisError) -> Int {
        let field = rows[row][column]
        guard let value = Int(field), range.contains(value) else {
            throw .invalid(
                "\(path): line \(row + 2): \(columns[column]) \"\(EscapedText.excerpt(String(field)))\""
                    + " is not a whole number in \(range.lowerBound)...\(max(range.lowerBound, range.upperBound - 1))")
        }
        return value
    }

    /// A number from row `row`, column `column`: `NA` is NaN; anything else must be a decimal number.
    func number(_ row: Int, _ column: Int) throws(AnalysisError) -> Double {
        let field = rows[row][column]
        if field == "NA" { return .nan }
        guard let value = Double(field) else {
            throw .invalid(
                "\(path): line \(row + 2): \(columns[column]) \"\(EscapedText.excerpt(String(field)))\" is not a number"
            )
        }
        return value
    }
}
