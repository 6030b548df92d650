import Dispatch
import Synchronization

extension ParallelChunks {
    /// Like ``run(range:chunkSize:threads:cancellation:body:)``, and every chunk whose `body`
    /// returned is also passed to `deliver`, in chunk order and one call at a time (the worker
    /// that completes the next undelivered chunk delivers it and every ready chunk after it,
    /// while the other workers go on simulating).
    ///
    /// Buffering is bounded by `slots` hand-off slots: a worker takes a free slot before it
    /// claims a chunk, the chunk keeps it until its `deliver` returns, so no more than `slots`
    /// chunks are ever claimed but undelivered. This cannot deadlock: the oldest undelivered
    /// chunk was claimed before any later one, holds a slot and is being simulated. `body`
    /// receives (worker, chunk index, slot, couples); `deliver` receives (chunk index, slot).
    /// Cancellation stops the claiming of new chunks; chunks already claimed are delivered.
    /// Returns the number of workers used.
    @discardableResult
    public static func runInOrder(
        range: Range<Int>, chunkSize: Int, threads: Int, slots: Int, cancellation: CancellationFlag? = nil,
        body: @Sendable (_ worker: Int, _ index: Int, _ slot: Int, _ chunk: Range<Int>) -> Void,
        deliver: @Sendable (_ index: Int, _ slot: Int) -> Void
    ) -> Int {
        precondition(chunkSize > 0 && threads > 0 && slots > 0, "chunk size, thread and slot counts must be positive")
        let chunkCount = (range.count + chunkSize - 1) / chunkSize
        let workers = max(1, min(threads, chunkCount, slots))
        @Sendable func chunk(_ index: Int) -> Range<Int> {
            let lower = range.lowerBound + index * chunkSize
            return lower..<min(range.upperBound, lower + chunkSize)
        }
        if workers == 1 {
            for index in 0..<chunkCount {
                if cancellation?.isCancelled == true { break }
                body(0, index, 0, chunk(index))
                deliver(index, 0)
            }
            return 1
        }
        let sequencer = ChunkSequencer(slots: slots)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let slot = sequencer.acquireSlot()
                if cancellation?.isCancelled == true {
                    sequencer.releaseSlot(slot)
                    return
                }
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < chunkCount else {
                    sequencer.releaseSlot(slot)
                    return
                }
                body(worker, index, slot, chunk(index))
                sequencer.finish(index: index, slot: slot, deliver: deliver)
            }
        }
        return workers
    }
}

/// The ordered hand-off of ``ParallelChunks/runInOrder(range:chunkSize:threads:slots:cancellation:body:deliver:)``:
/// free slots (a semaphore and a stack) and the chunks finished but not yet delivered (a ring
/// indexed by chunk index modulo the slot count, which cannot collide: at most `slots` chunks
/// are outstanding and they are consecutive from the next undelivered one).
private final class ChunkSequencer: Sendable {
    private struct State {
        var free: [Int]
        /// Slot of each finished, undelivered chunk, at chunk index mod slots (−1: none).
        var ready: [(index: Int, slot: Int)]
        var nextToDeliver = 0
        var delivering = false
    }

    private let state: Mutex<State>
    private let available: DispatchSemaphore
    private let slots: Int

    init(slots: Int) {
        self.slots = slots
        state = Mutex(State(free: Array((0..<slots).reversed()), ready: Array(repeating: (-1, -1), count: slots)))
        available = DispatchSemaphore(value: slots)
    }

    /// Waits for a free slot and takes it.
    func acquireSlot() -> Int {
        available.wait()
        return state.withLock { $0.free.removeLast() }
    }

    /// Returns a slot that was taken but not used for a chunk.
    func releaseSlot(_ slot: Int) {
        state.withLock { $0.free.append(slot) }
        available.signal()
    }

    /// Marks chunk `index` finished; delivers it and every ready successor if it is the next
    /// one and no other worker is delivering.
    func finish(index: Int, slot: Int, deliver: (_ index: Int, _ slot: Int) -> Void) {
        let mustDeliver = state.withLock { state -> Bool in
            state.ready[index % slots] = (index, slot)
            guard !state.delivering, state.nextToDeliver == index else { return false }
            state.delivering = true
            return true
        }
        guard mustDeliver else { return }
        while true {
            let item = state.withLock { state -> (index: Int, slot: Int)? in
                let position = state.nextToDeliver % slots
                guard state.ready[position].index == state.nextToDeliver else {
                    state.delivering = false
                    return nil
                }
                return state.ready[position]
            }
            guard let item else { return }
            deliver(item.index, item.slot)
            state.withLock { state in
                state.ready[item.index % slots] = (-1, -1)
                state.nextToDeliver += 1
                state.free.append(item.slot)
            }
            available.signal()
        }
    }
}
