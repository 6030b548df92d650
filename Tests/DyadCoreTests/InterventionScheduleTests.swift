import DyadCore
import TestSupport
import Testing

/// Interventions on one couple stepped day by day (docs/model.md §7.17–§7.19), through the
/// package-only ``CoupleProbe``: windows, enrolment and eligibility, targets, strengths, `set`
/// and EFT, checked on the days and partners they must and must not touch.
@Suite("Intervention schedules")
struct InterventionScheduleTests {
    private func makeProbe(
        _ interventions: [Intervention], days: Int = 30, parameters: ModelParameters = ModelParameters(),
        a: (Double, Double) = (0.7, 0.2), b: (Double, Double) = (0.3, 0.6)
    ) throws -> CoupleProbe {
        var probe = CoupleProbe(anxietyA: a.0, avoidanceA: a.1, anxietyB: b.0, avoidanceB: b.1, parameters: parameters)
        try probe.use(Arm(name: "arm", interventions: interventions), days: days)
        return probe
    }

    // MARK: Windows and strengths

    @Test("an intervention is active on start_day ..< end_day only; without end_day until the last day")
    func windows() throws {
        var probe = try makeProbe(
            [
                Intervention(kind: .softStartup, target: .a, strength: 0.6, startDay: 3, endDay: 7),
                Intervention(kind: .selfSoothing, target: .b, strength: 0.45, startDay: 5),
            ], days: 12)
        for day in 0..<12 {
            probe.beginOutcomeDay(day)
            #expect(probe.partner(.a).strengths.softStartup == ((3..<7).contains(day) ? 0.6 : 0), "day \(day)")
            #expect(probe.partner(.b).strengths.selfSoothing == (day >= 5 ? 0.45 : 0), "day \(day)")
            #expect(probe.partner(.b).strengths.softStartup == 0 && probe.partner(.a).strengths.selfSoothing == 0)
        }
    }

    @Test(
        "each type sets its own strength and nothing else",
        arguments: [
            InterventionKind.consistentValidation, .withholdValidation, .selfSoothing, .softStartup,
            .communicateIntentions,
            .shareVulnerability,
        ].map(\.typeName))
    func typeStrengths(type: String) throws {
        let kind: InterventionKind =
            switch type {
            case "consistent_validation": .consistentValidation
            case "withhold_validation": .withholdValidation
            case "self_soothing": .selfSoothing
            case "soft_startup": .softStartup
            case "communicate_intentions": .communicateIntentions
            default: .shareVulnerability
            }
        var probe = try makeProbe([Intervention(kind: kind, strength: 0.37)])
        probe.beginOutcomeDay(0)
        var expected = ProbeStrengths()
        switch kind {
        case .consistentValidation: expected.consistentValidation = 0.37
        case .withholdValidation: expected.withholdValidation = 0.37
        case .selfSoothing: expected.selfSoothing = 0.37
        case .softStartup: expected.softStartup = 0.37
        case .communicateIntentions: expected.communicateIntentions = 0.37
        default: expected.shareVulnerability = 0.37
        }
        #expect(probe.partner(.a).strengths == expected && probe.partner(.b).strengths == expected)
    }

    static let strengthTypes: [InterventionKind] = [
        .consistentValidation, .withholdValidation, .selfSoothing, .softStartup, .communicateIntentions,
        .shareVulnerability,
    ]

    /// Partner `role`'s strength of type `kind`.
    static func strength(_ kind: InterventionKind, _ partner: PartnerProbe) -> Double {
        switch kind {
        case .consistentValidation: partner.strengths.consistentValidation
        case .withholdValidation: partner.strengths.withholdValidation
        case .selfSoothing: partner.strengths.selfSoothing
        case .softStartup: partner.strengths.softStartup
        case .communicateIntentions: partner.strengths.communicateIntentions
        default: partner.strengths.shareVulnerability
        }
    }

