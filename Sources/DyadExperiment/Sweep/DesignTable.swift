import DyadCore

/// Points read from a design file (a CSV whose header names sweep paths).
public struct DesignTable: Sendable, Equatable {
    /// The file as given in the scenario.
    public var source: String
    /// The header's sweep paths, one per column.
    public var columns: [SweepPath]
    /// One row of values per point, in file order, each as long as `columns`.
    public var rows: [[Double]]

    /// A design read from `source` with the given columns and rows.
    public init(source: String, columns: [SweepPath], rows: [[Double]]) {
        self.source = source
        self.columns = columns
        self.rows = rows
    }
}
