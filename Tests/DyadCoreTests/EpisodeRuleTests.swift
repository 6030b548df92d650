import DyadCore
import Foundation
import TestSupport
import Testing

/// The rules of one episode turn checked unit by unit against docs/model.md §2.5 and §7.5–§7.9,
/// at the moment each value is produced (through the package-only ``CoupleProbe``): derived
/// quantities, impulses with their clamps and events, the choice rule at its exact probability
/// boundaries, the modifications and style draws, breaks, the end-of-turn relaxation.
@Suite("Episode rules")
struct EpisodeRuleTests {
    // MARK: Derived quantities (§2.5)

    /// Non-default values for every parameter of §2.5, different in each role.
    static let derivedParameters: [String: Double] = [
        "g0": 0.55, "g_anx": 0.35, "ss_g_boost": 0.25, "h0": 7.5, "k_anx": 0.8, "k_av": 0.45,
        "break_k0": 1.3, "break_kg": 0.5, "e0": 0.07, "e_anx": 0.18, "e_rum": 0.22, "e_stress": 0.31,
        "sbase_anx": 0.55, "sbase_av": 0.35, "p_soft0": 0.15, "p_soft_s": 0.45, "p_soft_e": 0.25,
        "p_soft_floor": 0.1, "st_p_soft": 0.85, "p_ann": 0.2, "ci_p_ann": 0.9, "ptt_max": 0.9,
        "ptt_floor": 0.3, "ptt_av": 0.4, "cv_ptt": 0.95, "wv_bid_cut": 0.6,
    ]

    /// Expected derived quantities of one partner from the formulas of §2.5.
    struct Derived {
        var skill, halfLife, breakHalfLife, inertia, setPoint, securityBase, softPursuit, announce, turnToward: Double
    }

    static func expected(
        _ p: ModelParameters, _ role: Role, anxiety a: Double, avoidance v: Double, arousal e: Double,
        security s: Double, rumination rm: Double, stress: Double, strengths: ProbeStrengths
    ) -> Derived {
        func q(_ name: String) -> Double { p.named(name, role) }
        let g = clamp01(q("g0") - q("g_anx") * a + strengths.selfSoothing * q("ss_g_boost"))
        let h = q("h0") * (1 + q("k_anx") * a + q("k_av") * v)
        let softBase = clamp01(q("p_soft0") + q("p_soft_s") * s - q("p_soft_e") * e)
        var toward = clamp01(q("ptt_max") * (q("ptt_floor") + (1 - q("ptt_floor")) * s) * (1 - q("ptt_av") * v))
        if strengths.consistentValidation > 0 {
            toward = max(toward, toward + strengths.consistentValidation * (q("cv_ptt") - toward))
        }
        return Derived(
            skill: g, halfLife: h, breakHalfLife: h * (q("break_k0") - q("break_kg") * g),
            inertia: pow(0.5, p.couple.turnMinutes / h),
            setPoint: clamp01(q("e0") + q("e_anx") * a + q("e_rum") * rm + q("e_stress") * stress),
            securityBase: clamp01(1 - q("sbase_anx") * a - q("sbase_av") * v),
            softPursuit: clamp01(
                max(q("p_soft_floor"), softBase + strengths.softStartup * (q("st_p_soft") - softBase))),
            announce: q("p_ann") + strengths.communicateIntentions * (q("ci_p_ann") - q("p_ann")),
            turnToward: clamp01(toward * (1 - strengths.withholdValidation * q("wv_bid_cut"))))
    }

