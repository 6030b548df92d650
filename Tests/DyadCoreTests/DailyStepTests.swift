import DyadCore
import Foundation
import TestSupport
import Testing

/// The daily step and the course of an episode checked on one couple stepped by hand (through
/// the package-only ``CoupleProbe``) against docs/model.md §7.2–§7.15: bids, overnight
/// relaxation, memories and satisfaction, stress, dissolution, and how episodes end.
@Suite("Daily step and episode course")
struct DailyStepTests {
    /// docs/model.md §11's "silent" settings: every utility intercept −1e9, no noise, no stress,
    /// no pursuit impulses, no trait change.
    static let silent: [String: Double] = [
        "u_p0": -1e9, "u_w0": -1e9, "u_v0": -1e9, "u_r0": -1e9, "sigma_e": 0, "stress_mean": 0, "stress_sd": 0,
        "imp_soft": 0, "imp_harsh": 0, "imp_ignored": 0, "rum_gain": 0, "eta_a": 0, "eta_v": 0, "trait_pull": 0,
    ]

    static func silent(
        _ extra: [String: Double], a: [String: Double] = [:], b: [String: Double] = [:]
    ) throws -> ModelParameters {
        try ModelParameters.with(silent.merging(extra) { $1 }, a: a, b: b)
    }

    @Test(
        "bids: n = round(bids_per_day), P += bid_weight·k·f, N += bid_weight·away_weight·(n − k), + s^SV·sv_daily_pos·f"
    )
    func bids() throws {
        // a's bids are all turned toward (b's pTT = 1), b's all turned away (a's pTT = 0); b shares vulnerability.
        let parameters = try ModelParameters.with(
            ["lambda0": 0],
            a: [
                "bids_per_day": 4.5, "bid_weight": 0.7, "away_weight": 2, "pos_av": 0.4, "ptt_max": 0,
                "sv_daily_pos": 9,
            ],
            b: [
                "bids_per_day": 3, "bid_weight": 1.3, "away_weight": 0.5, "pos_av": 0.2, "ptt_max": 1, "ptt_floor": 1,
                "ptt_av": 0, "sv_daily_pos": 2,
            ])
        var probe = CoupleProbe(anxietyA: 0.3, avoidanceA: 0.6, anxietyB: 0.4, avoidanceB: 0.25, parameters: parameters)
        try probe.use(
            Arm(name: "sv", interventions: [Intervention(kind: .shareVulnerability, target: .b, strength: 0.5)]),
            days: 2)
        probe.beginOutcomeDay(0)
        probe.advanceDay()
        let a = probe.partner(.a), b = probe.partner(.b)
        let fA = 1 - 0.4 * 0.6
        // round(4.5) = 4 (half to even).
        #expect(Close.to(a.todayPositive, 0.7 * 4 * fA + 0.5 * 2 * fA))
        #expect(a.todayNegative == 0)
        #expect(b.todayPositive == 0)
        #expect(Close.to(b.todayNegative, 1.3 * 0.5 * 3))
    }

    @Test("overnight: Rm decays with its half-life, E relaxes to the new E*, S moves s_gamma of the way to Sbase")
    func overnight() throws {
        let parameters = try ModelParameters.with(
            [
                "lambda0": 0, "bids_per_day": 0, "stress_sd": 0, "stress_phi": 0.5, "stress_mean": 0.3, "h0": 120,
                "rum_h0": 2.5, "rum_h_anx": 1.5, "s_gamma": 0.2, "e_rum": 0.3, "e_stress": 0.4,
            ])
        var probe = CoupleProbe(anxietyA: 0.6, avoidanceA: 0.4, anxietyB: 0.2, avoidanceB: 0.1, parameters: parameters)
        probe.update(.a) { ($0.arousal, $0.security, $0.rumination, $0.stress) = (0.9, 0.2, 0.8, 0.7) }
        let before = probe.partner(.a)
        probe.advanceDay()
        let after = probe.partner(.a)
        let stress = 0.3 + 0.5 * (0.7 - 0.3)
        let rumination = 0.8 * pow(0.5, 1 / (2.5 * (1 + 1.5 * 0.6)))
        let setPoint = clamp01(0.05 + 0.15 * 0.6 + 0.3 * rumination + 0.4 * stress)
        #expect(Close.to(after.stress, stress))
        #expect(Close.to(after.rumination, rumination))
        #expect(Close.to(after.setPoint, setPoint))
        #expect(Close.to(after.arousal, setPoint + (0.9 - setPoint) * pow(0.5, 1440 / before.halfLife)))
        #expect(Close.to(after.security, 0.2 + 0.2 * (before.securityBase - 0.2)))
    }

