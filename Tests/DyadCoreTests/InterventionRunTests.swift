import DyadCore
import TestSupport
import Testing

/// Interventions through whole runs of the engine (docs/model.md §7.17–§7.19): which couples
/// enrol, and on which days a `set` changes the per-day aggregates and per-couple means.
@Suite("Interventions in runs")
struct InterventionRunTests {
    @Test(
        "distressed enrols exactly the couples distressed at the start of start_day; all enrols every couple"
    )
    func eligibility() throws {
        let start = 12
        let arms = [
            Arm(name: "control"),
            Arm(
                name: "distressed", interventions: [Intervention(kind: .eft, startDay: start, eligibility: .distressed)]
            ),
            Arm(name: "all", interventions: [Intervention(kind: .softStartup, startDay: start)]),
        ]
        let parameters = try ModelParameters.with(["hazard_base": 0])
        let result = try TestRun.simulate(
            couples: 400, days: 30, burnIn: 40, baselineDay: start, parameters: parameters,
            arms: arms, seed: 17)
        let distressed = result.arms[1].outcomes.values(.distressedBaseline)
        let treated = result.arms[1].outcomes.values(.treated)
        let enrolled = treated.filter { $0 == 1 }.count
        #expect(enrolled > 20 && enrolled < 380, "both kinds of couple occur (\(enrolled) of 400 distressed)")
        #expect(treated == distressed, "treated = distressed_baseline couple by couple")
        #expect(result.arms[1].outcomes.values(.satBaseline) == result.arms[0].outcomes.values(.satBaseline))
        #expect(result.arms[2].outcomes.values(.treated).allSatisfy { $0 == 1 })
        #expect(result.arms[0].outcomes.values(.treated).allSatisfy { $0 == 0 })
    }

    @Test("a set of e0 on days 3 ..< 8 for partner a moves the arousal aggregate on exactly those days")
    func setWindowInAggregates() throws {
        var (parameters, population) = TestRun.silent()
        try parameters.set("hazard_base", to: 0)
        let arms = [
            Arm(name: "control"),
            Arm(
                name: "set",
                interventions: [
                    Intervention(
                        kind: .set(parameter: "e0", value: 0.4), target: .a, strength: 0.5, startDay: 3, endDay: 8)
                ]),
        ]
        let result = try TestRun.simulate(
            couples: 20, days: 12, burnIn: 5, parameters: parameters, population: population,
            arms: arms)
        let e0 = parameters.named("e0")
        let active = e0 + 0.5 * (0.4 - e0)
        for (day, row) in result.arms[1].daily.rows().enumerated() {
            let a = (3..<8).contains(day) ? active : e0
            #expect(Close.to(row[DailyColumn.arousal], (a + e0) / 2, 1e-11), "day \(day)")
            #expect(Close.to(result.arms[0].daily.rows()[day][DailyColumn.arousal], e0, 1e-11))
        }
        let table = result.arms[1].outcomes
        for row in 0..<table.count {
            #expect(Close.to(table.value(.tonicEA, row: row), (5 * active + 7 * e0) / 12, 1e-12))
            #expect(Close.to(table.value(.tonicEB, row: row), e0, 1e-12))
        }
    }
}