    @Test(
        "overlapping interventions of one type: a partner gets the largest active strength enrolling it",
        arguments: strengthTypes.indices)
    func overlappingStrengths(type: Int) throws {
        let kind = Self.strengthTypes[type]
        // Listed largest first, so "the last active one wins" differs from "the largest".
        let windows: [(strength: Double, start: Int, end: Int, target: InterventionTarget)] = [
            (0.8, 4, 9, .both), (0.3, 2, 12, .both), (0.5, 6, 14, .a), (0.9, 10, 11, .b), (0.1, 0, 3, .a),
            (0.2, 5, 8, .b),
        ]
        var probe = try makeProbe(
            windows.map {
                Intervention(kind: kind, target: $0.target, strength: $0.strength, startDay: $0.start, endDay: $0.end)
            }, days: 16)
        for day in 0..<16 {
            probe.beginOutcomeDay(day)
            for role in Role.allCases {
                let active = windows.filter {
                    ($0.start..<$0.end).contains(day) && ($0.target == .both || $0.target.rawValue == role.rawValue)
                }
                let expected = active.map(\.strength).max() ?? 0
                #expect(Self.strength(kind, probe.partner(role)) == expected, "\(kind.typeName) day \(day) \(role)")
            }
        }
    }

    // MARK: Targets and enrolment

    struct TargetCase: Sendable, CustomTestStringConvertible {
        let target: InterventionTarget
        /// (anxiety, avoidance) of a and b.
        let a: (Double, Double)
        let b: (Double, Double)
        let enrolsA: Bool
        let enrolsB: Bool
        var testDescription: String { "\(target.rawValue) with a \(a), b \(b)" }
    }

    static let targetCases: [TargetCase] = {
        // a more anxious and less avoidant; b more anxious and less avoidant; equal traits (ties → a).
        let traits: [((Double, Double), (Double, Double), anxiousIsA: Bool, avoidantIsA: Bool)] = [
            ((0.7, 0.2), (0.3, 0.6), true, false), ((0.3, 0.6), (0.7, 0.2), false, true),
            ((0.5, 0.4), (0.5, 0.4), true, true),
        ]
        return traits.flatMap { a, b, anxiousIsA, avoidantIsA in
            InterventionTarget.allCases.map { target in
                let isA: Bool? =
                    switch target {
                    case .a: true
                    case .b: false
                    case .both: nil
                    case .moreAnxious: anxiousIsA
                    case .moreAvoidant: avoidantIsA
                    case .partnerOfMoreAnxious: !anxiousIsA
                    case .partnerOfMoreAvoidant: !avoidantIsA
                    }
                return TargetCase(target: target, a: a, b: b, enrolsA: isA ?? true, enrolsB: isA.map { !$0 } ?? true)
            }
        }
    }()

