import DyadCore
import TestSupport
import Testing

/// Earned security (docs/model.md §5.6, §7.16): the reference window of the burn-in, the update
/// arithmetic and its clamps, and the days it runs on.
@Suite("Earned security")
struct EarnedSecurityTests {
    struct Window: Sendable, CustomTestStringConvertible {
        let burnIn: Int
        let referenceDays: Int
        var testDescription: String { "B \(burnIn), es_ref_days \(referenceDays)" }
    }

    @Test(
        "G_ref and PD_ref are the means over exactly the last min(B, es_ref_days) burn-in days",
        arguments: [
            Window(burnIn: 5, referenceDays: 60), Window(burnIn: 60, referenceDays: 60),
            Window(burnIn: 61, referenceDays: 60), Window(burnIn: 90, referenceDays: 60),
            Window(burnIn: 7, referenceDays: 3), Window(burnIn: 1, referenceDays: 1),
        ])
    func referenceWindow(_ window: Window) throws {
        let parameters = try ModelParameters.with(["es_ref_days": Double(window.referenceDays), "lambda0": 0.6])
        let start = CoupleProbe(
            anxietyA: 0.7, avoidanceA: 0.2, anxietyB: 0.3, avoidanceB: 0.65, parameters: parameters,
            streamKey: UInt64(window.burnIn))
        var engine = start
        engine.runBurnIn(days: window.burnIn)
        // The same days stepped one by one, summing S − Sbase and Pos/(Pos + Neg) over the window.
        var stepped = start
        let count = min(window.burnIn, window.referenceDays)
        var gap: [Role: Double] = [.a: 0, .b: 0], dependence: [Role: Double] = [.a: 0, .b: 0]
        var values: [Double] = []
        for day in 0..<window.burnIn {
            stepped.advanceDay()
            guard day >= window.burnIn - count else { continue }
            for role in Role.allCases {
                let partner = stepped.partner(role)
                gap[role, default: 0] += partner.security - partner.securityBase
                let total = partner.positive + partner.negative
                dependence[role, default: 0] += total > 0 ? partner.positive / total : 0.5
                values.append(partner.security - partner.securityBase)
            }
        }
        if count > 1 {
            #expect(Set(values).count > 2, "the gap varies from day to day, so a shifted window is noticed")
        }
        for role in Role.allCases {
            let partner = engine.partner(role)
            #expect(Close.to(partner.securityGapReference, gap[role, default: .nan] / Double(count), 1e-14), "\(role)")
            #expect(
                Close.to(partner.positiveDependenceReference, dependence[role, default: .nan] / Double(count), 1e-14))
            let manual = stepped.partner(role)
            #expect(partner.security == manual.security && partner.arousal == manual.arousal, "same days simulated")
        }
    }

    @Test("without burn-in the references stay es_s_ref and posdep_ref; without events PD counts as 0.5")
    func referenceDefaults() throws {
        let parameters = try ModelParameters.with([
            "es_s_ref": 0.07, "posdep_ref": 0.42, "lambda0": 0, "bids_per_day": 0,
        ])
        var probe = CoupleProbe(anxietyA: 0.7, avoidanceA: 0.2, anxietyB: 0.3, avoidanceB: 0.65, parameters: parameters)
        probe.runBurnIn(days: 0)
        #expect(probe.partner(.a).securityGapReference == 0.07 && probe.partner(.b).positiveDependenceReference == 0.42)
        probe.runBurnIn(days: 10)
        #expect(
            probe.partner(.a).positiveDependenceReference == 0.5 && probe.partner(.b).positiveDependenceReference == 0.5
        )
    }

    @Test(
        "a moves by −eta_a·(S − Sbase − G_ref), v by −eta_v·(PD − PD_ref), each plus trait_pull toward day 0"
    )
    func updateArithmetic() throws {
        let parameters = try ModelParameters.with(
            a: ["eta_a": 0.3, "eta_v": 0.2, "trait_pull": 0.1],
            b: ["eta_a": 0.05, "eta_v": 0.4, "trait_pull": 0.25])
        var probe = CoupleProbe(
            anxietyA: 0.55, avoidanceA: 0.35, anxietyB: 0.25, avoidanceB: 0.6, parameters: parameters)
        probe.update(.a) {
            ($0.anxiety, $0.avoidance, $0.security, $0.positive, $0.negative) = (0.6, 0.3, 0.8, 6, 2)
            ($0.securityGapReference, $0.positiveDependenceReference) = (0.05, 0.6)
        }
        probe.update(.b) {
            ($0.anxiety, $0.avoidance, $0.security, $0.positive, $0.negative) = (0.3, 0.7, 0.2, 0, 0)
            ($0.securityGapReference, $0.positiveDependenceReference) = (-0.1, 0.3)
        }
        let a = probe.partner(.a), b = probe.partner(.b)
        probe.updateEarnedSecurity()
        let newA = probe.partner(.a), newB = probe.partner(.b)
        let anxietyA: Double = 0.6 - 0.3 * (0.8 - a.securityBase - 0.05) + 0.1 * (0.55 - 0.6)
        let avoidanceA: Double = 0.3 - 0.2 * (6.0 / 8 - 0.6) + 0.1 * (0.35 - 0.3)
        let anxietyB: Double = 0.3 - 0.05 * (0.2 - b.securityBase + 0.1) + 0.25 * (0.25 - 0.3)
        let avoidanceB: Double = 0.7 - 0.4 * (0.5 - 0.3) + 0.25 * (0.6 - 0.7)  // PD = 0.5 without events
        #expect(Close.to(newA.anxiety, anxietyA) && Close.to(newA.avoidance, avoidanceA))
        #expect(Close.to(newB.anxiety, anxietyB) && Close.to(newB.avoidance, avoidanceB))
        #expect(
            Close.to(newA.securityBase, clamp01(1 - 0.6 * newA.anxiety - 0.3 * newA.avoidance)), "derived values follow"
        )
        #expect(newA.anxiety0 == 0.55 && newB.avoidance0 == 0.6, "day-0 traits never change")
    }

    @Test("traits leave [0, 1] never: the update is clamped at both ends")
    func updateClamps() throws {
        let parameters = try ModelParameters.with(["eta_a": 1, "eta_v": 1, "trait_pull": 0])
        var probe = CoupleProbe(
            anxietyA: 0.95, avoidanceA: 0.1, anxietyB: 0.05, avoidanceB: 0.95, parameters: parameters)
        probe.update(.a) {
            ($0.security, $0.positive, $0.negative, $0.securityGapReference, $0.positiveDependenceReference) = (
                0, 5, 0, 0.5, 0
            )
        }
        probe.update(.b) {
            ($0.security, $0.positive, $0.negative, $0.securityGapReference, $0.positiveDependenceReference) = (
                1, 0, 5, -0.5, 1
            )
        }
        probe.updateEarnedSecurity()
        // a: 0.95 + (Sbase + 0.5) > 1 and 0.1 − 1 < 0; b: 0.05 − (1 − Sbase + 0.5) < 0 and 0.95 + 1 > 1.
        #expect(probe.partner(.a).anxiety == 1 && probe.partner(.a).avoidance == 0)
        #expect(probe.partner(.b).anxiety == 0 && probe.partner(.b).avoidance == 1)
    }

    @Test("traits change only at the end of every earned_period-th outcome day, never in burn-in")
    func schedule() throws {
        let parameters = try ModelParameters.with(["earned_period": 7, "eta_a": 0.5, "eta_v": 0.5, "hazard_base": 0])
        let result = try TestRun.simulate(couples: 40, days: 30, burnIn: 20, parameters: parameters, threads: 1)
        let rows = result.arms[0].daily.rows()
        let table = result.arms[0].outcomes
        let dayZero = (table.sum(.a0A) + table.sum(.a0B)) / Double(2 * table.count)
        #expect(Close.to(rows[0][DailyColumn.aMean], dayZero, 1e-9), "day 0 records the sampled traits")
        for day in 1..<30 {
            // Step 8 records before step 10, so an update at the end of day d shows on day d + 1.
            let changed =
                rows[day][DailyColumn.aMean] != rows[day - 1][DailyColumn.aMean]
                || rows[day][DailyColumn.vMean] != rows[day - 1][DailyColumn.vMean]
            #expect(changed == (day % 7 == 0), "day \(day)")
        }
    }
}
