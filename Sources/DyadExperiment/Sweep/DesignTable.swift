import DyadCore

/// Points read from a design file (a CSV whose header names sweep paths).
public struct DesignTable: Sendable, Equatable {
    /// The file as given in the scenario.
    public var source: String
    public var columns: [SweepPath]
    public var rows: [[Double]]

    public init(source: String, columns: [SweepPath], rows: [[Double]]) {
        self.source = source
        self.columns = columns
        self.rows = rows
    }
}
