import DyadCore
import DyadExperiment

/// Builds CSV lines: `,` separator, `.` decimal point, shortest round-trip numbers, `NA` for
/// missing values, no quoting needed (labels are plain words).
struct CSVLine {
    private(set) var bytes: [UInt8] = []
    private var fieldCount = 0

    init() { bytes.reserveCapacity(1024) }

    private mutating func separate() {
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldCount += 1
    }

    mutating func append(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ value: Int) {
        append(String(value))
    }

    /// A real value (NA for NaN).
    mutating func append(real value: Double) {
        append(NumberText.shortest(value))
    }

    /// A count (NA for NaN).
    mutating func append(count value: Double) {
        append(value.isNaN ? "NA" : String(Int64(value)))
    }

    /// A value of a column kind; labels need their names.
    mutating func append(_ value: Double, kind: ColumnKind, labels: [String]) {
        switch kind {
        case .real: append(real: value)
        case .count: append(count: value)
        case .label:
            let index = Int(value.isNaN ? -1 : value)
            append(labels.indices.contains(index) ? labels[index] : "NA")
        }
    }

    mutating func finish() {
        bytes.append(UInt8(ascii: "\n"))
    }

    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        fieldCount = 0
    }
}