    @Test(
        "memories: Pos ← λ·Pos + P, Neg ← λ·Neg + N with λ = 0.5^(1/pn_half_life); Sat is the logistic of the log ratio"
    )
    func memories() throws {
        let parameters = try ModelParameters.with(
            ["lambda0": 0, "bids_per_day": 0, "pn_half_life": 10, "pn_prior": 0.7, "theta_pn": 1.6, "s_pn": 0.9])
        var probe = CoupleProbe(anxietyA: 0.6, avoidanceA: 0.4, anxietyB: 0.2, avoidanceB: 0.1, parameters: parameters)
        probe.update(.b) { ($0.positive, $0.negative) = (3, 2) }
        probe.advanceDay()
        let b = probe.partner(.b)
        let lambda = pow(0.5, 1 / 10.0)
        #expect(Close.to(b.positive, 3 * lambda) && Close.to(b.negative, 2 * lambda))
        let ratio = (3 * lambda + 0.7) / (2 * lambda + 0.7)
        #expect(Close.to(b.satisfaction, 1 / (1 + exp(-(log(ratio) - log(1.6)) / 0.9))))
        #expect(Close.to(probe.coupleSatisfaction, (probe.partner(.a).satisfaction + b.satisfaction) / 2))
    }

    @Test("stress stays in [0, 1] every day: the AR(1) step is clamped where it is produced")
    func stressClamp() throws {
        let parameters = try ModelParameters.with(["stress_mean": 0.5, "stress_sd": 1, "stress_phi": 0, "lambda0": 0])
        var probe = CoupleProbe(anxietyA: 0.3, avoidanceA: 0.3, anxietyB: 0.3, avoidanceB: 0.3, parameters: parameters)
        var bounds = Set<Double>()
        for _ in 0..<60 {
            probe.advanceDay()
            for role in Role.allCases {
                let stress = probe.partner(role).stress
                #expect(stress >= 0 && stress <= 1)
                if stress == 0 || stress == 1 { bounds.insert(stress) }
            }
        }
        #expect(bounds == [0, 1], "both clamps were exercised")
    }

    @Test(
        "dissolution iff u < 1 − exp(−(haz_a + haz_b)), each hazard with its own partner's parameters"
    )
    func dissolution() throws {
        let parameters = try ModelParameters.with(
            a: ["hazard_base": 0.02, "beta_sat": 3, "sat_ref": 0.7, "beta_anx": 1.2, "beta_av": 0.8],
            b: ["hazard_base": 0.05, "beta_sat": 1.5, "sat_ref": 0.5, "beta_anx": -0.5, "beta_av": 2])
        var probe = CoupleProbe(anxietyA: 0.6, avoidanceA: 0.2, anxietyB: 0.3, avoidanceB: 0.7, parameters: parameters)
        probe.update(.a) { $0.satisfaction = 0.35 }
        probe.update(.b) { $0.satisfaction = 0.55 }
        let hazardA = 0.02 * exp(3 * (0.7 - 0.35) - 1.2 * 0.6 + 0.8 * 0.2)
        let hazardB = 0.05 * exp(1.5 * (0.5 - 0.55) + 0.5 * 0.3 + 2 * 0.7)
        let p = 1 - exp(-(hazardA + hazardB))
        #expect(p > 0.05 && p < 0.95)
        for (u, dissolves) in [(p - 1e-9, true), (p + 1e-9, false)] {
            probe.use(RandomStream.feeding(u))
            #expect(probe.dissolves() == dissolves, "u \(u), p \(p)")
        }
    }

    // MARK: Episodes (§7.5–§7.11)