    @Test(
        "g, h, hb, r, E*, Sbase, p_soft, p_ann and pTT follow §2.5, with today's strengths and every clamp",
        arguments: [false, true])
    func derivedQuantities(clamping: Bool) throws {
        var shared = Self.derivedParameters
        if clamping {
            // g0 + s·ss_g_boost > 1, E* > 1, Sbase < 0, p_soft below its floor, pTT from a clamped q.
            shared.merge([
                "g0": 0.95, "ss_g_boost": 0.9, "e0": 0.8, "e_anx": 0.9, "sbase_anx": 1, "sbase_av": 1,
                "p_soft0": 0, "p_soft_s": 0, "p_soft_floor": 0.4, "ptt_max": 1, "ptt_floor": 1,
            ]) { $1 }
        }
        let parameters = try ModelParameters.with(shared, b: ["g0": 0.45, "h0": 5.5, "e0": 0.03, "p_ann": 0.35])
        var probe = CoupleProbe(
            anxietyA: 0.62, avoidanceA: 0.31, anxietyB: 0.18, avoidanceB: 0.74, parameters: parameters)
        let strengths = ProbeStrengths(
            consistentValidation: 0.4, withholdValidation: 0.3, selfSoothing: 0.5,
            softStartup: 0.6, communicateIntentions: 0.7)
        try probe.use(
            Arm(
                name: "all",
                interventions: [
                    Intervention(kind: .consistentValidation, target: .a, strength: 0.4),
                    Intervention(kind: .withholdValidation, target: .a, strength: 0.3),
                    Intervention(kind: .selfSoothing, target: .a, strength: 0.5),
                    Intervention(kind: .softStartup, target: .a, strength: 0.6),
                    Intervention(kind: .communicateIntentions, target: .a, strength: 0.7),
                ]), days: 3)
        probe.beginOutcomeDay(0)
        probe.update(.a) { ($0.arousal, $0.security, $0.rumination, $0.stress) = (0.47, 0.58, 0.33, 0.41) }
        probe.update(.b) { ($0.arousal, $0.security, $0.rumination, $0.stress) = (0.21, 0.36, 0.12, 0.27) }
        if clamping { probe.update(.b) { $0.anxiety = 0.5 } }  // 1 − 0.5 − 0.74 < 0
        for (role, own) in [(Role.a, strengths), (.b, ProbeStrengths())] {
            let partner = probe.partner(role)
            #expect(partner.strengths == own)
            let d = Self.expected(
                parameters, role, anxiety: partner.anxiety, avoidance: partner.avoidance, arousal: partner.arousal,
                security: partner.security, rumination: partner.rumination, stress: partner.stress, strengths: own)
            let pairs: [(String, Double, Double)] = [
                ("g", partner.skill, d.skill), ("h", partner.halfLife, d.halfLife),
                ("hb", partner.breakHalfLife, d.breakHalfLife), ("r", partner.turnInertia, d.inertia),
                ("E*", partner.setPoint, d.setPoint), ("Sbase", partner.securityBase, d.securityBase),
                ("p_soft", partner.softPursuitProbability, d.softPursuit),
                ("p_ann", partner.announceProbability, d.announce),
                ("pTT", partner.turnTowardProbability, d.turnToward),
            ]
            for (name, actual, wanted) in pairs {
                #expect(Close.to(actual, wanted), "\(role) \(name): \(actual) vs \(wanted)")
            }
        }
        if clamping {
            #expect(probe.partner(.a).skill == 1 && probe.partner(.a).setPoint == 1)
            #expect(probe.partner(.b).securityBase == 0)
        }
    }

    // MARK: Impulses (§7.7)

    /// Receiver (b) parameters, different from the actor's (a), so a rule reading the wrong
    /// partner's values is noticed.
    static let receiverParameters: [String: Double] = [
        "imp_harsh": 0.11, "imp_harsh_av": 0.7, "ds_harsh": 0.13, "imp_soft": 0.05, "imp_wd_pursued": 0.17,
        "imp_wd_anx": 1.3, "ds_wd": 0.19, "imp_wd_other": 0.07, "imp_sr_unann": 0.6, "imp_sr_ann": 0.03,
        "imp_ignored": 0.09, "imp_val": 0.23, "imp_val_av": 0.4, "ds_val": 0.29, "ds_val_base": 0.35, "pos_av": 0.45,
        "ci_wd_relief": 0.2,
    ]
    static let actorParameters: [String: Double] = [
        "imp_harsh": 0.31, "imp_harsh_av": 0.2, "ds_harsh": 0.05, "imp_soft": 0.15, "imp_wd_pursued": 0.27,
        "imp_wd_anx": 0.3, "ds_wd": 0.09, "imp_wd_other": 0.17, "imp_sr_unann": 0.2, "imp_sr_ann": 0.13,
        "imp_ignored": 0.19, "imp_val": 0.43, "imp_val_av": 0.1, "ds_val": 0.09, "ds_val_base": 0.15, "pos_av": 0.15,
        "ci_wd_relief": 0.6,
    ]

