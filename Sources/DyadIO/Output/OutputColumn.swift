import DyadCore
import DyadExperiment

/// One column of an output file, for headers and the data dictionary (`dyadsim columns`).
package struct OutputColumn: Sendable, Equatable {
    /// The column's name in the CSV header (snake_case).
    package let name: String
    /// integer, number, label or text.
    package let type: String
    /// Unit or scale of the values, e.g. `0-1`, `days`, `min` (empty for labels).
    package let unit: String
    /// What the column holds, in one sentence (the data dictionary's text).
    package let meaning: String
}
