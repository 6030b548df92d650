import DyadCore

/// One swept path with its values.
public struct SweepAxis: Sendable, Equatable {
    /// The swept path.
    public var path: SweepPath
    /// Its values, in the order the points take them.
    public var values: [Double]

    /// The axis sweeping `path` over `values`.
    public init(path: SweepPath, values: [Double]) {
        self.path = path
        self.values = values
    }
}