    struct ImpulseCase: Sendable, CustomTestStringConvertible {
        let action: Action
        /// The receiver's own last and second-to-last actions (pursued_j).
        let history: (Action, Action)
        /// The actor's communicate_intentions strength.
        let intentions: Double
        var testDescription: String { "\(action) after receiver history \(history), s^CI \(intentions)" }
    }

    static let impulseCases: [ImpulseCase] = [
        Action.none, .neutral, .pursueSoft, .pursueHarsh, .withdraw, .validate,
        .breakAnnounced, .breakUnannounced,
    ].flatMap { action in
        [(Action.pursueSoft, Action.none), (.validate, .pursueHarsh), (.withdraw, .neutral), (.none, .none)].flatMap {
            history in
            [0.0, 0.5].map { ImpulseCase(action: action, history: history, intentions: $0) }
        }
    }

    @Test(
        "every action moves the receiver's E and S by the §7.7 row with the receiver's parameters and counts its event",
        arguments: impulseCases)
    func impulse(_ c: ImpulseCase) throws {
        let parameters = try ModelParameters.with(
            ["neg_w_wd_other": 0.55, "neg_w_sr_unann": 0.65], a: Self.actorParameters, b: Self.receiverParameters)
        var probe = CoupleProbe(
            anxietyA: 0.25, avoidanceA: 0.55, anxietyB: 0.6, avoidanceB: 0.3, parameters: parameters)
        try probe.use(
            Arm(
                name: "ci",
                interventions: [
                    Intervention(kind: .communicateIntentions, target: .a, strength: c.intentions)
                ]), days: 2)
        probe.beginOutcomeDay(0)
        probe.update(.b) { ($0.arousal, $0.security, $0.todayPositive, $0.todayNegative) = (0.4, 0.7, 0, 0) }
        probe.setHistory(.b, last: c.history.0, secondLast: c.history.1)
        probe.applyImpulse(c.action, by: .a)
        let after = probe.partner(.b)

        func q(_ name: String) -> Double { Self.receiverParameters[name] ?? .nan }
        let (a, v, e, s) = (0.6, 0.3, 0.4, 0.7)
        let pursued = Self.pursues(c.history.0) || Self.pursues(c.history.1)
        let relief = 1 - c.intentions * Self.actorParameters["ci_wd_relief", default: .nan]
        var dE = 0.0, dS = 0.0, positive = 0.0, negative = 0.0
        func withdrawal(factor: Double, weightOther: Double, weightPursued: Double) {
            if pursued {
                dE = factor * q("imp_wd_pursued") * (1 + q("imp_wd_anx") * a)
                dS = -factor * q("ds_wd") * a * s
                negative = weightPursued
            } else {
                dE = factor * q("imp_wd_other") * a
                negative = weightOther
            }
        }
        switch c.action {
        case .pursueHarsh: (dE, dS, negative) = (q("imp_harsh") * (1 + q("imp_harsh_av") * v), -q("ds_harsh"), 1)
        case .pursueSoft: dE = q("imp_soft")
        case .withdraw: withdrawal(factor: relief, weightOther: 0.55, weightPursued: 1)
        case .breakUnannounced: withdrawal(factor: relief * q("imp_sr_unann"), weightOther: 0.65, weightPursued: 0.65)
        case .breakAnnounced: dE = q("imp_sr_ann") * a
        case .validate:
            (dE, dS) = (-q("imp_val") * e * (1 - q("imp_val_av") * v), q("ds_val") * (1 - s) * (q("ds_val_base") + a))
            positive = 1 - q("pos_av") * v
        case .neutral: dE = pursued ? q("imp_ignored") * a : 0
        case .none: break
        }
        #expect(Close.to(after.arousal, clamp01(e + dE)), "E \(after.arousal) vs \(e + dE)")
        #expect(Close.to(after.security, clamp01(s + dS)), "S \(after.security) vs \(s + dS)")
        #expect(Close.to(after.todayPositive, positive) && Close.to(after.todayNegative, negative))
        let actor = probe.partner(.a)
        #expect(actor.todayPositive == 0 && actor.todayNegative == 0, "the actor receives nothing")
    }

