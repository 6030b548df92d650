// libFuzzer target: every input must load to a valid scenario and plan, or fail with clean
// ScenarioErrors (the one-line error contract); never crash, trap or hang. Built by
// Fuzz/run-libfuzzer.sh scenario.
import DyadExperiment
import DyadIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let scenario = try ScenarioLoader.decode(bytes: bytes, file: "fuzz.json5", baseDirectory: "/nonexistent")
        // Plans up to 10,000 runs are built in full (larger ones are bounded by the loader's
        // limits, but take longer than a fuzzing step should).
        let points = scenario.sweep.pointCount
        if points <= 10_000, points * scenario.replicates <= 10_000 {
            let plan = RunPlan(scenario: scenario)
            _ = PlanEstimate(plan: plan, runs: plan.runs, threads: 2)
            _ = PlanEstimate.shards(of: plan, count: 3)
            if let first = plan.runs.first { _ = try plan.configuration(for: first) }
        }
        _ = PlanEstimate.bookkeepingBytes(of: scenario)
        _ = ScenarioEncoding.fingerprint(scenario)
    } catch let error as ScenarioError {
        checkErrorContract(error, target: "scenario")
        if !error.lines.allSatisfy({ $0.hasPrefix("error: fuzz.json5") }) {
            fatalError("a scenario error that does not name the file: \(error.lines)")
        }
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}
