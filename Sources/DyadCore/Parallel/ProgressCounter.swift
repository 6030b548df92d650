import Dispatch
import Synchronization

/// Counts couples finished across workers (for progress displays).
public final class ProgressCounter: Sendable {
    private let count = Atomic<Int>(0)

    public init() {}

    public var value: Int { count.load(ordering: .relaxed) }

    public func add(_ amount: Int) { count.wrappingAdd(amount, ordering: .relaxed) }
}
