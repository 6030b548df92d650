import DyadCore
import DyadExperiment

/// One column of an output file, for headers and the data dictionary (`dyadsim columns`).
public struct OutputColumn: Sendable, Equatable {
    public let name: String
    /// integer, number, label or text.
    public let type: String
    public let unit: String
    public let meaning: String
}
