/// Where a streamed run keeps the values that the second pass of its paired moments reads
/// again (``RunMoments``): appended in couple order, replayed in the same order. The run
/// itself never holds them; ``MemoryValueSpool`` keeps them in memory (small runs, tests),
/// DyadIO's file spool moves them to a temporary file beyond a memory limit.
public protocol ValueSpool: AnyObject {
    /// Appends values.
    func append(_ values: UnsafeBufferPointer<Double>)
    /// Passes every value appended so far to `body`, in order, in blocks of any size.
    func replay(_ body: (UnsafeBufferPointer<Double>) -> Void)
}

/// A ``ValueSpool`` in memory: 8 bytes per value.
public final class MemoryValueSpool: ValueSpool {
    private var values: [Double] = []

    /// An empty spool.
    public init() {}

    /// Appends `values` to the array.
    public func append(_ values: UnsafeBufferPointer<Double>) {
        self.values.append(contentsOf: values)
    }

    /// Passes every value to `body` in one block.
    public func replay(_ body: (UnsafeBufferPointer<Double>) -> Void) {
        values.withUnsafeBufferPointer(body)
    }
}
