import DyadCore

/// One swept path with its values.
public struct SweepAxis: Sendable, Equatable {
    public var path: SweepPath
    public var values: [Double]

    public init(path: SweepPath, values: [Double]) {
        self.path = path
        self.values = values
    }
}
