import DyadCore
import DyadExperiment

/// Writes the two rows of `partners.csv` of one couple straight into memory (role a, then
/// role b): `sweep_point,replicate,arm,couple,role` and the ``PartnerColumn`` values taken from
/// the couple's couples.csv row, in the number formats of couples.csv (``CoupleRowEncoder``).
struct PartnerRowEncoder: RowEncoding {
    /// `point,replicate,arm,` of each arm.
    private let prefixes: [[UInt8]]
    private let styles: [[UInt8]]
    private let prototypes: [[UInt8]]
    private let sources: [PartnerColumn.Source]
    /// Per column: 0 number, 1 style label, 2 prototype label.
    private let fieldKinds: [UInt8]
    private static let roles: [[UInt8]] = Role.allCases.map { Array(",\($0.rawValue)".utf8) }
    let maximumBytesPerCouple: Int
    var rowsPerCouple: Int { 2 }

    init(point: Int, replicate: Int, armNames: [String], prototypeNames: [String], measured: Bool) {
        prefixes = armNames.map { Array("\(point),\(replicate),\($0),".utf8) }
        styles = AttachmentStyle.allCases.map { Array($0.name.utf8) }
        prototypes = prototypeNames.map { Array($0.utf8) }
        let columns = PartnerColumn.written(measured: measured)
        sources = columns.map(\.source)
        fieldKinds = columns.map { column in
            guard column.kind == .label else { return 0 }
            return [.proto, .partnerProto].contains(column) ? 2 : 1
        }
        let label = (styles + prototypes + [RowBytesWriting.notAvailable]).map(\.count).max() ?? 0
        let field = max(ShortestDecimal.capacity, label) + 1
        let row = (prefixes.map(\.count).max() ?? 0) + 20 + 2 + columns.count * field + 1
        maximumBytesPerCouple = 2 * row
    }

    func write(
        arm: Int, couple: Int, values: UnsafeBufferPointer<Double>, measured: UnsafeBufferPointer<Double>,
        to destination: UnsafeMutablePointer<UInt8>
    ) -> Int {
        var position = destination
        for role in Role.allCases {
            RowBytesWriting.copy(prefixes[arm], to: &position)
            position += ShortestDecimal.write(Double(couple), to: position)
            RowBytesWriting.copy(Self.roles[role == .a ? 0 : 1], to: &position)
            for (index, source) in sources.enumerated() {
                position.pointee = UInt8(ascii: ",")
                position += 1
                let value = source.value(role: role, row: values, measured: measured)
                switch fieldKinds[index] {
                case 0: position += RowBytesWriting.writeNumber(value, to: position)
                case 1: RowBytesWriting.copy(RowBytesWriting.label(value, among: styles), to: &position)
                default: RowBytesWriting.copy(RowBytesWriting.label(value, among: prototypes), to: &position)
                }
            }
            position.pointee = UInt8(ascii: "\n")
            position += 1
        }
        return position - destination
    }
}
