import Dispatch
import Synchronization

/// Counts couples finished across workers (for progress displays).
public final class ProgressCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// A counter at 0.
    public init() {}

    /// The count so far (relaxed load, for progress displays).
    public var value: Int { count.load(ordering: .relaxed) }

    /// Adds `amount` (wrapping, relaxed: workers add simulated couples as they finish chunks).
    public func add(_ amount: Int) { count.wrappingAdd(amount, ordering: .relaxed) }
}