    @Test(
        "an unresolved episode: onset clamped at 1, T noiseless turns, then Rm += rum_gain·a·max(E, rum_floor)",
        arguments: [Role.a, .b], [0.1, 0.99])
    func unresolvedEpisode(initiator: Role, floor: Double) throws {
        // h0 = 1 makes r small: an unclamped onset (E* + 0.95 > 1) would stay below 1 after the first
        // turn and differ from the clamped one.
        let parameters = try Self.silent(
            ["onset_arousal": 0.95, "t_max": 12, "rum_gain": 0.8, "rum_floor": floor, "h0": 1],
            a: ["init_w": initiator == .a ? 1 : 0], b: ["init_w": initiator == .b ? 1 : 0])
        let other: Role = initiator == .a ? .b : .a
        var probe = CoupleProbe(
            anxietyA: initiator == .a ? 0.5 : 0, avoidanceA: 0, anxietyB: initiator == .b ? 0.5 : 0, avoidanceB: 0,
            parameters: parameters)
        probe.update(initiator) { $0.rumination = 0.2 }
        let first = probe.partner(initiator), second = probe.partner(other)
        #expect(first.setPoint + 0.95 > 1 && first.setPoint + first.turnInertia * 0.95 < 1)
        // The start-up is soft with p_soft at the initiator's arousal after onset: with E = 1 (clamped)
        // a uniform halfway to p_soft at E* + 0.95 gives a soft start-up and no event for the other.
        func soft(_ arousal: Double) -> Double {
            clamp01(
                parameters.named("p_soft0") + parameters.named("p_soft_s") * first.security
                    - parameters.named("p_soft_e") * arousal)
        }
        probe.use(RandomStream.feeding((soft(1) + soft(first.setPoint + 0.95)) / 2))
        probe.runEpisode(initiator: initiator)
        #expect(probe.partner(other).todayNegative == 0, "a soft start-up: the onset arousal was clamped at 1")
        #expect(
            probe.episodeTally
                == EpisodeTally(episodes: 1, initiatedByA: initiator == .a ? 1 : 0, timedOut: 1, completedTurns: 12))
        let end = first.setPoint + pow(first.turnInertia, 12) * (1 - first.setPoint)
        #expect(Close.to(probe.partner(initiator).arousal, end), "the initiator starts the first turn at exactly 1")
        #expect(Close.to(probe.partner(initiator).rumination, 0.2 + 0.8 * 0.5 * max(end, floor)))
        #expect(probe.partner(other).rumination == 0 && Close.to(probe.partner(other).arousal, second.setPoint))
    }

    @Test("a resolved episode relieves rumination by rum_relief for both partners; repair = completed turns·Δ")
    func resolvedEpisode() throws {
        let parameters = try Self.silent(["resolve_e": 1, "rum_relief": 0.3, "turn_minutes": 0.4], b: ["u_v0": 50])
        var probe = CoupleProbe(anxietyA: 0.5, avoidanceA: 0, anxietyB: 0.2, avoidanceB: 0, parameters: parameters)
        probe.update(.a) { $0.rumination = 0.6 }
        probe.update(.b) { $0.rumination = 0.5 }
        probe.runEpisode(initiator: .a)
        #expect(
            probe.episodeTally
                == EpisodeTally(
                    episodes: 1, initiatedByA: 1, resolved: 1, completedTurns: 1, resolvedRepairMinutes: 0.4))
        #expect(Close.to(probe.partner(.a).rumination, 0.6 * 0.7))
        #expect(Close.to(probe.partner(.b).rumination, 0.5 * 0.7))
    }

    @Test("a VALIDATE resolves only within validate_window turns: resolved at turn 2 with a window of 3, not with 2")
    func validateWindow() throws {
        // b validates only in answer to a's soft start-up (turn 0); a's arousal falls below
        // resolve_e first at the end of turn 2.
        var outcomes: [Int: EpisodeTally] = [:]
        for window in [2, 3] {
            let base = try Self.silent(
                ["onset_arousal": 0.99, "t_max": 10, "imp_val": 0, "validate_window": Double(window)],
                a: ["p_soft_floor": 1], b: ["u_v0": -30, "u_v_recip": 80])
            var probe = CoupleProbe(anxietyA: 0, avoidanceA: 0, anxietyB: 0, avoidanceB: 0, parameters: base)
            let a = probe.partner(.a)
            func arousal(afterTurn turn: Int) -> Double {
                a.setPoint + pow(a.turnInertia, Double(turn + 1)) * (1 - a.setPoint)
            }
            var parameters = base
            try parameters.set("resolve_e", to: (arousal(afterTurn: 1) + arousal(afterTurn: 2)) / 2)
            probe = CoupleProbe(anxietyA: 0, avoidanceA: 0, anxietyB: 0, avoidanceB: 0, parameters: parameters)
            probe.runEpisode(initiator: .a)
            outcomes[window] = probe.episodeTally
        }
        #expect(
            outcomes[3]
                == EpisodeTally(
                    episodes: 1, initiatedByA: 1, resolved: 1, completedTurns: 3, resolvedRepairMinutes: 1.5))
        #expect(outcomes[2] == EpisodeTally(episodes: 1, initiatedByA: 1, timedOut: 1, completedTurns: 10))
    }

    @Test("withdraw_streak_end consecutive WITHDRAWs end the episode unresolved after that turn", arguments: [1, 3, 5])
    func withdrawalEnding(streak: Int) throws {
        let parameters = try Self.silent(["t_max": 20, "withdraw_streak_end": Double(streak)], b: ["u_w0": 50])
        var probe = CoupleProbe(anxietyA: 0.3, avoidanceA: 0.3, anxietyB: 0.3, avoidanceB: 0.3, parameters: parameters)
        probe.runEpisode(initiator: .a)
        #expect(
            probe.episodeTally
                == EpisodeTally(episodes: 1, initiatedByA: 1, endedByWithdrawal: 1, completedTurns: streak))
    }

    @Test(
        "an unannounced break ends the episode at once; announced breaks resume until time-out with no completed turn")
    func breakEndings() throws {
        let unannounced = try Self.silent(["t_max": 7], b: ["u_r0": 50, "p_ann": 0])
        var probe = CoupleProbe(anxietyA: 0.3, avoidanceA: 0.3, anxietyB: 0.3, avoidanceB: 0.3, parameters: unannounced)
        probe.runEpisode(initiator: .a)
        #expect(probe.episodeTally == EpisodeTally(episodes: 1, initiatedByA: 1, endedByBreak: 1, breaks: 1))
        let announced = try Self.silent(["t_max": 7], b: ["u_r0": 50, "p_ann": 1])
        probe = CoupleProbe(anxietyA: 0.3, avoidanceA: 0.3, anxietyB: 0.3, avoidanceB: 0.3, parameters: announced)
        probe.runEpisode(initiator: .a)
        #expect(probe.episodeTally == EpisodeTally(episodes: 1, initiatedByA: 1, timedOut: 1, breaks: 7))
        // The initiator's forced start-up is never a break: turn 0 completes (b withdraws once),
        // then a breaks (announced) in turns 1…3, each skipping the rest of its turn.
        let initiatorBreaks = try Self.silent(["t_max": 4], a: ["u_r0": 50, "p_ann": 1], b: ["u_w0": 50])
        probe = CoupleProbe(anxietyA: 0.3, avoidanceA: 0.3, anxietyB: 0.3, avoidanceB: 0.3, parameters: initiatorBreaks)
        probe.runEpisode(initiator: .a)
        #expect(
            probe.episodeTally == EpisodeTally(episodes: 1, initiatedByA: 1, timedOut: 1, completedTurns: 1, breaks: 3))
    }
    @Test("a trained break resumes the conversation even when unannounced")
    func trainedBreakResumes() throws {
        let parameters = try Self.silent(["t_max": 5], b: ["u_r0": 50, "p_ann": 0])
        var probe = CoupleProbe(anxietyA: 0.3, avoidanceA: 0.3, anxietyB: 0.3, avoidanceB: 0.3, parameters: parameters)
        try probe.use(
            Arm(name: "ss", interventions: [Intervention(kind: .selfSoothing, target: .b, strength: 1)]), days: 2)
        probe.beginOutcomeDay(0)
        probe.runEpisode(initiator: .a)
        #expect(probe.episodeTally == EpisodeTally(episodes: 1, initiatedByA: 1, timedOut: 1, breaks: 5))
    }

    @Test(
        "onset probability 1 − exp(−λ) with anxiety, rumination and stress; initiator weights with rumination"
    )
    func onsetWithRumination() throws {
        let parameters = try ModelParameters.with(
            [
                "stress_sd": 0, "stress_phi": 1, "lambda0": 0.2, "onset_anx": 0.7, "onset_rum": 0.9,
                "onset_stress": 1.2,
                "init_anx": 1.5, "init_rum": 2.5, "bids_per_day": 0,
            ],
            a: ["init_w": 1], b: ["init_w": 2])
        let trials = 20_000
        var episodes = 0, initiatedByA = 0
        for trial in 0..<trials {
            var probe = CoupleProbe(
                anxietyA: 0.6, avoidanceA: 0.2, anxietyB: 0.1, avoidanceB: 0.5, parameters: parameters,
                streamKey: UInt64(trial) &* 0x9e37_79b9_7f4a_7c15)
            probe.update(.a) { ($0.rumination, $0.stress) = (0.8, 0.3) }
            probe.update(.b) { ($0.rumination, $0.stress) = (0.2, 0.5) }
            probe.advanceDay()
            episodes += probe.episodeTally.episodes
            initiatedByA += probe.episodeTally.initiatedByA
        }
        let rate = 0.2 * (1 + 0.7 * (0.6 + 0.1) + 0.9 * (0.8 + 0.2)) * (1 + 1.2 * (0.3 + 0.5))
        let p = 1 - exp(-rate)
        let share = Double(episodes) / Double(trials)
        #expect(abs(share - p) < 4 * (p * (1 - p) / Double(trials)).squareRoot(), "\(share) vs \(p)")
        let weightA = 1 * (1 + 1.5 * 0.6 + 2.5 * 0.8), weightB = 2 * (1 + 1.5 * 0.1 + 2.5 * 0.2)
        let q = weightA / (weightA + weightB)
        let observed = Double(initiatedByA) / Double(episodes)
        #expect(abs(observed - q) < 4 * (q * (1 - q) / Double(episodes)).squareRoot(), "\(observed) vs \(q)")
    }
}
