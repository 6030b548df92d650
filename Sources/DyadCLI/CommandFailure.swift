import DyadExperiment

/// A failure a command words itself: complete lines and an exit code (problems found after
/// command-line overrides, a model that could not be simulated, several scenarios' errors
/// reported together).
struct CommandFailure: DyadSimError {
    let lines: [String]
    let exitCode: Int32
}
