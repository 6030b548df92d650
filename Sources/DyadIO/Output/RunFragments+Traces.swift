import DyadCore
import DyadExperiment

extension RunFragments {
    /// Writes one finished run's rows of `traces.csv` (no header): the traced couples
    /// (``Simulator/tracedCouples(runKey:coupleCount:count:)``) simulated again with a recorder,
    /// arm by arm, couple by couple, in time order.
    static func writeTraces(
        _ settings: TraceSettings, configuration: RunConfiguration, run: PlannedRun, to writer: AtomicFileWriter
    ) throws(OutputError) {
        let couples = Simulator.tracedCouples(
            runKey: configuration.runKey, coupleCount: configuration.coupleCount, count: settings.couples)
        let traces: [CoupleTrace]
        do {
            traces = try Simulator.trace(configuration, couples: couples, days: settings.days)
        } catch {
            throw OutputError("run \(run.identifier) could not be traced: \(error)")
        }
        var line = CSVLine()
        for (armIndex, arm) in configuration.arms.enumerated() {
            for trace in traces where armIndex < trace.arms.count {
                let prefix = "\(run.point),\(run.replicate),\(arm.name),\(trace.couple)"
                for row in trace.arms[armIndex] {
                    line.reset()
                    line.append(prefix)
                    for value in [row.day, row.episode, row.turn] { line.append(value) }
                    line.append(row.actorIsA ? "a" : "b")
                    line.append(row.action.traceName)
                    line.append(row.forced ? 1 : 0)
                    for value in [
                        row.arousalA, row.arousalB, row.heartRateA, row.heartRateB, row.securityA, row.securityB,
                    ] {
                        line.append(real: value)
                    }
                    line.append(row.ending.rawValue)
                    line.finish()
                    try writer.write(line.bytes)
                }
            }
        }
    }
}
