import DyadExperiment

/// The columns of a DyadSim CSV file that a figure needs, read in one streaming pass.
///
/// Only the requested columns are kept, and only the rows whose `filter` column equals the
/// filter value (e.g. one sweep point of a large `couples.csv`), so memory grows with the rows
/// kept, not with the file. Files have a header line, `,` separators, no quoting and `NA` for
/// missing values (docs/model.md §9.1). Reading is O(file size).
struct ReportTable {
    /// The file read.
    let path: String
    /// All column names of the header line, in file order.
    let header: [String]
    /// Rows kept.
    private(set) var rowCount = 0
    private var numberColumns: [String: [Double]] = [:]
    private var labelColumns: [String: [String]] = [:]

    /// Values of a requested numeric column (NaN for `NA`).
    func numbers(_ name: String) -> [Double] {
        guard let values = numberColumns[name] else { preconditionFailure("column \(name) was not requested") }
        return values
    }

    /// Values of a requested label column.
    func labels(_ name: String) -> [String] {
        guard let values = labelColumns[name] else { preconditionFailure("column \(name) was not requested") }
        return values
    }

    /// Reads `numbers` and `labels` columns of the file at `path`, keeping rows whose numeric column
    /// `filter.column` equals `filter.value`; `optional` names columns that may be absent (they
    /// read as all-NaN numbers).
    static func read(
        _ path: String, numbers: [String], labels: [String] = [], optional: Set<String> = [],
        filter: (column: String, value: Double)? = nil
    ) throws(ReportError) -> ReportTable {
        let keeping = filter.map { (column: $0.column, values: Set([$0.value])) }
        return try read(path, numbers: numbers, labels: labels, optional: optional, keeping: keeping)
    }

    /// Reads like ``read(_:numbers:labels:optional:filter:)``, keeping rows whose numeric column
    /// `keeping.column` is one of `keeping.values` (e.g. the sweep points a report shows).
    static func read(
        _ path: String, numbers: [String], labels: [String] = [], optional: Set<String> = [],
        keeping filter: (column: String, values: Set<Double>)?
    ) throws(ReportError) -> ReportTable {
        var reader = try ReportLineReader(path: path)
        defer { reader.release() }
        guard let headerLine = try reader.nextLine() else {
            throw .invalid("\(path): the file is empty (no header line)")
        }
        let header = String(decoding: headerLine, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
            .map(String.init)
        var table = ReportTable(path: path, header: header)
        func index(of name: String) throws(ReportError) -> Int? {
            if let index = header.firstIndex(of: name) { return index }
            if optional.contains(name) { return nil }
            throw .invalid("\(path): no column \"\(name)\" in the header (not a DyadSim output file?)")
        }
        var numberIndices: [(name: String, index: Int?)] = []
        for name in numbers { numberIndices.append((name, try index(of: name))) }
        var labelIndices: [(name: String, index: Int)] = []
        for name in labels {
            guard let position = try index(of: name) else { continue }
            labelIndices.append((name, position))
        }
        let filterIndex = try filter.map { filter throws(ReportError) in try index(of: filter.column) } ?? nil
        var numberValues = Array(repeating: [Double](), count: numberIndices.count)
        var labelValues = Array(repeating: [String](), count: labelIndices.count)
        var fields: [Range<Int>] = []
        fields.reserveCapacity(header.count)
        while let line = try reader.nextLine() {
            if line.isEmpty { continue }
            let lineNumber = reader.lineNumber
            ReportLineReader.split(line, into: &fields)
            guard fields.count == header.count else {
                throw .invalid("\(path): line \(lineNumber) has \(fields.count) fields, the header has \(header.count)")
            }
            func number(_ column: Int, _ name: String) throws(ReportError) -> Double {
                let range = fields[column]
                if let value = ReportNumberField.parse(line, range) { return value }
                let text = String(decoding: line[range].prefix(200), as: UTF8.self)
                throw .invalid(
                    "\(path): line \(lineNumber), column \(name): \"\(EscapedText.excerpt(text))\" is not a number")
            }
            if let filter, let filterIndex, try !filter.values.contains(number(filterIndex, filter.column)) { continue }
            for (slot, column) in numberIndices.enumerated() {
                numberValues[slot].append(
                    try column.index.map { index throws(ReportError) in try number(index, column.name) } ?? .nan)
            }
            for (slot, column) in labelIndices.enumerated() {
                labelValues[slot].append(String(decoding: line[fields[column.index]], as: UTF8.self))
            }
            table.rowCount += 1
        }
        for (slot, column) in numberIndices.enumerated() { table.numberColumns[column.name] = numberValues[slot] }
        for (slot, column) in labelIndices.enumerated() { table.labelColumns[column.name] = labelValues[slot] }
        for name in labels where table.labelColumns[name] == nil {
            table.labelColumns[name] = Array(repeating: "NA", count: table.rowCount)
        }
        return table
    }

    /// The rows whose numeric column `column` (one that was read) equals `value`.
    func rows(where column: String, equals value: Double) -> ReportTable {
        let keys = numbers(column)
        let kept = keys.indices.filter { keys[$0] == value }
        var subset = ReportTable(path: path, header: header)
        subset.rowCount = kept.count
        for (name, values) in numberColumns { subset.numberColumns[name] = kept.map { values[$0] } }
        for (name, values) in labelColumns { subset.labelColumns[name] = kept.map { values[$0] } }
        return subset
    }

    private init(path: String, header: [String]) {
        self.path = path
        self.header = header
    }
}
