// libFuzzer target: every input must load to a valid scenario and plan, or fail with clean
// ScenarioErrors; never crash, trap or hang. Built by Fuzz/run-libfuzzer.sh.
import DyadExperiment
import DyadIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let scenario = try ScenarioLoader.decode(bytes: bytes, file: "fuzz.json5", baseDirectory: "/nonexistent")
        let plan = RunPlan(scenario: scenario)
        if plan.runs.count <= 10_000 {
            _ = PlanEstimate(plan: plan, runs: plan.runs, threads: 2)
            if let first = plan.runs.first { _ = try plan.configuration(for: first) }
        }
        _ = ScenarioEncoding.fingerprint(scenario)
    } catch let error as ScenarioError {
        precondition(!error.lines.isEmpty && error.lines.allSatisfy { $0.hasPrefix("error: fuzz.json5") && !$0.contains("\n") },
                     "malformed error lines: \(error.lines)")
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}
