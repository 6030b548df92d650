import DyadCore
import Foundation
import DyadExperiment

/// Builds CSV lines: `,` separator, `.` decimal point, shortest round-trip numbers, `NA` for
/// missing values, no quoting needed (labels are plain words). Integers are written digit by
/// digit without creating strings.
struct CSVLine {
    private(set) var bytes: [UInt8] = []
    private var fieldCount = 0

    init() { bytes.reserveCapacity(2048) }

    private mutating func separate() {
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldCount += 1
    }

    mutating func append(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    /// Raw bytes of a field (e.g. a pre-encoded label).
    mutating func append(bytes field: [UInt8]) {
        separate()
        bytes.append(contentsOf: field)
    }

    mutating func append(_ value: Int) {
        separate()
        appendDigits(value)
    }

    private mutating func appendDigits(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendDigits(-value)
            return
        }
        if value >= 10 { appendDigits(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    private static let notAvailable: [UInt8] = Array("NA".utf8)

    /// A real value: shortest round-trip text, whole numbers without a point, NA for NaN.
    mutating func append(real value: Double) {
        separate()
        if value.isNaN {
            bytes.append(contentsOf: Self.notAvailable)
        } else if value == value.rounded(), value.magnitude < 0x1p53 {
            appendDigits(Int(value))
        } else {
            bytes.append(contentsOf: value.description.utf8)
        }
    }

    /// A count (NA for NaN).
    mutating func append(count value: Double) {
        separate()
        if value.isNaN { bytes.append(contentsOf: Self.notAvailable) } else { appendDigits(Int(value)) }
    }

    /// A label from pre-encoded names by index (NA when out of range).
    mutating func append(label index: Double, names: [[UInt8]]) {
        separate()
        let position = index.isNaN ? -1 : Int(index)
        bytes.append(contentsOf: names.indices.contains(position) ? names[position] : Self.notAvailable)
    }

    /// A value of a column kind; labels need their names.
    mutating func append(_ value: Double, kind: ColumnKind, labels: [String]) {
        switch kind {
        case .real: append(real: value)
        case .count: append(count: value)
        case .label: append(label: value, names: labels.map { Array($0.utf8) })
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
