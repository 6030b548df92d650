import DyadExperiment

/// The options a command accepts.
struct CommandSpecification {
    let name: String
    /// Flags that take a value (`--out DIR` or `--out=DIR`).
    let valueFlags: [String]
    /// Flags without a value.
    let switches: [String]
    /// Positional arguments: the minimum count and a maximum (nil: unlimited).
    let positionalRange: (minimum: Int, maximum: Int?)
    let usage: String
    let summary: String
    let details: String
}
