import Dispatch
import Synchronization

/// A flag that asks running simulations to stop at the next chunk boundary (set from a signal
/// handler or another thread).
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    public func cancel() { flag.store(true, ordering: .relaxed) }
}