    @Test("impulses are clamped to [0, 1] the moment they are applied (overnight relaxation would hide it)")
    func impulseClamps() throws {
        // S + ds_val(1 − S)(ds_val_base + a) = 0.5 + 0.5·5.6 > 1; E + imp_harsh(1 + imp_harsh_av·v) > 1;
        // S − ds_harsh < 0.
        let parameters = try ModelParameters.with([
            "ds_val": 1, "ds_val_base": 5, "imp_harsh": 1, "imp_harsh_av": 5,
            "ds_harsh": 1, "imp_val": 1, "imp_val_av": 0,
        ])
        var probe = CoupleProbe(anxietyA: 0.6, avoidanceA: 0.3, anxietyB: 0.6, avoidanceB: 0.3, parameters: parameters)
        probe.update(.b) { ($0.arousal, $0.security) = (0.5, 0.5) }
        probe.applyImpulse(.validate, by: .a)
        #expect(probe.partner(.b).security == 1)
        #expect(probe.partner(.b).arousal == 0, "E − imp_val·E = 0")
        probe.update(.b) { ($0.arousal, $0.security) = (0.5, 0.4) }
        probe.applyImpulse(.pursueHarsh, by: .a)
        #expect(probe.partner(.b).arousal == 1)
        #expect(probe.partner(.b).security == 0)
        // Ten validations in a row stay within [0, 1] (an unclamped S would oscillate around 1).
        probe.update(.b) { ($0.arousal, $0.security) = (0.5, 0.2) }
        for _ in 0..<10 {
            probe.applyImpulse(.validate, by: .a)
            let security = probe.partner(.b).security
            #expect(security >= 0 && security <= 1)
        }
    }

    @Test("the withdraw streak counts the actor's consecutive WITHDRAWs and any other action resets it")
    func history() throws {
        let parameters = try ModelParameters.with(["u_p0": -1e9, "u_v0": -1e9, "u_r0": -1e9, "u_w0": 50])
        var probe = CoupleProbe(anxietyA: 0.3, avoidanceA: 0.3, anxietyB: 0.3, avoidanceB: 0.3, parameters: parameters)
        probe.use(RandomStream(key: 3))
        #expect(probe.act(.a) == .withdraw)
        #expect(probe.act(.a) == .withdraw)
        #expect(probe.withdrawStreak(.a) == 2)
        probe.setHistory(.b, last: .pursueHarsh)
        #expect(probe.act(.a) == .withdraw)
        #expect(probe.withdrawStreak(.a) == 3)
        #expect(probe.withdrawStreak(.b) == 0, "only the actor's streak grows")
        #expect(Self.pursues(probe.act(.a, forced: true)), "the start-up is a PURSUE")
        #expect(probe.withdrawStreak(.a) == 0, "any other action resets the streak")
    }

    // MARK: Choice rule (§7.6)

    struct ChoiceCase: Sendable, CustomTestStringConvertible {
        let actor: Role
        let arousal: Double
        let last: Action
        let secondLast: Action
        let validation: Double
        let withhold: Double
        var testDescription: String {
            "\(actor) E \(arousal) after \(last)/\(secondLast), s^CV \(validation), s^WV \(withhold)"
        }
    }

