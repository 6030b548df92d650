import DyadCore

/// One simulation of an oracle set-up: what to run and with which thread count and chunk size.
package struct OracleRun: Sendable {
    /// What to simulate.
    package var configuration: RunConfiguration
    /// Thread count and chunk size (results must not depend on them: oracle 13).
    package var simulator: Simulator

    /// A run of `configuration` with `simulator` (2 threads, chunks of 64 couples by default).
    package init(_ configuration: RunConfiguration, simulator: Simulator = Simulator(threads: 2, chunkSize: 64)) {
        self.configuration = configuration
        self.simulator = simulator
    }
}
