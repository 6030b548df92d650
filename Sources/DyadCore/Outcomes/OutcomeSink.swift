/// Receives the per-couple outcome rows of a run while it is simulated, chunk by chunk, so a
/// run never has to hold its whole outcome table (``Simulator/run(_:sink:cancellation:progress:)``).
///
/// The couples of the run are split into the simulator's fixed chunk partition (chunk k holds
/// couples lower + k·chunkSize ..< lower + (k + 1)·chunkSize). For every chunk the simulator
/// calls, in this order:
/// 1. ``consume(_:)`` on the worker that simulated it, concurrently with other chunks and in
///    no particular chunk order: format rows, accumulate statistics (per worker or exactly, so
///    that results do not depend on which worker saw which chunk);
/// 2. ``deliver(chunk:slot:)`` in chunk order (couple order), one call at a time, after
///    `consume` of that chunk and `deliver` of every earlier chunk returned: write what
///    `consume` prepared in the chunk's hand-off slot.
///
/// Hand-off slots bound the buffering: a chunk owns its slot (0 ..< ``OutcomeLayout/slots``)
/// from before `consume` until its `deliver` returns, and a worker waits for a free slot
/// before it takes a new chunk, so at most `slots` chunks are ever between simulation and
/// delivery, however far one worker gets ahead. If the run is cancelled, chunks already
/// taken are still consumed and delivered in order; later chunks never are.
public protocol OutcomeSink: AnyObject, Sendable {
    /// Called once, before any chunk, on the calling thread.
    func prepare(_ layout: OutcomeLayout)
    /// Called on a worker thread for every chunk; `chunk` is only valid during the call.
    func consume(_ chunk: OutcomeChunk)
    /// Called in chunk order, one call at a time, for every consumed chunk.
    func deliver(chunk index: Int, slot: Int)
}

extension OutcomeSink {
    /// Nothing to deliver (sinks whose results do not depend on the order of chunks).
    public func deliver(chunk index: Int, slot: Int) {}
}

/// The shape of a streamed run, given to ``OutcomeSink/prepare(_:)``.
public struct OutcomeLayout: Sendable {
    /// Arm names in arm order.
    public let armNames: [String]
    /// Names behind the prototype codes in `proto_a`/`proto_b`.
    public let prototypeNames: [String]
    /// Couple indices of the run (the rows).
    public let couples: Range<Int>
    /// Couples per chunk (the last chunk may hold fewer).
    public let chunkSize: Int
    /// Number of chunks.
    public let chunkCount: Int
    /// Worker threads: ``OutcomeChunk/worker`` is in 0 ..< workers.
    public let workers: Int
    /// Hand-off slots: ``OutcomeChunk/slot`` is in 0 ..< slots.
    public let slots: Int

    /// Measured values per row after the outcome columns (``MeasuredColumn`` count with a
    /// measurement model, else 0).
    public var measuredCount = 0

    /// Values per row (``CoupleOutcomeColumn`` count).
    public var columns: Int { CoupleOutcomeColumn.allCases.count }
}

/// The outcome rows of one chunk of couples, every arm: the value of column c for the chunk's
/// r-th couple in arm a is `row(r, arm: a)[c.rawValue]` (NaN = NA; labels as codes, see
/// ``CoupleOutcomeTable``). Valid only during ``OutcomeSink/consume(_:)``.
public struct OutcomeChunk {
    /// Position of the chunk in the partition (0 ..< chunkCount).
    public let index: Int
    /// The chunk's couples.
    public let couples: Range<Int>
    /// The worker that simulated it.
    public let worker: Int
    /// The hand-off slot it owns until delivered.
    public let slot: Int
    /// Row-major values: arm a, row r, column c at `(a·armStride + r)·rowWidth + c` (the
    /// ``MeasuredColumn`` values, if any, follow the outcome columns of each row).
    let values: UnsafePointer<Double>
    /// Rows reserved per arm (the chunk size).
    let armStride: Int
    /// Values per row: the outcome columns plus ``measuredCount``.
    var rowWidth: Int { CoupleOutcomeColumn.allCases.count + measuredCount }
    /// Measured values per row (``MeasuredColumn`` count with a measurement model, else 0).
    public var measuredCount = 0

    /// Number of arms.
    public let arms: Int

    /// The chunk's rows.
    public var count: Int { couples.count }

    /// Values of row `row` (0 ..< count) of `arm`, in ``CoupleOutcomeColumn`` order.
    public func row(_ row: Int, arm: Int) -> UnsafeBufferPointer<Double> {
        precondition(row >= 0 && row < count && arm >= 0 && arm < arms, "row or arm out of range")
        let columns = CoupleOutcomeColumn.allCases.count
        return UnsafeBufferPointer(start: values + (arm * armStride + row) * rowWidth, count: columns)
    }

    /// All values of row `row` of `arm`: the ``CoupleOutcomeColumn`` values, then the
    /// ``MeasuredColumn`` values if any (`measuredCount` of them).
    public func values(_ row: Int, arm: Int) -> UnsafeBufferPointer<Double> {
        precondition(row >= 0 && row < count && arm >= 0 && arm < arms, "row or arm out of range")
        return UnsafeBufferPointer(start: values + (arm * armStride + row) * rowWidth, count: rowWidth)
    }

    /// Measured values of row `row` of `arm`, in ``MeasuredColumn`` order (empty without a
    /// measurement model).
    public func measured(_ row: Int, arm: Int) -> UnsafeBufferPointer<Double> {
        precondition(row >= 0 && row < count && arm >= 0 && arm < arms, "row or arm out of range")
        let start = values + (arm * armStride + row) * rowWidth + CoupleOutcomeColumn.allCases.count
        return UnsafeBufferPointer(start: start, count: measuredCount)
    }
}

/// Passes every call on to several sinks, in order.
public final class OutcomeSinkGroup: OutcomeSink {
    /// The sinks called, in this order.
    public let sinks: [any OutcomeSink]

    /// A sink that passes every call to `sinks` in order.
    public init(_ sinks: [any OutcomeSink]) { self.sinks = sinks }

    /// Prepares every sink for `layout`.
    public func prepare(_ layout: OutcomeLayout) {
        for sink in sinks { sink.prepare(layout) }
    }

    /// Lets every sink consume `chunk` (on the worker thread that simulated it).
    public func consume(_ chunk: OutcomeChunk) {
        for sink in sinks { sink.consume(chunk) }
    }

    /// Delivers chunk `index` from hand-off `slot` to every sink, in chunk order.
    public func deliver(chunk index: Int, slot: Int) {
        for sink in sinks { sink.deliver(chunk: index, slot: slot) }
    }
}
