// libFuzzer target: the design-file reader (sweep.design_file). Every input must parse to a
// design table or fail with clean ScenarioErrors (the one-line error contract); never crash,
// trap or hang. Built by Fuzz/run-libfuzzer.sh design.
import DyadCore
import DyadExperiment
import DyadIO

/// A scenario whose paths the designs name: parameters, day counts and two set interventions
/// of different ranges in one arm.
let designScenario: Scenario = {
    let text = """
        { couples: 20, days: 30, arms: [{ name: "control" }, { name: "s", interventions: [
            { type: "set", param: "t_max", value: 40 }, { type: "set", param: "imp_harsh", value: 0.2 },
            { type: "eft", start_day: 2 } ] }] }
        """
    do {
        return try ScenarioLoader.decode(bytes: Array(text.utf8), file: "design-scenario.json5")
    } catch {
        fatalError("the fixed scenario of the design target is invalid: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDesignFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let table = try ScenarioLoader.decodeDesign(bytes: bytes, file: "design.csv", scenario: designScenario)
        var scenario = designScenario
        scenario.sweep.design = table
        if scenario.sweep.pointCount <= 2_000 {
            let plan = RunPlan(scenario: scenario)
            for point in plan.points.indices { _ = plan.scenario(at: point) }
        }
    } catch {
        checkErrorContract(error, target: "design")
    }
    return 0
}
