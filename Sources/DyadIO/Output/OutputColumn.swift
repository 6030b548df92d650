import DyadCore
import DyadExperiment

/// One column of an output file, for headers and the data dictionary (`dyadsim columns`).
public struct OutputColumn: Sendable, Equatable {
    /// The column's name in the CSV header (snake_case).
    public let name: String
    /// integer, number, label or text.
    public let type: String
    /// Unit or scale of the values, e.g. `0-1`, `days`, `min` (empty for labels).
    public let unit: String
    /// What the column holds, in one sentence (the data dictionary's text).
    public let meaning: String
}
