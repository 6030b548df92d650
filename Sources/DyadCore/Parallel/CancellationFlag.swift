import Dispatch
import Synchronization

/// A flag that asks running simulations to stop at the next chunk boundary (set from a signal
/// handler or another thread).
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A flag that is not set.
    public init() {}

    /// Whether ``cancel()`` was called (relaxed load: workers poll it between chunks).
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// Sets the flag; it stays set (callable from any thread).
    public func cancel() { flag.store(true, ordering: .relaxed) }
}
