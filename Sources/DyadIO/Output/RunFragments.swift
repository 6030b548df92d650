import DyadCore
import DyadExperiment

/// Writes one finished run's rows of `couples.csv` and `daily.csv` (no header): the fragments
/// that are concatenated in run order into the final files.
enum RunFragments {
    static func writeCouples(_ result: RunResult, run: PlannedRun, to writer: AtomicFileWriter) throws(OutputError) {
        let styles = AttachmentStyle.allCases.map(\.name)
        let columns = CoupleOutcomeColumn.allCases
        let prefix = "\(run.point),\(run.replicate),"
        var line = CSVLine()
        for arm in result.arms {
            let table = arm.outcomes
            for row in 0..<table.count {
                line.reset()
                line.append(prefix + arm.name)
                line.append(table.firstCouple + row)
                for column in columns {
                    let labels: [String] = column == .protoA || column == .protoB ? result.prototypeNames : styles
                    line.append(table.value(column, row: row), kind: column.kind, labels: labels)
                }
                line.finish()
                try writer.write(line.bytes)
            }
        }
    }

    static func writeDaily(_ result: RunResult, run: PlannedRun, outputs: OutputSettings, to writer: AtomicFileWriter) throws(OutputError) {
        let prefix = "\(run.point),\(run.replicate),"
        var line = CSVLine()
        for arm in result.arms {
            let rows = arm.daily.rows()
            for (day, values) in rows.enumerated() where outputs.writesDay(day, of: rows.count) {
                line.reset()
                line.append(prefix + arm.name)
                line.append(day)
                for column in DailyColumn.allCases {
                    line.append(values[column.rawValue], kind: column.kind, labels: [])
                }
                line.finish()
                try writer.write(line.bytes)
            }
        }
    }
}
