import DyadCore
import DyadExperiment

/// Formats the rows one couple contributes to a streamed row file (couples.csv: one row,
/// partners.csv: two) straight into memory, for a ``CoupleRowsSink``.
protocol RowEncoding {
    /// The most bytes one couple's rows can take.
    var maximumBytesPerCouple: Int { get }
    /// Rows written per couple.
    var rowsPerCouple: Int { get }
    /// Writes the rows of `couple` in `arm` from its couples.csv `values` (``CoupleOutcomeColumn``
    /// order) and `measured` values (``MeasuredColumn`` order, empty without a measurement section)
    /// at `destination` (room for ``maximumBytesPerCouple``); returns the bytes written.
    func write(
        arm: Int, couple: Int, values: UnsafeBufferPointer<Double>, measured: UnsafeBufferPointer<Double>,
        to destination: UnsafeMutablePointer<UInt8>
    ) -> Int
}

/// Raw field writing shared by the row encoders.
enum RowBytesWriting {
    static let notAvailable: [UInt8] = Array("NA".utf8)

    /// Copies `bytes` to `position` and advances it.
    @inline(__always)
    static func copy(_ bytes: [UInt8], to position: inout UnsafeMutablePointer<UInt8>) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            position.update(from: base, count: buffer.count)
        }
        position += bytes.count
    }

    /// A real or a count: small whole numbers (most counts) by a digit loop, the rest by
    /// `ShortestDecimal` (whose text for whole numbers is the same digits).
    static func writeNumber(_ value: Double, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        guard value >= 0, value < 100_000, let whole = UInt32(exactly: value) else {
            return ShortestDecimal.write(value, to: destination)
        }
        var digits = whole
        var length = 1
        var scale: UInt32 = 10
        while digits >= scale {
            length += 1
            scale *= 10
        }
        for index in stride(from: length - 1, through: 0, by: -1) {
            destination[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: digits % 10)
            digits /= 10
        }
        return length
    }

    /// The name of code `value` among `names`, NA when it is not one.
    @inline(__always)
    static func label(_ value: Double, among names: [[UInt8]]) -> [UInt8] {
        let index = value.isNaN ? -1 : Int(exactly: value) ?? -1
        return names.indices.contains(index) ? names[index] : notAvailable
    }
}
