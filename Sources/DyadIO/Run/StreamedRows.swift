import DyadCore
import DyadExperiment

/// One row file streamed while a run is simulated (couples.csv or partners.csv): its fragment
/// writer and the ``CoupleRowsSink`` with the file's encoder.
struct StreamedRows {
    let file: OutputFile
    let writer: AtomicFileWriter
    let sink: any OutcomeSink
    private let finishSink: () throws(OutputError) -> Void
    private let failure: () -> OutputError?

    /// `measured`: the scenario has a measurement section (the measured columns are written).
    init(
        file: OutputFile, run: PlannedRun, writer: AtomicFileWriter, spillDirectory: String, spillLimit: Int,
        cancellation: CancellationFlag, measured: Bool
    ) {
        self.file = file
        self.writer = writer
        let point = run.point, replicate = run.replicate
        switch file {
        case .partners:
            let rows = CoupleRowsSink(
                writer: writer, spillDirectory: spillDirectory, spillLimit: spillLimit, cancellation: cancellation
            ) { layout in
                PartnerRowEncoder(
                    point: point, replicate: replicate, armNames: layout.armNames,
                    prototypeNames: layout.prototypeNames, measured: measured)
            }
            sink = rows
            finishSink = { () throws(OutputError) in try rows.finish() }
            failure = { rows.error }
        default:
            let rows = CoupleRowsSink(
                writer: writer, spillDirectory: spillDirectory, spillLimit: spillLimit, cancellation: cancellation
            ) { layout in
                CoupleRowEncoder(
                    point: point, replicate: replicate, armNames: layout.armNames,
                    prototypeNames: layout.prototypeNames, measured: measured)
            }
            sink = rows
            finishSink = { () throws(OutputError) in try rows.finish() }
            failure = { rows.error }
        }
    }

    /// The first write failure, if any.
    var error: OutputError? { failure() }

    /// Appends the spilled rows of later arms and commits the fragment.
    func finish() throws(OutputError) {
        try finishSink()
        try writer.commit()
    }
}