    static let choiceParameters: [String: Double] = [
        "u_p0": -0.3, "u_p_anx": 1.1, "u_p_x": 0.9, "u_p_wd": 1.3, "u_p_rum": 0.7, "u_p_av": 0.6,
        "u_w0": -0.4, "u_w_harsh": 1.2, "u_w_soft": 0.8, "u_w_flood": 1.5, "u_w_flood_anx": 0.5, "u_w_e": 0.9,
        "u_w_val": 0.7, "u_v0": -0.2, "u_v_s": 1.0, "u_v_recip": 0.6, "u_v_harsh": 0.5, "u_v_av": 0.8,
        "u_v_anx": 0.9, "cv_u_boost": 1.4, "u_r0": -0.5, "u_r_e": 1.1, "u_r_flood": 0.9, "tau": 0.8, "sup_v": 0.4,
        "theta_flood": 0.5, "g0": 0.7, "g_anx": 0.3,
    ]
    /// The other role's values: a rule reading the wrong partner's parameters moves the boundaries.
    static let otherChoiceParameters: [String: Double] = [
        "u_p0": 0.2, "u_p_anx": 0.4, "u_p_x": 0.3, "u_p_wd": 0.2, "u_p_rum": 0.1, "u_p_av": 1.6,
        "u_w0": 0.3, "u_w_harsh": 0.2, "u_w_soft": 0.1, "u_w_flood": 0.2, "u_w_flood_anx": 0.1, "u_w_e": 0.2,
        "u_w_val": 0.1, "u_v0": 0.4, "u_v_s": 0.2, "u_v_recip": 0.1, "u_v_harsh": 0.2, "u_v_av": 0.1,
        "u_v_anx": 0.2, "cv_u_boost": 0.3, "u_r0": 0.1, "u_r_e": 0.2, "u_r_flood": 0.3, "tau": 1.7, "sup_v": 0.9,
        "theta_flood": 0.8, "g0": 0.2, "g_anx": 0.1,
    ]

    static let choiceCases: [ChoiceCase] = {
        var cases: [ChoiceCase] = []
        let histories: [(Action, Action)] = [
            (.none, .none), (.neutral, .none), (.pursueSoft, .none), (.pursueHarsh, .neutral), (.withdraw, .pursueSoft),
            (.validate, .pursueHarsh), (.validate, .withdraw), (.breakAnnounced, .none), (.breakUnannounced, .none),
        ]
        for (last, secondLast) in histories {
            for arousal in [0.35, 0.72] {
                cases.append(
                    ChoiceCase(
                        actor: .a, arousal: arousal, last: last, secondLast: secondLast, validation: 0, withhold: 0))
            }
        }
        cases.append(
            ChoiceCase(actor: .b, arousal: 0.72, last: .pursueHarsh, secondLast: .none, validation: 0, withhold: 0))
        cases.append(
            ChoiceCase(actor: .b, arousal: 0.35, last: .withdraw, secondLast: .none, validation: 0, withhold: 0))
        for (last, secondLast) in [(Action.validate, Action.pursueSoft), (.neutral, .pursueHarsh), (.withdraw, .none)] {
            cases.append(
                ChoiceCase(actor: .a, arousal: 0.35, last: last, secondLast: secondLast, validation: 0.6, withhold: 0))
        }
        cases.append(
            ChoiceCase(actor: .a, arousal: 0.35, last: .pursueSoft, secondLast: .none, validation: 0, withhold: 0.4))
        cases.append(
            ChoiceCase(actor: .a, arousal: 0.35, last: .validate, secondLast: .none, validation: 0, withhold: 1))
        return cases
    }()

    static func pursues(_ action: Action) -> Bool { action == .pursueSoft || action == .pursueHarsh }

    /// Category of an action in the CDF order NEUTRAL, PURSUE, WITHDRAW, VALIDATE, SELF_REGULATE.
    static func category(_ action: Action) -> Int {
        switch action {
        case .none, .neutral: 0
        case .pursueSoft, .pursueHarsh: 1
        case .withdraw: 2
        case .validate: 3
        case .breakAnnounced, .breakUnannounced: 4
        }
    }

