import DyadCore
import DyadExperiment
import DyadInference
import Testing

@Suite("ABC-SMC determinism and resume")
struct DeterminismAndResumeTests {
    static let model = LinearGaussianModel(matrix: [[1, 1], [1, -1]], noise: [0.2, 0.4])

    static func problem() throws -> CalibrationProblem {
        CalibrationProblem(
            parameters: [
                .init(name: "params.g0", prior: try .uniform(low: -2, high: 2)),
                .init(name: "params.tau", prior: try .normal(mean: 0, sd: 1, low: -1.5, high: 3)),
            ],
            targets: [
                .init(name: "sum", observed: 1, scale: 0.2), .init(name: "difference", observed: 0.4, scale: 0.4),
            ],
            modelKey: 42)
    }

    static let settings = ABCSettings(seed: 99, particles: 300, maxGenerations: 6, minAcceptance: 0.01)

    /// Runs to the end, returning every report and the encoded state after each generation.
    static func runAll(
        _ evaluate: ([ABCProposal]) -> [[Double]?]
    ) throws -> (ABCCalibration, [ABCGenerationReport], [String]) {
        var calibration = try ABCCalibration(problem: problem(), settings: settings)
        var reports: [ABCGenerationReport] = []
        var states: [String] = []
        calibration.run(
            onGeneration: { report, state in
                reports.append(report)
                states.append(state.encoded())
            }, evaluate: evaluate)
        return (calibration, reports, states)
    }

    @Test("a batch evaluator run sequentially or with concurrentPerform gives the same bits")
    func threadCountIndependence() throws {
        let (sequential, sequentialReports, _) = try Self.runAll(Self.model.sequential)
        let (parallel, parallelReports, _) = try Self.runAll(Self.model.parallel)
        #expect(sequential.state == parallel.state)
        #expect(sequential.state.encoded() == parallel.state.encoded())
        #expect(sequentialReports.map(\.simulations) == parallelReports.map(\.simulations))
        #expect(sequential.state.generations.count == Self.settings.maxGenerations)
        #expect(sequential.state.stopReason == .maxGenerations)
    }

    @Test("resuming from the decoded state after generation k ends byte-identical to an uninterrupted run")
    func resume() throws {
        let (full, fullReports, states) = try Self.runAll(Self.model.sequential)
        let finalText = full.state.encoded()
        for k in 0..<(states.count - 1) {
            let restored = try ABCState(encoded: states[k])
            #expect(restored.encoded() == states[k])
            var resumed = try ABCCalibration(problem: Self.problem(), settings: Self.settings, resumingFrom: restored)
            var reports: [ABCGenerationReport] = []
            resumed.run(onGeneration: { report, _ in reports.append(report) }, evaluate: Self.model.sequential)
            #expect(resumed.state.encoded() == finalText, "resumed after generation \(k)")
            #expect(reports.map(\.simulations) == fullReports[(k + 1)...].map(\.simulations))
        }
    }

    @Test("an evaluator that throws mid-generation leaves the state at the last completed generation")
    func interruption() throws {
        struct Interrupted: Error {}
        let (full, _, _) = try Self.runAll(Self.model.sequential)
        var calibration = try ABCCalibration(problem: Self.problem(), settings: Self.settings)
        var batches = 0
        do {
            try calibration.run(onGeneration: { _, _ in }) { batch in
                batches += 1
                if batches == 9 { throw Interrupted() }
                return Self.model.sequential(batch)
            }
            Issue.record("the interruption was not propagated")
        } catch is Interrupted {}
        let saved = calibration.state.encoded()
        #expect(calibration.state.generations.count < Self.settings.maxGenerations)
        var resumed = try ABCCalibration(
            problem: Self.problem(), settings: Self.settings,
            resumingFrom: try ABCState(encoded: saved))
        resumed.run(onGeneration: { _, _ in }, evaluate: Self.model.sequential)
        #expect(resumed.state.encoded() == full.state.encoded())
    }

    @Test("a state is refused for another seed, prior, target or model")
    func fingerprintMismatch() throws {
        let (full, _, _) = try Self.runAll(Self.model.sequential)
        var otherSeed = Self.settings
        otherSeed.seed = 100
        #expect(throws: CalibrationError.self) {
            try ABCCalibration(problem: Self.problem(), settings: otherSeed, resumingFrom: full.state)
        }
        let problem = try Self.problem()
        let otherModel = CalibrationProblem(parameters: problem.parameters, targets: problem.targets, modelKey: 43)
        #expect(throws: CalibrationError.self) {
            try ABCCalibration(problem: otherModel, settings: Self.settings, resumingFrom: full.state)
        }
        let otherTarget = CalibrationProblem(
            parameters: problem.parameters,
            targets: [problem.targets[0], .init(name: "difference", observed: 0.41, scale: 0.4)], modelKey: 42)
        #expect(throws: CalibrationError.self) {
            try ABCCalibration(problem: otherTarget, settings: Self.settings, resumingFrom: full.state)
        }
        #expect(throws: Never.self) {
            try ABCCalibration(problem: problem, settings: Self.settings, resumingFrom: full.state)
        }
    }

    @Test("seeds depend only on (seed, generation, attempt); proposals are in attempt order and below 2⁵³")
    func seeding() throws {
        var calibration = try ABCCalibration(problem: Self.problem(), settings: Self.settings)
        var seen: [ABCProposal] = []
        _ = calibration.advance { batch in
            seen.append(contentsOf: batch)
            return Self.model.sequential(batch)
        }
        _ = calibration.advance { batch in
            seen.append(contentsOf: batch)
            return Self.model.sequential(batch)
        }
        for proposal in seen {
            let key = ABCCalibration.attemptKey(seed: 99, generation: proposal.generation, attempt: proposal.attempt)
            #expect(proposal.seed == ABCCalibration.simulationSeed(attemptKey: key))
            #expect(proposal.seed < 1 << 53)
        }
        let firstGeneration = seen.filter { $0.generation == 0 }
        #expect(firstGeneration.map(\.attempt) == Array(0..<firstGeneration.count))
        #expect(Set(seen.map(\.seed)).count == seen.count)
        #expect(
            ABCCalibration.attemptKey(seed: 99, generation: 1, attempt: 0)
                != ABCCalibration.attemptKey(seed: 99, generation: 0, attempt: 1))
        // Batches have the size derived from N alone: 300 particles → 38 attempts per batch.
        #expect(Self.settings.batchSize == 38)
    }
}
