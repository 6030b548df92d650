// swift-tools-version: 6.0
// DyadSim: agent-based simulation of anxious/avoidant attachment dynamics in couples.
// Toolchain only: no package dependencies (stdlib, Foundation, Dispatch, Synchronization, Swift Testing).
import PackageDescription

let package = Package(
    name: "DyadSim",
    products: [
        .executable(name: "dyadsim", targets: ["dyadsim"]),
        .executable(name: "dyadsim-bench", targets: ["DyadBench"]),
        .library(name: "DyadCore", targets: ["DyadCore"]),
        .library(name: "DyadExperiment", targets: ["DyadExperiment"]),
        .library(name: "DyadIO", targets: ["DyadIO"]),
        .library(name: "DyadCLI", targets: ["DyadCLI"]),
    ],
    targets: [
        // Model core: stdlib + Dispatch + Synchronization only. No Foundation, no IO.
        .target(name: "DyadCore"),
        // Scenario model, run plans, seeds, sweeps, statistics. No Foundation, no IO.
        .target(name: "DyadExperiment", dependencies: ["DyadCore"]),
        .target(name: "DyadInference", dependencies: ["DyadExperiment", "DyadCore"]),
        // Foundation: JSON5 loading, validation, CSV writers, manifest, journal.
        .target(name: "DyadIO", dependencies: ["DyadExperiment", "DyadCore"]),
        // Commands, argument parsing, exit codes (a library so tests call it in-process).
        .target(name: "DyadCLI", dependencies: ["DyadIO", "DyadExperiment", "DyadCore"]),
        .executableTarget(name: "dyadsim", dependencies: ["DyadCLI"]),
        // Benchmark library (engine throughput, sweep overhead) and its executable `dyadsim-bench`.
        .target(
            name: "DyadBenchmarks", dependencies: ["DyadCore", "DyadExperiment", "DyadIO"],
            path: "Benchmarks/DyadBenchmarks"),
        .executableTarget(name: "DyadBench", dependencies: ["DyadBenchmarks"], path: "Benchmarks/DyadBench"),
        .target(
            name: "TestSupport", dependencies: ["DyadCore", "DyadExperiment", "DyadIO", "DyadCLI"],
            path: "Tests/TestSupport"),
        .testTarget(name: "DyadCoreTests", dependencies: ["DyadCore", "TestSupport"]),
        .testTarget(name: "DyadExperimentTests", dependencies: ["DyadExperiment", "TestSupport"]),
        .testTarget(name: "DyadInferenceTests", dependencies: ["DyadInference"]),
        .testTarget(name: "DyadIOTests", dependencies: ["DyadIO", "TestSupport"]),
        .testTarget(name: "DyadCLITests", dependencies: ["DyadCLI", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