    /// The five softmax weights of §7.6 computed from the formulas, for `actor` with its traits.
    static func weights(
        _ p: ModelParameters, _ role: Role, anxiety a: Double, avoidance v: Double, arousal e: Double,
        security s: Double,
        rumination rm: Double, last: Action, partnerPursued: Bool, validation: Double, withhold: Double
    ) -> [Double] {
        func q(_ name: String) -> Double { p.named(name, role) }
        let x = e * (1 - q("sup_v") * v)
        let g = clamp01(q("g0") - q("g_anx") * a)
        let flooded: Double = e > q("theta_flood") ? 1 : 0
        func indicator(_ condition: Bool) -> Double { condition ? 1 : 0 }
        let pursue =
            q("u_p0") + q("u_p_anx") * a * (1 - s) + q("u_p_x") * x * (1 - v)
            + q("u_p_wd") * a * indicator(last == .withdraw || last == .breakUnannounced) + q("u_p_rum") * rm - q(
                "u_p_av") * v
        let withdraw =
            q("u_w0") + q("u_w_harsh") * v * indicator(last == .pursueHarsh)
            + q("u_w_soft") * v * indicator(last == .pursueSoft)
            + q("u_w_flood") * (1 - q("u_w_flood_anx") * a) * flooded + q("u_w_e") * v * e - q("u_w_val")
            * indicator(last == .validate)
        let validate =
            q("u_v0") + q("u_v_s") * s * (1 - e) + q("u_v_recip") * indicator(last == .pursueSoft || last == .validate)
            + q("u_v_harsh") * s * indicator(last == .pursueHarsh) - q("u_v_av") * v - q("u_v_anx") * a * e
            + validation * q("cv_u_boost") * indicator(partnerPursued)
        let regulate = q("u_r0") + q("u_r_e") * g * e + q("u_r_flood") * g * flooded
        let utilities = [0, pursue, withdraw, validate, regulate]
        let highest = utilities.max() ?? 0
        var w = utilities.map { exp(($0 - highest) / q("tau")) }
        w[3] *= 1 - withhold
        return w
    }

    @Test(
        "softmax over §7.6's utilities: u just below a CDF boundary picks the category before it, just above the next",
        arguments: choiceCases)
    func choiceBoundaries(_ c: ChoiceCase) throws {
        let other: Role = c.actor == .a ? .b : .a
        let parameters = try ModelParameters.with(
            a: c.actor == .a ? Self.choiceParameters : Self.otherChoiceParameters,
            b: c.actor == .b ? Self.choiceParameters : Self.otherChoiceParameters)
        // The other partner has other traits and state: a rule reading them moves the boundaries.
        let (actor, partner) = ((0.58, 0.37), (0.21, 0.66))
        let (traitsA, traitsB) = c.actor == .a ? (actor, partner) : (partner, actor)
        var probe = CoupleProbe(
            anxietyA: traitsA.0, avoidanceA: traitsA.1, anxietyB: traitsB.0, avoidanceB: traitsB.1,
            parameters: parameters)
        try probe.use(
            Arm(
                name: "cv",
                interventions: [
                    Intervention(kind: .consistentValidation, target: c.actor == .a ? .a : .b, strength: c.validation),
                    Intervention(kind: .withholdValidation, target: c.actor == .a ? .a : .b, strength: c.withhold),
                ]), days: 2)
        probe.beginOutcomeDay(0)
        probe.update(c.actor) { ($0.arousal, $0.security, $0.rumination) = (c.arousal, 0.46, 0.27) }
        probe.update(other) { ($0.arousal, $0.security, $0.rumination) = (0.9, 0.05, 1.5) }
        probe.setHistory(other, last: c.last, secondLast: c.secondLast)
        let w = Self.weights(
            parameters, c.actor, anxiety: 0.58, avoidance: 0.37, arousal: c.arousal, security: 0.46, rumination: 0.27,
            last: c.last, partnerPursued: Self.pursues(c.last) || Self.pursues(c.secondLast), validation: c.validation,
            withhold: c.withhold)
        let total = w.reduce(0, +)
        var cumulative = 0.0
        var checked = 0
        for category in 0..<4 {
            cumulative += w[category]
            let boundary = cumulative / total
            guard let next = (category + 1..<5).first(where: { w[$0] > 0 }),
                w[category] / total > 1e-6, w[next] / total > 1e-6
            else { continue }
            for (u, expected) in [(boundary - 1e-9, category), (boundary + 1e-9, next)] {
                var stream = RandomStream.feeding(u)
                let action = probe.choose(c.actor, stream: &stream)
                #expect(Self.category(action) == expected, "u = \(u): \(action), boundaries \(w.map { $0 / total })")
            }
            checked += 1
        }
        #expect(checked >= 2, "at least two boundaries were probed")
    }

