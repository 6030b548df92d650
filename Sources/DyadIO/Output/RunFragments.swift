import DyadCore
import DyadExperiment

/// Writes one finished run's rows of `daily.csv` (no header): the fragment that is
/// concatenated in run order into the final file. (Rows of `couples.csv` are streamed while
/// the run is simulated: ``CoupleRowsSink``.)
enum RunFragments {
    static func writeDaily(
        _ totals: RunTotals, run: PlannedRun, outputs: OutputSettings, to writer: AtomicFileWriter
    ) throws(OutputError) {
        let prefix = "\(run.point),\(run.replicate),"
        var line = CSVLine()
        for (name, daily) in zip(totals.armNames, totals.daily) {
            let rows = daily.rows()
            for (day, row) in rows.enumerated() where outputs.writesDay(day, of: rows.count) {
                line.reset()
                line.append(prefix + name)
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
