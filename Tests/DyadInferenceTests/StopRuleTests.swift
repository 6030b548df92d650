import DyadCore
import DyadExperiment
import DyadInference
import Testing

@Suite("ABC-SMC stop rules and bookkeeping")
struct StopRuleTests {
    static func uniformProblem() throws -> CalibrationProblem {
        CalibrationProblem(
            parameters: [.init(name: "p", prior: try .uniform(low: 0, high: 1))],
            targets: [.init(name: "s", observed: 0.3, scale: 0.05)])
    }

    @Test("weights sum to 1, ESS lies in (0, N], distances respect each tolerance, tolerances decrease")
    func invariants() throws {
        let model = LinearGaussianModel(matrix: [[1]], noise: [0.05])
        var calibration = try ABCCalibration(
            problem: Self.uniformProblem(),
            settings: ABCSettings(seed: 3, particles: 200, maxGenerations: 7))
        var statuses: [ABCSimulation.Status: Int] = [:]
        calibration.run(
            onGeneration: { report, _ in
                for simulation in report.simulations { statuses[simulation.status, default: 0] += 1 }
                #expect(report.accepted == 200)
                #expect(report.simulations.count == report.generation?.simulations)
            }, evaluate: model.sequential)
        var previousEpsilon = Double.infinity
        for generation in calibration.state.generations {
            let weights = generation.population.weights
            #expect((weights.reduce(0, +) - 1).magnitude < 1e-12)
            #expect(weights.allSatisfy { $0 >= 0 })
            #expect(generation.effectiveSampleSize > 0 && generation.effectiveSampleSize <= 200 * (1 + 1e-12))
            #expect(generation.population.distances.allSatisfy { $0 <= generation.epsilon })
            #expect(generation.epsilon <= previousEpsilon)
            previousEpsilon = generation.epsilon
        }
        #expect((calibration.state.generations[0].effectiveSampleSize - 200).magnitude < 1e-9)
        #expect(statuses[.accepted] == 200 * calibration.state.generations.count)
        #expect((statuses[.rejected] ?? 0) > 0)
        let total = calibration.state.generations.reduce(0) { $0 + $1.simulations }
        #expect(calibration.state.simulationCount == total)
    }

    @Test("generation 0 runs whole batches: extra acceptances are recorded as surplus, not as particles")
    func surplus() throws {
        let model = LinearGaussianModel(matrix: [[1]], noise: [0.05])
        var calibration = try ABCCalibration(
            problem: Self.uniformProblem(),
            settings: ABCSettings(seed: 3, particles: 20, maxGenerations: 2))
        let report = calibration.advance(evaluate: model.sequential)
        #expect(ABCSettings(seed: 0, particles: 20).batchSize == 16)
        #expect(report.simulations.count == 32)
        #expect(report.simulations.filter { $0.status == .accepted }.map(\.proposal.attempt) == Array(0..<20))
        #expect(report.simulations.filter { $0.status == .surplus }.count == 12)
        #expect(report.generation?.acceptanceRate == 20.0 / 32)
    }

    @Test("failed simulations (nil or non-finite statistics) are never accepted")
    func failures() throws {
        let model = LinearGaussianModel(matrix: [[1]], noise: [0.05])
        var calibration = try ABCCalibration(
            problem: Self.uniformProblem(),
            settings: ABCSettings(seed: 8, particles: 100, maxGenerations: 3))
        var failed = 0
        calibration.run(onGeneration: { report, _ in
            failed += report.simulations.filter { $0.status == .failed }.count
            #expect(report.simulations.filter { $0.status == .failed }.allSatisfy { $0.proposal.parameters[0] > 0.6 })
        }) { batch in
            batch.map { proposal in
                if proposal.parameters[0] > 0.8 { return nil }
                if proposal.parameters[0] > 0.6 { return [.nan] }
                return model.simulate(proposal)
            }
        }
        #expect(failed > 0)
        for generation in calibration.state.generations {
            #expect(generation.population.parameters.allSatisfy { $0[0] <= 0.6 })
        }
    }

