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
        .library(name: "DyadValidation", targets: ["DyadValidation"]),
        .library(name: "DyadJSON5", targets: ["DyadJSON5"]),
        .library(name: "DyadIO", targets: ["DyadIO"]),
        .library(name: "DyadReport", targets: ["DyadReport"]),
        .library(name: "DyadCLI", targets: ["DyadCLI"]),
    ],
    targets: [
        // Model core: stdlib + Dispatch + Synchronization only. No Foundation, no IO.
        .target(name: "DyadCore"),
        // Scenario model, run plans, seeds, sweeps, statistics. No Foundation, no IO.
        .target(name: "DyadExperiment", dependencies: ["DyadCore"]),
        // Calibration (ABC-SMC) and sensitivity analysis (Sobol, Morris). No Foundation, no IO.
        .target(name: "DyadInference", dependencies: ["DyadExperiment", "DyadCore"]),
        // Model validation: docs/model.md's oracles (§10.1) and stylized facts (§10.2). No Foundation, no IO.
        .target(name: "DyadValidation", dependencies: ["DyadExperiment", "DyadCore"]),
        // A JSON5 parser with line and column positions: stdlib only, no imports.
        .target(name: "DyadJSON5"),
        // Foundation: scenario loading and validation, CSV writers, manifest, journal, merge.
        .target(name: "DyadIO", dependencies: ["DyadJSON5", "DyadExperiment", "DyadInference", "DyadCore"]),
        // Report: chart model, SVG renderer, figures and the HTML page, read from an output directory.
        .target(name: "DyadReport", dependencies: ["DyadIO", "DyadExperiment", "DyadCore"]),
        // Commands, argument parsing, exit codes (a library so tests call it in-process).
        .target(
            name: "DyadCLI",
            dependencies: [
                "DyadReport", "DyadValidation", "DyadInference", "DyadIO", "DyadJSON5", "DyadExperiment", "DyadCore",
            ]),
        .executableTarget(name: "dyadsim", dependencies: ["DyadCLI"]),
        // Benchmark library (engine throughput, sweep overhead) and its executable `dyadsim-bench`.
        .target(
            name: "DyadBenchmarks", dependencies: ["DyadCore", "DyadExperiment", "DyadIO"],
            path: "Benchmarks/DyadBenchmarks"),
        .executableTarget(name: "DyadBench", dependencies: ["DyadBenchmarks"], path: "Benchmarks/DyadBench"),
        // Test helpers for the libraries (small runs, random configurations, temporary folders);
        // does not pull in the CLI.
        .target(name: "TestSupport", dependencies: ["DyadCore"], path: "Tests/TestSupport"),
        // The in-process command-line harness for the CLI tests.
        .target(name: "CommandLineTestSupport", dependencies: ["DyadCLI"], path: "Tests/CommandLineTestSupport"),
        .testTarget(name: "DyadCoreTests", dependencies: ["DyadCore", "TestSupport"]),
        .testTarget(name: "DyadExperimentTests", dependencies: ["DyadExperiment", "DyadCore", "TestSupport"]),
        .testTarget(
            name: "DyadValidationTests", dependencies: ["DyadValidation", "DyadExperiment", "DyadCore", "TestSupport"]),
        .testTarget(
            name: "DyadInferenceTests", dependencies: ["DyadInference", "DyadExperiment", "DyadCore"],
            exclude: ["Fixtures"]),
        .testTarget(name: "DyadJSON5Tests", dependencies: ["DyadJSON5"]),
        .testTarget(name: "DyadIOTests", dependencies: ["DyadIO", "DyadExperiment", "DyadCore", "TestSupport"]),
        .testTarget(
            name: "DyadReportTests",
            dependencies: ["DyadReport", "DyadIO", "DyadExperiment", "DyadCore", "TestSupport"]),
        .testTarget(
            name: "DyadCLITests",
            dependencies: [
                "DyadCLI", "DyadValidation", "DyadInference", "DyadIO", "DyadExperiment", "DyadCore", "TestSupport",
                "CommandLineTestSupport",
            ],
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