    @Test("targets resolve from the current traits at enrolment (ties → a)", arguments: targetCases)
    func targets(_ c: TargetCase) throws {
        var probe = try makeProbe(
            [Intervention(kind: .communicateIntentions, target: c.target, strength: 0.7, startDay: 2)],
            a: c.a, b: c.b)
        for day in 0..<4 { probe.beginOutcomeDay(day) }
        #expect(
            probe.isEnrolled(.a, intervention: 0) == c.enrolsA && probe.isEnrolled(.b, intervention: 0) == c.enrolsB)
        #expect(probe.partner(.a).strengths.communicateIntentions == (c.enrolsA ? 0.7 : 0))
        #expect(probe.partner(.b).strengths.communicateIntentions == (c.enrolsB ? 0.7 : 0))
        #expect(probe.treated)
    }

    @Test(
        "the target is fixed at enrolment; later traits do not move it; later interventions see the new traits"
    )
    func targetFixedAtEnrolment() throws {
        var probe = try makeProbe([
            Intervention(kind: .softStartup, target: .moreAnxious, strength: 0.5, startDay: 1),
            Intervention(kind: .softStartup, target: .moreAnxious, strength: 0.8, startDay: 3),
        ])
        probe.beginOutcomeDay(0)
        // Before the start day the current anxiety of a falls below b's (a0 stays larger).
        probe.update(.a) { $0.anxiety = 0.1 }
        probe.beginOutcomeDay(1)
        #expect(probe.isEnrolled(.b, intervention: 0) && !probe.isEnrolled(.a, intervention: 0), "current a, not a0")
        probe.update(.a) { $0.anxiety = 0.9 }
        probe.beginOutcomeDay(2)
        probe.beginOutcomeDay(3)
        #expect(probe.isEnrolled(.b, intervention: 0) && !probe.isEnrolled(.a, intervention: 0), "kept")
        #expect(probe.isEnrolled(.a, intervention: 1) && !probe.isEnrolled(.b, intervention: 1))
        #expect(probe.partner(.a).strengths.softStartup == 0.8 && probe.partner(.b).strengths.softStartup == 0.5)
    }

    @Test("eligibility distressed enrols iff Sat_c < sat_distress at step 0 of start_day, and only then")
    func eligibility() throws {
        // Sat_c = (0.5 + 0.75)/2 = 0.625 exactly.
        for (threshold, enrols) in [(0.625, false), (0.625.nextUp, true), (0.7, true), (0.6, false)] {
            let parameters = try ModelParameters.with(["sat_distress": threshold])
            for eligibility in Eligibility.allCases {
                var probe = try makeProbe(
                    [Intervention(kind: .selfSoothing, strength: 0.4, startDay: 2, eligibility: eligibility)],
                    parameters: parameters)
                probe.beginOutcomeDay(0)
                probe.beginOutcomeDay(1)
                probe.update(.a) { $0.satisfaction = 0.5 }
                probe.update(.b) { $0.satisfaction = 0.75 }
                probe.beginOutcomeDay(2)
                let expected = eligibility == .all || enrols
                #expect(probe.treated == expected, "\(eligibility) at threshold \(threshold)")
                #expect(probe.partner(.a).strengths.selfSoothing == (expected ? 0.4 : 0))
                // Satisfaction after the start day does not matter.
                probe.update(.a) { $0.satisfaction = expected ? 0.99 : 0.01 }
                probe.update(.b) { $0.satisfaction = expected ? 0.99 : 0.01 }
                for day in 3..<6 { probe.beginOutcomeDay(day) }
                #expect(probe.treated == expected && probe.isEnrolled(.b, intervention: 0) == expected)
                #expect(probe.partner(.b).strengths.selfSoothing == (expected ? 0.4 : 0))
            }
        }
    }

    // MARK: set (§7.19)

    @Test("set: base + s·(value − base) for enrolled partners on active days, base before and after")
    func setPartnerParameter() throws {
        let parameters = try ModelParameters.with(a: ["h0": 8], b: ["h0": 5])
        var probe = try makeProbe(
            [
                Intervention(
                    kind: .set(parameter: "h0", value: 20), target: .a, strength: 0.4,
                    startDay: 2, endDay: 5)
            ], parameters: parameters)
        for day in 0..<8 {
            probe.beginOutcomeDay(day)
            let a = probe.partner(.a), b = probe.partner(.b)
            let active = (2..<5).contains(day)
            let h0 = active ? 8 + 0.4 * (20 - 8) : 8
            #expect(Close.to(a.parameters.named("h0"), h0), "day \(day)")
            #expect(a.base.named("h0") == 8 && b.parameters.named("h0") == 5 && b.base.named("h0") == 5)
            // Derived quantities follow today's value at once.
            #expect(Close.to(a.halfLife, h0 * (1 + 1.0 * a.anxiety + 0.3 * a.avoidance)), "day \(day)")
        }
    }

    @Test("set of a couple-level parameter changes the couple when either partner is enrolled")
    func setCoupleParameter() throws {
        for target in [InterventionTarget.a, .b, .moreAvoidant] {
            var probe = try makeProbe([
                Intervention(
                    kind: .set(parameter: "lambda0", value: 0.9), target: target, strength: 0.5,
                    startDay: 1, endDay: 3)
            ])
            for day in 0..<4 {
                probe.beginOutcomeDay(day)
                let expected = (1..<3).contains(day) ? 0.15 + 0.5 * (0.9 - 0.15) : 0.15
                #expect(Close.to(probe.coupleParameters.named("lambda0"), expected), "\(target) day \(day)")
                #expect(probe.coupleBaseParameters.named("lambda0") == 0.15)
            }
        }
        // An ineligible couple is not changed.
        var ineligible = try makeProbe([
            Intervention(
                kind: .set(parameter: "lambda0", value: 0.9), startDay: 1,
                eligibility: .distressed)
        ])
        ineligible.update(.a) { $0.satisfaction = 0.95 }
        ineligible.update(.b) { $0.satisfaction = 0.95 }
        for day in 0..<3 { ineligible.beginOutcomeDay(day) }
        #expect(ineligible.coupleParameters.named("lambda0") == 0.15 && !ineligible.treated)
    }

    @Test("several active sets apply in arm order, later ones win, each interpolating from the base")
    func setOrder() throws {
        let e0 = ModelParameters().named("e0")
        var probe = try makeProbe(
            [
                Intervention(kind: .set(parameter: "e0", value: 0.3), startDay: 0, endDay: 10),
                Intervention(kind: .set(parameter: "e0", value: 0.8), strength: 0.5, startDay: 4, endDay: 6),
                Intervention(kind: .set(parameter: "e0", value: 0.6), target: .b, startDay: 5, endDay: 7),
            ], days: 12)
        for day in 0..<12 {
            probe.beginOutcomeDay(day)
            var a = e0, b = e0
            if day < 10 { (a, b) = (0.3, 0.3) }
            if (4..<6).contains(day) { (a, b) = (e0 + 0.5 * (0.8 - e0), e0 + 0.5 * (0.8 - e0)) }
            if (5..<7).contains(day) { b = 0.6 }
            #expect(Close.to(probe.partner(.a).parameters.named("e0"), a), "day \(day)")
            #expect(Close.to(probe.partner(.b).parameters.named("e0"), b), "day \(day)")
        }
        // The reverse order: the open-ended first set wins over the short one before it.
        var reversed = try makeProbe(
            [
                Intervention(kind: .set(parameter: "e0", value: 0.8), startDay: 4, endDay: 6),
                Intervention(kind: .set(parameter: "e0", value: 0.3), startDay: 0, endDay: 10),
            ], days: 12)
        for day in 0..<6 { reversed.beginOutcomeDay(day) }
        #expect(reversed.partner(.a).parameters.named("e0") == 0.3)
    }

    // MARK: EFT (§7.18)

    static let eftParameters: [String: Double] = [
        "eft_sessions": 4, "eft_interval": 3, "eft_stage1": 2, "eft_dv_total": 0.2, "eft_decouple": 0.5,
        "eft_reengage": 0.8, "eft_p_soften": 1, "eft_soften_p_soft": 0.9, "eft_soften_da": 0.15,
    ]

    @Test(
        "EFT sessions on start + k·interval: avoidance drop, decoupling, re-engagement, last-session softening"
    )
    func eftSessions() throws {
        let parameters = try ModelParameters.with(Self.eftParameters)
        // A second intervention (strength 0) makes day 14 = start + 4·interval a day with work to do:
        // no fifth session may happen on it.
        var probe = try makeProbe(
            [
                Intervention(kind: .eft, strength: 1, startDay: 2),
                Intervention(kind: .selfSoothing, strength: 0, startDay: 14),
            ], parameters: parameters, a: (0.7, 0.2), b: (0.3, 0.6))
        let start = (probe.partner(.a), probe.partner(.b))
        var session = 0
        for day in 0..<16 {
            let before = (probe.partner(.a), probe.partner(.b))
            probe.beginOutcomeDay(day)
            let after = (probe.partner(.a), probe.partner(.b))
            let isSession = day >= 2 && (day - 2) % 3 == 0 && session < 4
            if !isSession {
                #expect(after.0 == before.0 && after.1 == before.1, "day \(day): no session, nothing changes")
                continue
            }
            session += 1
            for (role, old, new) in [(Role.a, before.0, after.0), (.b, before.1, after.1)] {
                #expect(Close.to(new.avoidance, old.avoidance - 0.2 / 4), "session \(session) \(role)")
                let keep = session <= 2 ? 0.5 : 1
                for name in ["u_p_wd", "u_w_harsh", "u_w_soft"] {
                    #expect(
                        Close.to(new.base.named(name), old.base.named(name) * keep),
                        "session \(session) \(role) \(name)")
                    #expect(new.parameters.named(name) == new.base.named(name))
                }
                // b is the more avoidant partner at every session (0.6 − k·0.05 > 0.2 − k·0.05).
                let reengage = session > 2 && role == .b ? 0.8 : 0
                #expect(
                    Close.to(new.base.named("u_v0"), old.base.named("u_v0") + reengage), "session \(session) \(role)")
                let softens = session == 4 && role == .a
                #expect(Close.to(new.anxiety, old.anxiety - (softens ? 0.15 : 0)))
                #expect(new.base.named("p_soft_floor") == (softens ? 0.9 : old.base.named("p_soft_floor")))
            }
        }
        #expect(session == 4)
        #expect(Close.to(probe.partner(.b).base.named("u_p_wd"), start.1.base.named("u_p_wd") * 0.25))
    }

    @Test("EFT with strength s scales every change; sessions stop at end_day; only enrolled partners change")
    func eftStrengthWindowAndTarget() throws {
        var parameters = try ModelParameters.with(Self.eftParameters)
        try parameters.set("eft_p_soften", to: 0)
        var probe = try makeProbe(
            [Intervention(kind: .eft, target: .a, strength: 0.5, startDay: 1, endDay: 5)],
            parameters: parameters, a: (0.4, 0.5), b: (0.6, 0.3))
        let start = (probe.partner(.a), probe.partner(.b))
        for day in 0..<16 { probe.beginOutcomeDay(day) }
        let (a, b) = (probe.partner(.a), probe.partner(.b))
        // Sessions on days 1 and 4 only (7 is past end_day), both in stage 1.
        #expect(Close.to(a.avoidance, 0.5 - 2 * 0.5 * 0.2 / 4))
        #expect(Close.to(a.base.named("u_w_harsh"), start.0.base.named("u_w_harsh") * 0.75 * 0.75))
        #expect(a.base.named("u_v0") == start.0.base.named("u_v0"))
        #expect(b == start.1, "the partner who is not enrolled is untouched")
        #expect(a.anxiety == 0.4, "no softening with eft_p_soften = 0")
    }

    @Test("EFT re-engages whoever is more avoidant at the session (ties → a) and clamps avoidance and anxiety at 0")
    func eftRolesAndClamps() throws {
        var parameters = try ModelParameters.with(Self.eftParameters)
        for (name, value) in [("eft_sessions", 2.0), ("eft_stage1", 0), ("eft_dv_total", 1), ("eft_soften_da", 1)] {
            try parameters.set(name, to: value)
        }
        var probe = try makeProbe(
            [Intervention(kind: .eft, strength: 1, startDay: 0)], parameters: parameters,
            a: (0.4, 0.3), b: (0.4, 0.3))
        let start = (probe.partner(.a), probe.partner(.b))
        probe.beginOutcomeDay(0)
        #expect(Close.to(probe.partner(.a).base.named("u_v0"), start.0.base.named("u_v0") + 0.8), "tie → a")
        #expect(probe.partner(.b).base.named("u_v0") == start.1.base.named("u_v0"))
        #expect(probe.partner(.a).avoidance == 0 && probe.partner(.b).avoidance == 0, "0.3 − 1/2 clamped")
        for day in 1...3 { probe.beginOutcomeDay(day) }
        // Last session: both avoidances 0 (tie → a re-engages again); a softens: 0.4 − 1 → 0.
        #expect(probe.partner(.a).anxiety == 0 && probe.partner(.b).anxiety == 0.4)
    }

    @Test("set interpolates from the base that EFT changed; a set of an eft_* size does not change EFT")
    func eftAndSet() throws {
        let parameters = try ModelParameters.with(Self.eftParameters)
        var probe = try makeProbe(
            [
                Intervention(kind: .eft, strength: 1, startDay: 0),
                Intervention(kind: .set(parameter: "u_w_soft", value: 3), strength: 0.5, startDay: 0),
                Intervention(kind: .set(parameter: "eft_dv_total", value: 0)),
            ], parameters: parameters)
        let start = probe.partner(.a)
        probe.beginOutcomeDay(0)
        let a = probe.partner(.a)
        let base = start.base.named("u_w_soft") * 0.5
        #expect(Close.to(a.base.named("u_w_soft"), base))
        #expect(Close.to(a.parameters.named("u_w_soft"), base + 0.5 * (3 - base)))
        #expect(Close.to(a.avoidance, start.avoidance - 0.2 / 4), "EFT reads eft_dv_total from the base")
    }
}
