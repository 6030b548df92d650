import Dispatch
import Synchronization

/// The one place in DyadCore that owns unsafe shared buffers and runs work in parallel.
///
/// Couples `range` are split into a fixed partition of chunks of `chunkSize` couples; up to
/// `threads` workers (via `DispatchQueue.concurrentPerform`) claim chunks in increasing order
/// from an atomic counter. Each chunk writes only its own rows, and each worker adds into its
/// own accumulators, which the caller combines with exact (integer) arithmetic, so results do
/// not depend on the thread count, the chunk size or the scheduling.
public enum ParallelChunks {
    /// Calls `body(worker, chunk)` for every chunk of `range`; `worker` is in 0..<workers.
    /// Returns the number of workers used. Stops claiming chunks once `cancellation` is set.
    @discardableResult
    public static func run(
        range: Range<Int>, chunkSize: Int, threads: Int, cancellation: CancellationFlag? = nil,
        body: @Sendable (_ worker: Int, _ chunk: Range<Int>) -> Void
    ) -> Int {
        precondition(chunkSize > 0 && threads > 0, "chunk size and thread count must be positive")
        let chunkCount = (range.count + chunkSize - 1) / chunkSize
        let workers = max(1, min(threads, chunkCount))
        @Sendable func chunk(_ index: Int) -> Range<Int> {
            let lower = range.lowerBound + index * chunkSize
            return lower..<min(range.upperBound, lower + chunkSize)
        }
        if workers == 1 {
            for index in 0..<chunkCount {
                if cancellation?.isCancelled == true { break }
                body(0, chunk(index))
            }
            return 1
        }
        let next = ChunkCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                if cancellation?.isCancelled == true { return }
                let index = next.claim()
                guard index < chunkCount else { return }
                body(worker, chunk(index))
            }
        }
        return workers
    }
}

private final class ChunkCounter: Sendable {
    private let value = Atomic<Int>(0)

    func claim() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// Per-worker mutable slots and shared output buffers whose disjoint parts workers write.
/// The caller guarantees that worker w touches only slot w and each row is written once.
final class SharedStorage<Element>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: value, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    func toArray() -> [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
