import DyadCore
import Foundation
import TestSupport
import Testing

/// Per-couple columns and per-day aggregates (docs/model.md §7.10, §7.14, §9.2–§9.3) on runs whose
/// every action is known in advance, so each column has a hand-computed value and a column of
/// partner a can never pass for partner b's.
@Suite("Outcome columns")
struct OutcomeColumnTests {
    /// The pursuer always pursues (softly), initiates every episode and never validates; the other
    /// partner always withdraws, so every episode ends after three withdrawals (turn 2).
    static func pursuitRun(pursuer: Role, responderWithdraws: Bool = true) throws -> ArmResult {
        let pursues: [String: Double] = ["u_p0": 50, "u_w0": -1e9, "p_soft_floor": 1, "init_w": 1, "e0": 0.1]
        let withdraws: [String: Double] = [
            "u_w0": responderWithdraws ? 50 : -1e9, "u_p0": -1e9, "init_w": 0, "e0": 0.3,
        ]
        var shared = DailyStepTests.silent
        shared["pn_prior"] = 0.7
        shared["lambda0"] = 0.5
        let parameters = try ModelParameters.with(
            shared, a: pursuer == .a ? pursues : withdraws, b: pursuer == .a ? withdraws : pursues)
        var population = PopulationParameters()
        population.mode = .styles
        population.styleJitter = 0
        population.prototypes = [StylePrototype(name: "zero", anxiety: 0, avoidance: 0)]
        population.pairings = [StylePairing(styleA: "zero", styleB: "zero", share: 1)]
        return try TestRun.simulate(
            couples: 30, days: 40, burnIn: 5, parameters: parameters, population: population, threads: 1
        )
        .arms[0]
    }

