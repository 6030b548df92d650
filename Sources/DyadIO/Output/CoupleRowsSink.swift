import DyadCore
import DyadExperiment

/// Streams a run's rows of `couples.csv` (or of `partners.csv`: the `Encoder` decides the rows
/// of a couple) into its fragment (an ``OutcomeSink``): the simulator's
/// workers format each chunk's rows into the chunk's hand-off slot (one byte buffer per arm),
/// and the slots are written in couple order as soon as every earlier chunk is written. The
/// first arm's rows go straight to the fragment; later arms' rows wait in a ``SpillBuffer``
/// (memory up to `spillLimit` bytes each, then a temporary file) and are appended when the
/// run is complete, because the file lists all couples of one arm before the next.
///
/// Memory: hand-off slots × arms × chunk size × ``RowEncoding/maximumBytesPerCouple`` (about
/// 2.4 KB per couples.csv row) plus the spill limit per later arm, whatever the number of couples. A write
/// failure is kept (``finish()`` throws it) and cancels the run through `cancellation`.
final class CoupleRowsSink<Encoder: RowEncoding>: OutcomeSink, @unchecked Sendable {
    private let writer: AtomicFileWriter
    private let spillDirectory: String
    private let spillLimit: Int
    private let cancellation: CancellationFlag
    private let makeEncoder: (OutcomeLayout) -> Encoder
    private var encoder: Encoder?
    /// Per slot, per arm: the formatted rows of the chunk that owns the slot.
    private var buffers: [[RowBytes]] = []
    private var spills: [SpillBuffer] = []
    /// Rows written or spilled, all arms.
    private(set) var rows = 0
    private var failure: OutputError?

    /// `writer` holds the fragment, its header written; `spillDirectory` takes temporary files
    /// for the rows of later arms beyond `spillLimit` bytes each; `encoder` makes the run's
    /// encoder from the layout.
    init(
        writer: AtomicFileWriter, spillDirectory: String, spillLimit: Int, cancellation: CancellationFlag,
        encoder: @escaping (OutcomeLayout) -> Encoder
    ) {
        makeEncoder = encoder
        self.writer = writer
        self.spillDirectory = spillDirectory
        self.spillLimit = spillLimit
        self.cancellation = cancellation
    }

    func prepare(_ layout: OutcomeLayout) {
        let encoder = makeEncoder(layout)
        self.encoder = encoder
        let capacity = min(layout.chunkSize, max(1, layout.couples.count)) * encoder.maximumBytesPerCouple
        buffers = (0..<layout.slots).map { _ in layout.armNames.map { _ in RowBytes(capacity: capacity) } }
        spills = layout.armNames.dropFirst().map { _ in SpillBuffer(directory: spillDirectory, limit: spillLimit) }
    }

    /// Formats the chunk's rows into its slot (on the worker).
    func consume(_ chunk: OutcomeChunk) {
        guard let encoder else { return }
        for (arm, buffer) in buffers[chunk.slot].enumerated() {
            buffer.count = 0
            buffer.rows = chunk.count * encoder.rowsPerCouple
            for row in 0..<chunk.count {
                buffer.count += encoder.write(
                    arm: arm, couple: chunk.couples.lowerBound + row, values: chunk.row(row, arm: arm),
                    measured: chunk.measured(row, arm: arm), to: buffer.bytes + buffer.count)
            }
        }
    }

    /// Writes the slot's rows (in couple order, one call at a time).
    func deliver(chunk index: Int, slot: Int) {
        guard failure == nil else { return }
        do throws(OutputError) {
            for (arm, buffer) in buffers[slot].enumerated() {
                let bytes = UnsafeBufferPointer(start: buffer.bytes, count: buffer.count)
                if arm == 0 {
                    try writer.write(bytes)
                } else {
                    try spills[arm - 1].append(UnsafeRawBufferPointer(bytes))
                }
                rows += buffer.rows
            }
        } catch {
            failure = error
            cancellation.cancel()
        }
    }

    /// Throws a write failure; otherwise appends the later arms' rows to the fragment (call once
    /// the run is complete; the caller commits the writer).
    func finish() throws(OutputError) {
        if let failure { throw failure }
        for spill in spills { try spill.copy(to: writer) }
        spills = []
    }

    /// The first write failure, if any.
    var error: OutputError? { failure }
}

/// A fixed-capacity byte buffer owned by one hand-off slot and arm.
final class RowBytes: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>
    let capacity: Int
    /// Bytes and rows held.
    var count = 0
    var rows = 0

    init(capacity: Int) {
        self.capacity = capacity
        bytes = .allocate(capacity: max(1, capacity))
    }

    deinit { bytes.deallocate() }
}
