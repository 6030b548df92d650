import DyadCore
import DyadExperiment
import Foundation

/// Builds CSV lines: `,` separator, `.` decimal point, shortest round-trip numbers, `NA` for
/// missing values, no quoting needed (labels are plain words). Numbers are written straight
/// into the line's storage (`ShortestDecimal`), without creating strings.
struct CSVLine {
    /// Zero-filled storage; the line is its first `count` bytes. Grows by doubling, so that
    /// room for one more number (`ShortestDecimal.capacity` bytes) is always there.
    private var storage = [UInt8](repeating: 0, count: 2048)
    private var count = 0
    private var fieldCount = 0

    init() {}

    /// The line so far.
    var bytes: ArraySlice<UInt8> { storage[..<count] }

    private mutating func separate() {
        reserve(ShortestDecimal.capacity + 1)
        if fieldCount > 0 {
            storage[count] = UInt8(ascii: ",")
            count += 1
        }
        fieldCount += 1
    }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to minimum: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(storage.count, minimum - storage.count)))
    }

    private mutating func appendRaw(_ field: String.UTF8View) {
        reserve(field.count)
        for byte in field {
            storage[count] = byte
            count += 1
        }
    }

    private mutating func appendRaw(_ field: [UInt8]) {
        reserve(field.count)
        let start = count
        storage.withUnsafeMutableBufferPointer { target in
            field.withUnsafeBufferPointer { source in
                guard let targetBase = target.baseAddress, let sourceBase = source.baseAddress else { return }
                (targetBase + start).update(from: sourceBase, count: source.count)
            }
        }
        count += field.count
    }

    mutating func append(_ text: String) {
        separate()
        appendRaw(text.utf8)
    }

    /// Raw bytes of a field (e.g. a pre-encoded label).
    mutating func append(bytes field: [UInt8]) {
        separate()
        appendRaw(field)
    }

    mutating func append(_ value: Int) {
        separate()
        appendDigits(value)
    }

    private mutating func appendDigits(_ value: Int) {
        if value < 0 {
            storage[count] = UInt8(ascii: "-")
            count += 1
            appendDigits(-value)
            return
        }
        if value >= 10 { appendDigits(value / 10) }
        storage[count] = UInt8(ascii: "0") + UInt8(value % 10)
        count += 1
    }

    private static let notAvailable: [UInt8] = Array("NA".utf8)

    /// A real value: shortest round-trip text, whole numbers below 2⁵³ without a point, NA
    /// for NaN (`ShortestDecimal.write`).
    mutating func append(real value: Double) {
        separate()
        let start = count
        count += storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            return ShortestDecimal.write(value, to: base + start)
        }
    }

    /// A count (NA for NaN).
    mutating func append(count value: Double) {
        separate()
        if value.isNaN { appendRaw(Self.notAvailable) } else { appendDigits(Int(value)) }
    }

    /// A label from pre-encoded names by index (NA when out of range).
    mutating func append(label index: Double, names: [[UInt8]]) {
        separate()
        let position = index.isNaN ? -1 : Int(index)
        appendRaw(names.indices.contains(position) ? names[position] : Self.notAvailable)
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
        reserve(1)
        storage[count] = UInt8(ascii: "\n")
        count += 1
    }

    mutating func reset() {
        count = 0
        fieldCount = 0
    }
}