    @Test("a PURSUE is soft iff the style uniform is below p_soft; a break is announced iff below p_ann")
    func styleDraws() throws {
        // Only PURSUE (or only SELF_REGULATE) has weight; the first uniform picks it, the second the style.
        let pursueOnly = try ModelParameters.with([
            "u_p0": 40, "u_w0": -1e9, "u_v0": -1e9, "u_r0": -1e9, "st_p_soft": 0.9,
        ])
        var probe = CoupleProbe(anxietyA: 0.4, avoidanceA: 0.2, anxietyB: 0.4, avoidanceB: 0.2, parameters: pursueOnly)
        try probe.use(
            Arm(name: "st", interventions: [Intervention(kind: .softStartup, target: .a, strength: 0.35)]), days: 2)
        probe.beginOutcomeDay(0)
        probe.update(.a) { ($0.arousal, $0.security) = (0.5, 0.6) }
        let soft = probe.partner(.a).softPursuitProbability
        #expect(soft > 0.2 && soft < 0.95)
        for (u, expected) in [(soft - 1e-9, Action.pursueSoft), (soft + 1e-9, .pursueHarsh)] {
            var stream = RandomStream.feeding(0.5, u)
            #expect(probe.choose(.a, stream: &stream) == expected)
            probe.use(RandomStream.feeding(u))
            #expect(probe.act(.a, forced: true) == expected, "the forced start-up uses p_soft too")
        }
        let breakOnly = try ModelParameters.with([
            "u_p0": -1e9, "u_w0": -1e9, "u_v0": -1e9, "u_r0": 40, "ci_p_ann": 0.8,
        ])
        var breaker = CoupleProbe(anxietyA: 0.4, avoidanceA: 0.2, anxietyB: 0.4, avoidanceB: 0.2, parameters: breakOnly)
        try breaker.use(
            Arm(name: "ci", interventions: [Intervention(kind: .communicateIntentions, target: .a, strength: 0.5)]),
            days: 2)
        breaker.beginOutcomeDay(0)
        let announce = breaker.partner(.a).announceProbability
        #expect(Close.to(announce, 0.3 + 0.5 * (0.8 - 0.3)))
        for (u, expected) in [(announce - 1e-9, Action.breakAnnounced), (announce + 1e-9, .breakUnannounced)] {
            var stream = RandomStream.feeding(0.5, u)
            #expect(breaker.choose(.a, stream: &stream) == expected)
        }
    }

    @Test(
        "a flooded WITHDRAW becomes a break w.p. s^SS·ss_replace; an aroused one a soft PURSUE w.p. s^SV·sv_convert"
    )
    func withdrawalModifications() throws {
        let parameters = try ModelParameters.with([
            "u_p0": -1e9, "u_w0": 40, "u_v0": -1e9, "u_r0": -1e9, "ss_replace": 0.7, "sv_convert": 0.55,
            "sv_e_min": 0.4, "theta_flood": 0.6,
        ])
        func probe(soothing: Double, vulnerability: Double, arousal: Double) throws -> CoupleProbe {
            var probe = CoupleProbe(
                anxietyA: 0.4, avoidanceA: 0.5, anxietyB: 0.4, avoidanceB: 0.5, parameters: parameters)
            try probe.use(
                Arm(
                    name: "m",
                    interventions: [
                        Intervention(kind: .selfSoothing, target: .a, strength: soothing),
                        Intervention(kind: .shareVulnerability, target: .a, strength: vulnerability),
                    ]), days: 2)
            probe.beginOutcomeDay(0)
            probe.update(.a) { $0.arousal = arousal }
            return probe
        }
        // Flooded (E 0.7 > 0.6) with s^SS = 0.5: replaced iff u < 0.35.
        var flooded = try probe(soothing: 0.5, vulnerability: 0, arousal: 0.7)
        for (u, replaced) in [(0.35 - 1e-9, true), (0.35 + 1e-9, false)] {
            var stream = RandomStream.feeding(0.5, u)
            #expect(Self.category(flooded.choose(.a, stream: &stream)) == (replaced ? 4 : 2), "u \(u)")
        }
        // Not flooded: no replacement whatever the uniform.
        var calm = try probe(soothing: 0.5, vulnerability: 0, arousal: 0.5)
        var stream = RandomStream.feeding(0.5, 0)
        #expect(calm.choose(.a, stream: &stream) == .withdraw)
        // s^SV = 0.8 and E 0.5 > sv_e_min: converted iff u < 0.44; at E 0.3 never.
        var aroused = try probe(soothing: 0, vulnerability: 0.8, arousal: 0.5)
        for (u, expected) in [(0.44 - 1e-9, Action.pursueSoft), (0.44 + 1e-9, .withdraw)] {
            var stream = RandomStream.feeding(0.5, u)
            #expect(aroused.choose(.a, stream: &stream) == expected, "u \(u)")
        }
        var quiet = try probe(soothing: 0, vulnerability: 0.8, arousal: 0.3)
        stream = RandomStream.feeding(0.5, 0)
        #expect(quiet.choose(.a, stream: &stream) == .withdraw)
    }