    @Test(
        "a pursues, b withdraws (and the mirror image): initiations, actions, shares, pairs, endings, events",
        arguments: [Role.a, .b])
    func pursueWithdraw(pursuer: Role) throws {
        let run = try Self.pursuitRun(pursuer: pursuer)
        let t = run.outcomes
        let isA = pursuer == .a
        for row in 0..<t.count {
            func value(_ column: CoupleOutcomeColumn) -> Double { t.value(column, row: row) }
            let episodes = value(.episodes)
            try #require(episodes > 0)
            // Per episode: the pursuer's forced start-up, then 2 chosen pursuits; 3 withdrawals.
            #expect(value(.initiatedA) == (isA ? episodes : 0))
            #expect(
                value(isA ? .actionsA : .actionsB) == 2 * episodes && value(isA ? .actionsB : .actionsA) == 3 * episodes
            )
            #expect(value(isA ? .pursueFracA : .pursueFracB) == 1 && value(isA ? .withdrawFracB : .withdrawFracA) == 1)
            #expect(value(isA ? .harshFracA : .harshFracB) == 0 && value(isA ? .harshFracB : .harshFracA).isNaN)
            for column: CoupleOutcomeColumn in [.validateFracA, .validateFracB, .selfregFracA, .selfregFracB] {
                #expect(value(column) == 0)
            }
            #expect(value(isA ? .withdrawFracA : .withdrawFracB) == 0 && value(isA ? .pursueFracB : .pursueFracA) == 0)
            // Pairs: b's answer at turn 0, then both actions of turns 1 and 2; all pursue–withdraw.
            #expect(value(isA ? .pwAB : .pwBA) == 5 * episodes && value(isA ? .pwBA : .pwAB) == 0)
            #expect(value(.pwCycleFrac) == 1)
            #expect(value(.endsWithdraw) == episodes && value(.endsTimeout) == 0 && value(.endsBreak) == 0)
            #expect(value(.resolvedFrac) == 0 && value(.repairTime).isNaN && value(.breaks) == 0)
            #expect(value(.repairRMST) == 60, "unresolved episodes count the whole horizon")
            // Each withdrawal follows the pursuer's pursuit: one negative event of weight 1.
            #expect(Close.to(value(.ratioConflict), 0.7 / (3 * episodes + 0.7)))
            // No stress, no rumination, a = 0: the end-of-day arousal is each partner's own e0.
            #expect(Close.to(value(isA ? .tonicEA : .tonicEB), 0.1) && Close.to(value(isA ? .tonicEB : .tonicEA), 0.3))
        }
        // Per day: every action pair of a day with conflict is a pursue–withdraw pair.
        for row in run.daily.rows() {
            let conflict = row[DailyColumn.inConflict] > 0
            #expect(conflict ? row[DailyColumn.pwCycleFrac] == 1 : row[DailyColumn.pwCycleFrac].isNaN)
        }
        // A responder who only stays NEUTRAL: pairs but no pursue–withdraw pair, and time-outs.
        let neutral = try Self.pursuitRun(pursuer: pursuer, responderWithdraws: false)
        #expect(neutral.outcomes.values(.pwCycleFrac).allSatisfy { $0 == 0 })
        #expect(neutral.outcomes.values(.endsTimeout) == neutral.outcomes.values(.episodes))
        for row in neutral.daily.rows() where row[DailyColumn.inConflict] > 0 {
            #expect(row[DailyColumn.pwCycleFrac] == 0)
        }
    }

    @Test("peak_e, flood_frac and max_hr of the initiator follow the noiseless decay from E* + onset")
    func peaksAndFlooding() throws {
        // Oracle 1's set-up with a flooding threshold crossed in the first turns only.
        var (parameters, population) = TestRun.silent()
        try parameters.set("onset_arousal", to: 0.5)
        try parameters.set("theta_flood", to: 0.45)
        try parameters.set("init_w", to: 0, role: .b)
        try parameters.set("lambda0", to: 1)
        let result = try TestRun.simulate(
            couples: 20, days: 30, burnIn: 5, parameters: parameters, population: population)
        let t = result.arms[0].outcomes
        let e0 = parameters.named("e0"), r = pow(0.5, parameters.couple.turnMinutes / parameters.named("h0"))
        let turns = Int(parameters.couple.maximumTurns)
        let flooded = (1...turns).filter { e0 + 0.5 * pow(r, Double($0)) > 0.45 }.count
        for row in 0..<t.count {
            #expect(t.value(.initiatedA, row: row) == t.value(.episodes, row: row))
            #expect(Close.to(t.value(.peakEA, row: row), e0 + 0.5 * r), "the first end-of-turn value")
            #expect(Close.to(t.value(.peakEB, row: row), e0), "the responder stays at its set point")
            #expect(Close.to(t.value(.floodFracA, row: row), Double(flooded) / Double(turns)))
            #expect(t.value(.floodFracB, row: row) == 0)
            let rest = parameters.named("hr_rest", .a)
            #expect(Close.to(t.value(.maxHRA, row: row), rest + (100 - rest) * (e0 + 0.5 * r) / 0.45))
            let restB = parameters.named("hr_rest", .b)
            #expect(Close.to(t.value(.maxHRB, row: row), restB + (100 - restB) * e0 / 0.45))
        }
        // Every episode is the same: the day's mean end-of-turn arousal over both partners.
        let conflictArousal = (1...turns).map { 2 * e0 + 0.5 * pow(r, Double($0)) }.reduce(0, +) / Double(2 * turns)
        for row in result.arms[0].daily.rows() where row[DailyColumn.inConflict] > 0 {
            #expect(Close.to(row[DailyColumn.conflictArousal], conflictArousal, 1e-10))
        }
    }

    @Test(
        "daily aggregates agree with couples: last-day means are final states, daily means average couple means"
    )
    func aggregatesAgreeWithCouples() throws {
        let parameters = try ModelParameters.with(["hazard_base": 0, "earned_period": 7])
        let days = 30  // not a multiple of earned_period: the final traits are those recorded on the last day
        let result = try TestRun.simulate(couples: 60, days: days, burnIn: 20, parameters: parameters, seed: 4)
        let t = result.arms[0].outcomes
        let rows = result.arms[0].daily.rows()
        let n = Double(t.count)
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        func pairMean(_ a: CoupleOutcomeColumn, _ b: CoupleOutcomeColumn) -> Double {
            mean(zip(t.values(a), t.values(b)).map { ($0 + $1) / 2 })
        }
        let last = rows[days - 1]
        let checks: [(DailyColumn, Double)] = [
            (.security, pairMean(.securityA, .securityB)), (.satisfaction, mean(t.values(.satisfaction))),
            (.distressed, mean(t.values(.distressed))), (.aMean, pairMean(.aA, .aB)), (.vMean, pairMean(.vA, .vB)),
            (.alive, n),
        ]
        for (column, expected) in checks {
            #expect(Close.to(last[column], expected, 1e-10), "last day \(column.name)")
        }
        let averages: [(DailyColumn, Double)] = [
            (.arousal, pairMean(.tonicEA, .tonicEB)), (.security, pairMean(.meanSecurityA, .meanSecurityB)),
            (.satisfaction, mean(t.values(.meanSatisfaction))),
        ]
        for (column, expected) in averages {
            #expect(
                Close.to(mean(rows.map { $0[column] }), expected, 1e-10), "mean over days of \(column.name)")
        }
        let conflictDays = rows.map { $0[DailyColumn.inConflict] * $0[DailyColumn.alive] }.reduce(
            0, +)
        #expect(Close.to(conflictDays, t.sum(.episodes), 1e-9), "one episode at most per couple and day")
    }

    @Test(
        "onset rate lambda0(1 + onset_anx·Σa)(1 + onset_stress·ΣStress); initiator weights init_w_i(1 + init_anx·a_i)"
    )
    func onsetAndInitiator() throws {
        // Constant stress 0.4, anxiety 0.5 for a and 0 for b, no rumination.
        let parameters = try ModelParameters.with(
            [
                "stress_mean": 0.4, "stress_sd": 0, "rum_gain": 0, "eta_a": 0, "eta_v": 0, "trait_pull": 0,
                "hazard_base": 0,
                "lambda0": 0.1, "onset_anx": 0.8, "onset_stress": 1.5, "init_anx": 2,
            ],
            a: ["init_w": 1], b: ["init_w": 3])
        var population = PopulationParameters()
        population.mode = .styles
        population.styleJitter = 0
        population.prototypes = [
            StylePrototype(name: "half", anxiety: 0.5, avoidance: 0),
            StylePrototype(name: "zero", anxiety: 0, avoidance: 0),
        ]
        population.pairings = [StylePairing(styleA: "half", styleB: "zero", share: 1)]
        let days = 150, couples = 1500
        let t = try TestRun.simulate(
            couples: couples, days: days, burnIn: 10, parameters: parameters, population: population, seed: 21
        )
        .arms[0].outcomes
        let p = 1 - exp(-0.1 * (1 + 0.8 * 0.5) * (1 + 1.5 * 0.8))
        let trials = Double(days * couples)
        let episodes = t.sum(.episodes)
        #expect(
            abs(episodes / trials - p) < 4 * (p * (1 - p) / trials).squareRoot(),
            "onset share \(episodes / trials) vs \(p)")
        let share = 1 * (1 + 2 * 0.5) / (1 * (1 + 2 * 0.5) + 3)  // 0.4
        #expect(abs(t.sum(.initiatedA) / episodes - share) < 4 * (share * (1 - share) / episodes).squareRoot())
    }
}