    @Test("constant statistics: the tolerance stalls and the calibration stops after generation 1")
    func epsilonStalled() throws {
        var calibration = try ABCCalibration(
            problem: Self.uniformProblem(),
            settings: ABCSettings(seed: 1, particles: 50, maxGenerations: 10))
        calibration.run(onGeneration: { _, _ in }) { batch in batch.map { _ in [0.8] } }
        #expect(calibration.state.stopReason == .epsilonStalled)
        #expect(calibration.state.generations.count == 2)
        #expect(calibration.state.generations[1].epsilon == calibration.state.generations[0].population.distances[0])
    }

    @Test("a generation that cannot reach N particles within N/min_acceptance attempts is abandoned")
    func abandoned() throws {
        let model = LinearGaussianModel(matrix: [[1]], noise: [0.05])
        var calibration = try ABCCalibration(
            problem: Self.uniformProblem(),
            settings: ABCSettings(seed: 1, particles: 50, maxGenerations: 10, minAcceptance: 0.1))
        var reports: [ABCGenerationReport] = []
        calibration.run(onGeneration: { report, _ in reports.append(report) }) { batch in
            batch.map { $0.generation == 0 ? model.simulate($0) : nil }
        }
        #expect(calibration.state.stopReason == .minAcceptance)
        #expect(calibration.state.generations.count == 1)
        #expect(reports.count == 2 && reports[1].generation == nil)
        #expect(reports[1].simulations.count == 500)
        #expect(calibration.state.simulationCount == calibration.state.generations[0].simulations + 500)
        #expect(calibration.state.generations[0].simulations == 64)  // four batches of 16
        #expect(try ABCState(encoded: calibration.state.encoded()) == calibration.state)
        #expect(calibration.posteriorSummary() != nil)
    }

    @Test("min_epsilon clamps the last tolerance and stops; max_generations counts generation 0")
    func minimumEpsilonAndMaxGenerations() throws {
        let model = LinearGaussianModel(matrix: [[1]], noise: [0.05])
        var calibration = try ABCCalibration(
            problem: Self.uniformProblem(),
            settings: ABCSettings(seed: 2, particles: 100, maxGenerations: 20, minEpsilon: 1))
        calibration.run(onGeneration: { _, _ in }, evaluate: model.sequential)
        #expect(calibration.state.stopReason == .minEpsilon)
        #expect(calibration.state.generations.last?.epsilon == 1)
        var short = try ABCCalibration(
            problem: Self.uniformProblem(), settings: ABCSettings(seed: 2, particles: 100, maxGenerations: 1))
        short.run(onGeneration: { _, _ in }, evaluate: model.sequential)
        #expect(short.state.generations.count == 1 && short.state.stopReason == .maxGenerations)
    }

    @Test("invalid settings and problems are reported with every problem")
    func validation() throws {
        let settings = ABCSettings(
            seed: 0, particles: 1, maxGenerations: 0, minAcceptance: 0, epsilonQuantile: 1,
            minEpsilon: -1, minEpsilonDecrease: 1)
        #expect(
            settings.problems.map(\.field) == [
                .particles, .maxGenerations, .minAcceptance, .epsilonQuantile,
                .minEpsilon, .minEpsilonDecrease,
            ])
        #expect(settings.problems[0].description == "particles: 1 is out of range (allowed 2...1000000)")
        let problem = try Self.uniformProblem()
        do throws(CalibrationError) {
            _ = try ABCCalibration(problem: problem, settings: settings)
            Issue.record("invalid settings accepted")
        } catch {
            #expect(error == .invalidSettings(settings.problems))
        }
        let prior = try UnivariateDistribution.uniform(low: 0, high: 1)
        let duplicated = CalibrationProblem(
            parameters: [.init(name: "a", prior: prior), .init(name: "a", prior: prior)],
            targets: [.init(name: "t", observed: 1, scale: 0)])
        #expect(
            duplicated.problems == [
                "parameter \"a\" appears twice", "target \"t\": sd 0 is out of range (allowed > 0)",
            ])
        #expect(throws: CalibrationError.self) {
            try ABCCalibration(problem: duplicated, settings: ABCSettings(seed: 0))
        }
    }
}