    // MARK: Breaks and the end of a turn (§7.8, §7.9)

    @Test(
        "a break relaxes both in closed form; trained with probability s^SS, the uniform drawn only if s^SS > 0"
    )
    func breaks() throws {
        let parameters = try ModelParameters.with(
            ["break_turns": 17, "break_turns_trained": 41, "turn_minutes": 0.7],
            a: ["h0": 5], b: ["h0": 9, "p_soft_floor": 0.6])
        for soothing in [0.0, 0.4] {
            for u in [0.4 - 1e-9, 0.4 + 1e-9] {
                var probe = CoupleProbe(
                    anxietyA: 0.5, avoidanceA: 0.2, anxietyB: 0.3, avoidanceB: 0.6, parameters: parameters)
                try probe.use(
                    Arm(name: "ss", interventions: [Intervention(kind: .selfSoothing, target: .a, strength: soothing)]),
                    days: 2)
                probe.beginOutcomeDay(0)
                probe.update(.a) { $0.arousal = 0.9 }
                probe.update(.b) { $0.arousal = 0.8 }
                let a = probe.partner(.a), b = probe.partner(.b)
                // Second uniform 0.99: if the break consumed none, the start-up below sees u = 0.4 ± 1e-9.
                probe.use(RandomStream.feeding(u, 0.99))
                let (trained, minutes) = probe.takeBreak(by: .a)
                let expectTrained = soothing > 0 && u < soothing
                #expect(trained == expectTrained)
                let turns = expectTrained ? 41.0 : 17
                #expect(Close.to(minutes, turns * 0.7))
                #expect(
                    Close.to(
                        probe.partner(.a).arousal,
                        a.setPoint + (0.9 - a.setPoint) * pow(0.5, turns * 0.7 / a.breakHalfLife)))
                #expect(
                    Close.to(
                        probe.partner(.b).arousal, b.setPoint + (0.8 - b.setPoint) * pow(0.5, turns * 0.7 / b.halfLife))
                )
                if soothing == 0 {
                    // No draw was consumed: the start-up gets u (soft iff u < p_soft).
                    let soft = probe.partner(.b).softPursuitProbability
                    #expect((probe.act(.b, forced: true) == .pursueSoft) == (u < soft))
                }
            }
        }
    }

    @Test("the end-of-turn relaxation E ← clamp01(E* + r(E − E*) + sigma_e·z) is clamped when it is produced")
    func turnRelaxation() throws {
        let parameters = try ModelParameters.with(["sigma_e": 0.3])
        var probe = CoupleProbe(anxietyA: 0.5, avoidanceA: 0.2, anxietyB: 0.3, avoidanceB: 0.6, parameters: parameters)
        probe.update(.a) { $0.arousal = 0.7 }
        let a = probe.partner(.a)
        probe.relaxTurn(.a, z: 0.37)
        #expect(Close.to(probe.partner(.a).arousal, a.setPoint + a.turnInertia * (0.7 - a.setPoint) + 0.3 * 0.37))
        probe.relaxTurn(.a, z: 40)
        #expect(probe.partner(.a).arousal == 1)
        probe.relaxTurn(.a, z: -40)
        #expect(probe.partner(.a).arousal == 0)
        #expect(probe.partner(.b).arousal == probe.partner(.b).setPoint, "the other partner is untouched")
    }
}
