import DyadCore
import DyadExperiment
import DyadValidation
import Foundation
import Testing

/// docs/model.md §10.2 stylized facts on reduced-size scenarios (quick mode), and at full size when
/// `DYADSIM_LONG_TESTS=1`.
@Suite("docs/model.md §10.2 stylized facts")
struct StylizedFactTests {
    private static let longTests = ProcessInfo.processInfo.environment["DYADSIM_LONG_TESTS"] == "1"

    private func expectedIdentifiers(_ scenario: ValidationScenario) -> [String] {
        StylizedFactCatalog.entries.filter { $0.scenario == scenario }.map(\.id)
    }

    private func check(_ scenario: ValidationScenario, couples: Int) throws {
        let results = try ModelValidation.stylizedFacts(scenario, couples: couples)
        #expect(results.map(\.id) == expectedIdentifiers(scenario))
        for result in results {
            #expect(result.pass, "\(result.id): \(result.detail) (expected \(result.expected))")
            #expect(result.scenario == scenario.rawValue)
            #expect(result.measured.isFinite, "\(result.id)")
        }
    }

    @Test("every fact passes on the reduced-size scenario", arguments: ValidationScenario.allCases)
    func reducedSize(scenario: ValidationScenario) throws {
        try check(scenario, couples: scenario.quickCouples)
    }

    @Test(
        "every fact passes on the full-size scenario", .enabled(if: longTests), arguments: ValidationScenario.allCases)
    func fullSize(scenario: ValidationScenario) throws {
        try check(scenario, couples: scenario.defaultCouples)
    }

    @Test("scenario builders follow docs/model.md §10.2")
    func scenarioBuilders() {
        let population = ValidationScenario.population.configuration()
        #expect(population.coupleCount == 20_000 && population.days == 365 && population.burnInDays == 90)
        #expect(population.runKey == StreamKey.run(seed: 1, pointKey: 0, replicate: 0))
        let pairings = ValidationScenarios.pairings(couples: 1_600)
        #expect(pairings.population.mode == .styles && pairings.runKey == ValidationScenarios.runKey(seed: 3))
        let interventions = ValidationScenario.interventions.configuration(couples: 100)
        #expect(interventions.arms.map(\.name) == ["control"] + InterventionType.names.prefix(6))
        #expect(
            interventions.arms[1].interventions == [
                Intervention(kind: .consistentValidation, target: .partnerOfMoreAnxious)
            ])
        #expect(interventions.arms[4].interventions[0].target == .moreAnxious)
        #expect(interventions.runKey == ValidationScenarios.runKey(seed: 7))
        let therapy = ValidationScenario.therapy.configuration()
        #expect(therapy.days == 194 && therapy.baselineDay == 60 && therapy.arms.map(\.name) == ["waitlist", "eft"])
        #expect(
            therapy.arms[1].interventions == [
                Intervention(kind: .eft, target: .both, startDay: 60, eligibility: .distressed)
            ])
    }
}

/// The statistics helpers on hand-computed data.
@Suite("Validation statistics")
struct ValidationStatisticsTests {
    private typealias Statistics = ValidationStatistics

    @Test("Pearson r on hand data; NA pairs skipped; a perfect line has r = 1 and SE 0")
    func correlation() {
        // dx = (−2, −1, 0, 1, 2), dy = (−2, 0, 1, 0, 1): Σdxdy = 6, Σdx² = 10, Σdy² = 6.
        let r = Statistics.correlation([1, 2, 3, 4, 5, .nan], [2, 4, 5, 4, 5, 3])
        #expect(abs(r.value - 6 / 60.0.squareRoot()) < 1e-15)
        #expect(r.count == 5)
        let line = Statistics.correlation([1, 2, 3, 4], [3, 5, 7, 9])
        #expect(abs(line.value - 1) < 1e-15 && line.standardError < 1e-7)
    }

    @Test("SE of two correlations sharing a variable: 0 for the same correlation, √(2/n) when all are 0")
    func overlappingCorrelations() {
        #expect(Statistics.overlappingCorrelationDifferenceStandardError(0.4, 0.4, 1, count: 50) < 1e-12)
        #expect(abs(Statistics.overlappingCorrelationDifferenceStandardError(0, 0, 0, count: 50) - 0.2) < 1e-15)
    }

    @Test("median and type-7 quantiles; order-statistic SE of the median")
    func median() {
        #expect(Statistics.median([5, 1, 3, .nan, 2, 4]).value == 3)
        #expect(Statistics.median([4, 1, 3, 2]).value == 2.5)
        #expect(Statistics.quantile([1, 2, 3, 4], 1.0 / 3) == 2)
        // n = 5: 1.96·√5/2 = 2.19, j = ⌊2.5 − 2.19⌋ → 1, k = ⌈3.5 + 2.19⌉ → 5: SE = (5 − 1)/3.92.
        #expect(abs(Statistics.median([5, 1, 3, 2, 4]).standardError - 4 / 3.92) < 1e-15)
        // n = 100 of 1…100: j = ⌊50 − 9.8⌋ = 40, k = ⌈51 + 9.8⌉ = 61: SE = 21/3.92 (asymptotic 5).
        let uniform = Statistics.median((1...100).map(Double.init))
        #expect(uniform.value == 50.5 && abs(uniform.standardError - 21 / 3.92) < 1e-12)
    }

    @Test("paired difference: mean and sd(diff)/√n over complete pairs")
    func pairedDifference() {
        // Differences (2, 3, 4): mean 3, sd 1, n 3.
        let difference = Statistics.pairedDifference([3, 5, 8, .nan], [1, 2, 4, 7])
        #expect(difference.value == 3 && difference.count == 3)
        #expect(abs(difference.standardError - 1 / 3.0.squareRoot()) < 1e-15)
    }

    @Test("independent mean difference, pooled ratio with cluster SE, proportion")
    func differencesAndRatios() {
        // (1, 2, 3): mean 2, var 1; (2, 4): mean 3, var 2 → SE √(1/3 + 2/2).
        let difference = Statistics.meanDifference([1, 2, 3], [2, 4])
        #expect(difference.value == -1 && abs(difference.standardError - (4.0 / 3).squareRoot()) < 1e-15)
        // R = 6/8; residuals (−0.5, 0.5, 0): SE = √(0.5/6)/(8/3).
        let ratio = Statistics.ratio([1, 2, 3], [2, 2, 4])
        #expect(ratio.value == 0.75 && abs(ratio.standardError - (0.5 / 6).squareRoot() / (8.0 / 3)) < 1e-15)
        let share = Statistics.proportion(30, of: 100)
        #expect(share.value == 0.3 && abs(share.standardError - 0.0021.squareRoot()) < 1e-15)
    }

    @Test("pass rules: 4 SE for directions, bands widened by 2 SE only in quick mode")
    func criteria() {
        #expect(ValidationCriteria.holdsDirection(0.5, standardError: 0.1, sign: 1))
        #expect(!ValidationCriteria.holdsDirection(0.39, standardError: 0.1, sign: 1))
        #expect(ValidationCriteria.holdsDirection(-0.5, standardError: 0.1, sign: -1))
        #expect(!ValidationCriteria.holdsDirection(.nan, standardError: 0.1, sign: 1))
        #expect(!ValidationCriteria.liesWithin(0.26, lower: 0.1, upper: 0.25, standardError: 0.01, quick: false))
        #expect(ValidationCriteria.liesWithin(0.26, lower: 0.1, upper: 0.25, standardError: 0.01, quick: true))
    }
}
