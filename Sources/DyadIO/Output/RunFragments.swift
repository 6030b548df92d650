import DyadCore
import DyadExperiment

/// Writes one finished run's rows of `couples.csv` and `daily.csv` (no header): the fragments
/// that are concatenated in run order into the final files.
enum RunFragments {
    static func writeCouples(_ result: RunResult, run: PlannedRun, to writer: AtomicFileWriter) throws(OutputError) {
        let styles = AttachmentStyle.allCases.map { Array($0.name.utf8) }
        let prototypes = result.prototypeNames.map { Array($0.utf8) }
        let columns = CoupleOutcomeColumn.allCases
        let kinds = columns.map(\.kind)
        let usesPrototypes = columns.map { $0 == .protoA || $0 == .protoB }
        var line = CSVLine()
        for arm in result.arms {
            let prefix = Array("\(run.point),\(run.replicate),\(arm.name)".utf8)
            let table = arm.outcomes
            let count = table.count
            try table.values.withUnsafeBufferPointer { values throws(OutputError) in
                for row in 0..<count {
                    line.reset()
                    line.append(bytes: prefix)
                    line.append(table.firstCouple + row)
                    for column in 0..<columns.count {
                        let value = values[column * count + row]
                        switch kinds[column] {
                        case .real: line.append(real: value)
                        case .count: line.append(count: value)
                        case .label: line.append(label: value, names: usesPrototypes[column] ? prototypes : styles)
                        }
                    }
                    line.finish()
                    try writer.write(line.bytes[...])
                }
            }
        }
    }

    static func writeDaily(_ result: RunResult, run: PlannedRun, outputs: OutputSettings, to writer: AtomicFileWriter) throws(OutputError) {
        let prefix = "\(run.point),\(run.replicate),"
        var line = CSVLine()
        for arm in result.arms {
            let rows = arm.daily.rows()
            for (day, row) in rows.enumerated() where outputs.writesDay(day, of: rows.count) {
                line.reset()
                line.append(prefix + arm.name)
                line.append(day)
                for column in DailyColumn.allCases {
                    line.append(row[column], kind: column.kind, labels: [])
                }
                line.finish()
                try writer.write(line.bytes)
            }
        }
    }
}
