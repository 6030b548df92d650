import DyadCore
import DyadExperiment
import DyadValidation
import TestSupport
import Testing

/// The numbers behind the stylized facts recomputed from the couple table by their documented
/// definitions (docs/model.md §10.2, §12.4): the measure of every intervention effect (the day-0
/// more anxious partner, a on ties), paired differences with SE sd/√n, and facts of scenario P
/// whose measured value and standard error must not be swapped or mixed up.
@Suite("Stylized-fact arithmetic")
struct FactArithmeticTests {
    /// Per couple the value of the day-0 more anxious partner (a0_a ≥ a0_b → a) or the other.
    static func byAnxiety(
        _ t: CoupleOutcomeTable, _ a: CoupleOutcomeColumn, _ b: CoupleOutcomeColumn, anxious: Bool
    ) -> [Double] {
        (0..<t.count).map { row in
            (t.value(.a0A, row: row) >= t.value(.a0B, row: row)) == anxious
                ? t.value(a, row: row) : t.value(b, row: row)
        }
    }

    static func partnerMean(_ t: CoupleOutcomeTable, _ a: CoupleOutcomeColumn, _ b: CoupleOutcomeColumn) -> [Double] {
        (0..<t.count).map { row in
            let x = t.value(a, row: row), y = t.value(b, row: row)
            return x.isNaN ? y : y.isNaN ? x : (x + y) / 2
        }
    }

    /// The measure as docs/model.md §12.4 defines it.
    static func measure(_ measure: InterventionMeasure, _ t: CoupleOutcomeTable) -> [Double] {
        switch measure {
        case .anxiousArousal: byAnxiety(t, .meanEA, .meanEB, anxious: true)
        case .anxiousSecurity: byAnxiety(t, .securityA, .securityB, anxious: true)
        case .anxiousPursuit: byAnxiety(t, .pursueFracA, .pursueFracB, anxious: true)
        case .anxiousAnxietyChange:
            zip(byAnxiety(t, .aA, .aB, anxious: true), byAnxiety(t, .a0A, .a0B, anxious: true)).map { $0 - $1 }
        case .partnerWithdrawal: byAnxiety(t, .withdrawFracA, .withdrawFracB, anxious: false)
        case .partnerPeakArousal: byAnxiety(t, .peakEA, .peakEB, anxious: false)
        case .flooding: partnerMean(t, .floodFracA, .floodFracB)
        case .withdrawal: partnerMean(t, .withdrawFracA, .withdrawFracB)
        case .repairRMST: t.values(.repairRMST)
        case .repairTime: t.values(.repairTime)
        case .resolvedFraction: t.values(.resolvedFrac)
        case .pursueWithdrawCycle: t.values(.pwCycleFrac)
        case .satisfaction: t.values(.satisfaction)
        case .distressed: t.values(.distressed)
        case .dissolved: t.values(.dissolved)
        }
    }

