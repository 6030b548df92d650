import DyadCore
import DyadExperiment

/// Writes rows of `couples.csv` straight into memory: `sweep_point,replicate,arm,couple` and the
/// outcome columns of one couple, shortest round-trip reals (`ShortestDecimal`), whole counts,
/// style and prototype names, `NA` for missing values, one `\n`. No allocation and no bounds
/// check per field: the caller provides ``maximumRowBytes`` of room per row.
struct CoupleRowEncoder: RowEncoding {
    /// `point,replicate,arm,` of each arm.
    private let prefixes: [[UInt8]]
    private let styles: [[UInt8]]
    private let prototypes: [[UInt8]]
    /// Per column: 0 number (real or count), 1 style label, 2 prototype label.
    private let fieldKinds: [UInt8]
    /// Measured values written after the outcome columns (0 without a measurement section).
    private let measuredCount: Int
    /// The longest row this encoder can write, in bytes.
    let maximumRowBytes: Int
    var maximumBytesPerCouple: Int { maximumRowBytes }
    var rowsPerCouple: Int { 1 }

    private static let notAvailable: [UInt8] = Array("NA".utf8)

    init(point: Int, replicate: Int, armNames: [String], prototypeNames: [String], measured: Bool = false) {
        measuredCount = measured ? MeasuredColumn.allCases.count : 0
        prefixes = armNames.map { Array("\(point),\(replicate),\($0),".utf8) }
        styles = AttachmentStyle.allCases.map { Array($0.name.utf8) }
        prototypes = prototypeNames.map { Array($0.utf8) }
        fieldKinds = CoupleOutcomeColumn.allCases.map { column in
            switch column.kind {
            case .real, .count: 0
            case .label: column == .protoA || column == .protoB ? 2 : 1
            }
        }
        let label = (styles + prototypes + [Self.notAvailable]).map(\.count).max() ?? 0
        let field = max(ShortestDecimal.capacity, label) + 1
        maximumRowBytes =
            (prefixes.map(\.count).max() ?? 0) + 20
            + (CoupleOutcomeColumn.allCases.count + measuredCount) * field + 1
    }

    /// Writes the row of `couple` in `arm` with `values` in ``CoupleOutcomeColumn`` order at
    /// `destination` (room for ``maximumRowBytes``); returns the bytes written.
    func write(
        arm: Int, couple: Int, values: UnsafeBufferPointer<Double>, measured: UnsafeBufferPointer<Double>,
        to destination: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var position = destination
        prefixes[arm].withUnsafeBufferPointer { prefix in
            guard let base = prefix.baseAddress else { return }
            position.update(from: base, count: prefix.count)
            position += prefix.count
        }
        position += ShortestDecimal.write(Double(couple), to: position)
        fieldKinds.withUnsafeBufferPointer { kinds in
            for (column, kind) in kinds.enumerated() {
                position.pointee = UInt8(ascii: ",")
                position += 1
                let value = values[column]
                if kind == 0 {
                    position += RowBytesWriting.writeNumber(value, to: position)
                } else {
                    let names = kind == 1 ? styles : prototypes
                    let index = value.isNaN ? -1 : Int(exactly: value) ?? -1
                    let name = names.indices.contains(index) ? names[index] : Self.notAvailable
                    name.withUnsafeBufferPointer { bytes in
                        guard let base = bytes.baseAddress else { return }
                        position.update(from: base, count: bytes.count)
                    }
                    position += name.count
                }
            }
        }
        for index in 0..<min(measuredCount, measured.count) {
            position.pointee = UInt8(ascii: ",")
            position += 1
            position += RowBytesWriting.writeNumber(measured[index], to: position)
        }
        position.pointee = UInt8(ascii: "\n")
        return position + 1 - destination
    }
}