    /// mean(x − y) over complete pairs and sd(x − y)/√n.
    static func paired(_ x: [Double], _ y: [Double]) -> (value: Double, standardError: Double, count: Int) {
        let differences = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }.map { $0.0 - $0.1 }
        let n = Double(differences.count)
        return (
            TestStatistics.mean(differences), (TestStatistics.variance(differences) / n).squareRoot(), differences.count
        )
    }

    @Test(
        "intervention effects: every measure of every arm is the paired difference of its documented per-couple value")
    func interventionEffects() throws {
        let configuration = ValidationScenario.interventions.configuration(couples: 400)
        let result = try Simulator(threads: 2).run(configuration)
        let control = try #require(result.arms.first { $0.name == "control" }).outcomes
        let effects = InterventionFacts.effects(result)
        #expect(effects.count == InterventionMeasure.allCases.count * (result.arms.count - 1))
        for effect in effects {
            let arm = try #require(result.arms.first { $0.name == effect.arm }).outcomes
            let expected = Self.paired(Self.measure(effect.measure, arm), Self.measure(effect.measure, control))
            let reference = Self.measure(effect.measure, control).filter { !$0.isNaN }
            let label = "\(effect.arm) \(effect.measure.rawValue)"
            #expect(effect.effect.count == expected.count, "\(label)")
            #expect(Close.to(effect.effect.value, expected.value, 1e-9), "\(label) value")
            #expect(Close.to(effect.effect.standardError, expected.standardError, 1e-9), "\(label) se")
            #expect(Close.to(effect.controlMean, TestStatistics.mean(reference), 1e-9), "\(label) control mean")
        }
        // Each fact reports its first measure's paired difference as measured and its SE as standard_error.
        let facts = InterventionFacts.evaluate(result, configuration: configuration, quick: true)
        let headline: [String: (String, InterventionMeasure)] = [
            "SF18": ("consistent_validation", .anxiousArousal), "SF19": ("withhold_validation", .anxiousArousal),
            "SF20": ("self_soothing", .flooding), "SF21": ("soft_startup", .partnerWithdrawal),
            "SF22": ("communicate_intentions", .anxiousArousal), "SF23": ("share_vulnerability", .satisfaction),
        ]
        #expect(facts.map(\.id) == ["SF18", "SF19", "SF20", "SF21", "SF22", "SF23"])
        for fact in facts {
            let (armName, measure) = try #require(headline[fact.id])
            let arm = try #require(result.arms.first { $0.name == armName }).outcomes
            let expected = Self.paired(Self.measure(measure, arm), Self.measure(measure, control))
            #expect(Close.to(fact.measured, expected.value, 1e-9), "\(fact.id) measured")
            #expect(Close.to(fact.standardError ?? .nan, expected.standardError, 1e-9), "\(fact.id) standard error")
        }
    }

    @Test("scenario P: SF12 median contrast, SF13 mean contrast and SF14 dissolution share with their standard errors")
    func populationFacts() throws {
        let configuration = ValidationScenario.population.configuration(couples: 3000)
        let result = try Simulator(threads: 2).run(configuration)
        let facts = PopulationFacts.evaluate(result, configuration: configuration, quick: true)
        let t = result.arms[0].outcomes
        let dissolved = t.values(.dissolved)
        let survivors = (0..<t.count).filter { dissolved[$0] == 0 },
            dissolving = (0..<t.count).filter { dissolved[$0] == 1 }
        #expect(dissolving.count > 20)

        let share = Double(dissolving.count) / Double(t.count)
        let sf14 = try #require(facts.first { $0.id == "SF14" })
        #expect(
            Close.to(sf14.measured, share)
                && Close.to(sf14.standardError ?? .nan, (share * (1 - share) / Double(t.count)).squareRoot()))

        let turnToward = Self.partnerMean(t, .turnTowardA, .turnTowardB)
        let surviving = survivors.map { turnToward[$0] }.filter { !$0.isNaN },
            gone = dissolving.map { turnToward[$0] }.filter { !$0.isNaN }
        let difference = TestStatistics.mean(surviving) - TestStatistics.mean(gone)
        let error =
            (TestStatistics.variance(surviving) / Double(surviving.count) + TestStatistics.variance(gone)
            / Double(gone.count))
            .squareRoot()
        let sf13 = try #require(facts.first { $0.id == "SF13" })
        #expect(Close.to(sf13.measured, difference, 1e-9) && Close.to(sf13.standardError ?? .nan, error, 1e-9))

        func median(_ values: [Double]) -> Double {
            let sorted = values.filter { !$0.isNaN }.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
        let ratio = t.values(.ratioConflict)
        let sf12 = try #require(facts.first { $0.id == "SF12" })
        #expect(
            Close.to(sf12.measured, median(survivors.map { ratio[$0] }) - median(dissolving.map { ratio[$0] }), 1e-12))
        // Each median's SE from order statistics, combined as for independent groups: √(se₁² + se₂²).
        let seSurviving = ValidationStatistics.median(survivors.map { ratio[$0] }).standardError,
            seDissolved = ValidationStatistics.median(dissolving.map { ratio[$0] }).standardError
        #expect(seSurviving > 0 && seDissolved > 0)
        let combined = (seSurviving * seSurviving + seDissolved * seDissolved).squareRoot()
        #expect(Close.to(sf12.standardError ?? .nan, combined, 1e-12), "SF12 standard error")
    }
    @Test(
        "SF24: d = pre–post change / √((sd_pre² + sd_post²)/2) over EFT completers, SE √(2(1 − r)/n + d²/2n)"
    )
    func therapyEffect() throws {
        let configuration = ValidationScenario.therapy.configuration(couples: 1200)
        let result = try Simulator(threads: 2).run(configuration)
        let facts = TherapyFacts.evaluate(result, configuration: configuration, quick: true)
        let waitlist = try #require(result.arms.first { $0.name == "waitlist" }).outcomes
        let therapy = try #require(result.arms.first { $0.name == "eft" }).outcomes
        // Completers: distressed at baseline, not dissolved in the EFT arm.
        let rows = (0..<therapy.count).filter {
            waitlist.value(.distressedBaseline, row: $0) == 1 && therapy.value(.dissolved, row: $0) == 0
        }
        #expect(rows.count > 100)
        let pre = rows.map { therapy.value(.satBaseline, row: $0) },
            post = rows.map { therapy.value(.satisfaction, row: $0) }
        let n = Double(rows.count)
        let d =
            (TestStatistics.mean(post) - TestStatistics.mean(pre))
            / ((TestStatistics.variance(pre) + TestStatistics.variance(post)) / 2).squareRoot()
        let r = TestStatistics.correlation(pre, post)
        let sf24 = try #require(facts.first { $0.id == "SF24" })
        #expect(Close.to(sf24.measured, d, 1e-9), "\(sf24.measured) vs \(d)")
        #expect(Close.to(sf24.standardError ?? .nan, (2 * (1 - r) / n + d * d / (2 * n)).squareRoot(), 1e-9))
    }
    @Test("scenario S: SF15–SF17 contrasts of pairing means with SE √(se₁² + se₂²), recomputed from the prototypes")
    func pairingFacts() throws {
        let configuration = ValidationScenario.pairings.configuration(couples: 3200)
        let result = try Simulator(threads: 2).run(configuration)
        let facts = PairingFacts.evaluate(result, configuration: configuration, quick: true)
        let t = result.arms[0].outcomes
        let names = result.prototypeNames
        func rows(_ pairs: [(String, String)]) -> [Int] {
            (0..<t.count).filter { row in
                pairs.contains {
                    $0.0 == names[Int(t.value(.protoA, row: row))] && $0.1 == names[Int(t.value(.protoB, row: row))]
                }
            }
        }
        func estimate(_ column: CoupleOutcomeColumn, _ pairs: [(String, String)]) -> (value: Double, error: Double) {
            let values = rows(pairs).map { t.value(column, row: $0) }.filter { !$0.isNaN }
            return (TestStatistics.mean(values), TestStatistics.standardError(values))
        }
        func gap(_ first: (value: Double, error: Double), _ second: (value: Double, error: Double)) -> (Double, Double)
        {
            (first.value - second.value, (first.error * first.error + second.error * second.error).squareRoot())
        }
        func check(_ id: String, _ expected: (Double, Double)) throws {
            let fact = try #require(facts.first { $0.id == id })
            #expect(Close.to(fact.measured, expected.0, 1e-9), "\(id) measured \(fact.measured) vs \(expected.0)")
            #expect(Close.to(fact.standardError ?? .nan, expected.1, 1e-9), "\(id) standard error")
        }
        let styles = ["secure", "anxious", "avoidant"]
        let classic = styles.flatMap { a in styles.map { (a, $0) } }
        let anxiousAvoidant = [("anxious", "avoidant"), ("avoidant", "anxious")]
        // SF15: the lower anxious–avoidant order minus the highest other classic pairing (pw_cycle_frac).
        let cycle = { (pair: (String, String)) in estimate(.pwCycleFrac, [pair]) }
        let others = classic.filter { pair in !anxiousAvoidant.contains { $0 == pair } }
        let nextHighest = others.max { cycle($0).value < cycle($1).value } ?? others[0]
        let lower = anxiousAvoidant.min { cycle($0).value < cycle($1).value } ?? anxiousAvoidant[0]
        try check("SF15", gap(cycle(lower), cycle(nextHighest)))
        // SF16: dissolution of the nearest fearful-insecure group minus anxious–avoidant, both orders pooled.
        let fearful = ["anxious", "avoidant", "fearful"].map {
            estimate(.dissolved, [($0, "fearful"), ("fearful", $0)])
        }
        let nearest = fearful.min { $0.value < $1.value } ?? fearful[0]
        try check("SF16", gap(nearest, estimate(.dissolved, anxiousAvoidant)))
        // SF17: the weakest (smallest z) step of repair_rmst from secure–secure via the mixed pairs to anxious–anxious.
        let repair = { (pair: (String, String)) in estimate(.repairRMST, [pair]) }
        let secure = repair(("secure", "secure")), anxious = repair(("anxious", "anxious"))
        let steps = [repair(("secure", "anxious")), repair(("anxious", "secure"))].flatMap {
            [gap($0, secure), gap(anxious, $0)]
        }
        try check("SF17", steps.min { $0.0 / $0.1 < $1.0 / $1.1 } ?? steps[0])
    }
}
