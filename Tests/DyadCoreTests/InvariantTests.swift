import DyadCore
import TestSupport
import Testing

/// Invariants over 1,200 random valid configurations: states in range, no NaN/Inf except NA,
/// counts consistent, aggregates consistent with per-couple rows.
@Suite("Invariants over random parameter sets")
struct InvariantTests {
    /// Columns that may be NA (docs/model.md §9.1: means or shares over empty sets, not-applicable values).
    /// A role-free column may be NA exactly when its partner columns may be.
    private static let mayBeMissing: Set<CoupleOutcomeColumn> = modelMayBeMissing.union(
        CoupleOutcomeColumn.roleFree.filter { column in
            column.roleFreeSource.map { modelMayBeMissing.contains($0.a) } ?? false
        })
    private static let modelMayBeMissing: Set<CoupleOutcomeColumn> = [
        .protoA, .protoB, .resolvedFrac, .repairTime, .repairRMST, .pwCycleFrac,
        .pursueFracA, .withdrawFracA, .validateFracA, .selfregFracA, .harshFracA,
        .pursueFracB, .withdrawFracB, .validateFracB, .selfregFracB, .harshFracB,
        .meanEA, .meanEB, .peakEA, .peakEB, .maxHRA, .maxHRB, .floodFracA, .floodFracB,
        .recoveryTimeA, .recoveryTimeB, .turnTowardA, .turnTowardB, .ratioConflict, .ratioAll,
        .satBaseline, .distressedBaseline, .dayDissolved,
    ]
    private static let unitInterval: [CoupleOutcomeColumn] = [
        .a0A, .v0A, .a0B, .v0B, .aA, .vA, .aB, .vB, .resolvedFrac, .pwCycleFrac,
        .pursueFracA, .withdrawFracA, .validateFracA, .selfregFracA, .harshFracA,
        .pursueFracB, .withdrawFracB, .validateFracB, .selfregFracB, .harshFracB,
        .meanEA, .meanEB, .peakEA, .peakEB, .floodFracA, .floodFracB, .tonicEA, .tonicEB,
        .securityA, .securityB, .meanSecurityA, .meanSecurityB, .turnTowardA, .turnTowardB,
        .satA, .satB, .satisfaction, .meanSatisfaction, .satBaseline, .treated, .distressed, .dissolved,
        .distressedBaseline,
    ]

    @Test("every output is in range and consistent", arguments: 0..<12)
    func randomConfigurations(batch: Int) throws {
        for index in (batch * 100)..<((batch + 1) * 100) {
            let seed = UInt64(1000 + index)
            let c = RandomConfiguration.make(seed: seed)
            let result = try TestRun.simulate(
                couples: c.couples, days: c.days, burnIn: c.burnIn, baselineDay: c.baselineDay,
                parameters: c.parameters, population: c.population, arms: c.arms, seed: seed, threads: 1)
            for arm in result.arms {
                check(arm, configuration: c, seed: seed)
            }
        }
    }

    /// Extreme corners: each parameter at its minimum and its maximum (others default), then
    /// every parameter at its minimum and every one at its maximum (docs/model.md §8 ranges).
    @Test(
        "extreme corners of every parameter range give finite values or NA", arguments: ParameterCatalog.all.map(\.name)
    )
    func extremeCorner(name: String) throws {
        let info = try #require(ParameterCatalog.info(named: name))
        for value in [info.range.lowerBound, info.range.upperBound] {
            var c = RandomConfiguration.make(seed: 0)
            c.parameters = ModelParameters()
            c.population = PopulationParameters()
            c.arms = Self.allInterventionArms
            (c.couples, c.days, c.burnIn, c.baselineDay) = (3, 12, 4, 2)
            switch info.level {
            case .partner, .couple: try c.parameters.set(name, to: value)
            case .population: try c.population.set(name, to: value)
            }
            if PopulationSampler.choleskyFactor(c.population.correlationMatrix) == nil { c.population.mode = .styles }
            if name == "init_w" && value == 0 { try c.parameters.set(name, to: 0, role: .a) }
            let result = try TestRun.simulate(
                couples: c.couples, days: c.days, burnIn: c.burnIn, baselineDay: c.baselineDay,
                parameters: c.parameters, population: c.population, arms: c.arms, seed: 99, threads: 1)
            for arm in result.arms { check(arm, configuration: c, seed: 0) }
        }
    }

    @Test("all parameters at their minimum, then all at their maximum", arguments: [false, true])
    func allCorners(maximum: Bool) throws {
        var c = RandomConfiguration.make(seed: 0)
        c.parameters = ModelParameters()
        c.population = PopulationParameters()
        for info in ParameterCatalog.all {
            let value = maximum ? info.range.upperBound : info.range.lowerBound
            switch info.level {
            case .partner, .couple: try c.parameters.set(info.name, to: value)
            case .population: try c.population.set(info.name, to: value)
            }
        }
        if maximum { try c.parameters.set("t_max", to: 400) }  // keeps the test fast; 10,000 turns is covered above
        c.population.mode = .styles
        c.arms = Self.allInterventionArms
        (c.couples, c.days, c.burnIn, c.baselineDay) = (2, 8, 3, 1)
        let result = try TestRun.simulate(
            couples: c.couples, days: c.days, burnIn: c.burnIn, baselineDay: c.baselineDay,
            parameters: c.parameters, population: c.population, arms: c.arms, seed: 7, threads: 1)
        for arm in result.arms { check(arm, configuration: c, seed: maximum ? 1 : 0) }
    }

    /// One arm per intervention type (so extreme parameters meet every mechanism).
    static let allInterventionArms: [Arm] =
        [Arm(name: "control")]
        + InterventionKind.parameterFree.map {
            Arm(name: $0.typeName, interventions: [Intervention(kind: $0, startDay: 1)])
        }

    private func check(_ arm: ArmResult, configuration c: RandomConfiguration, seed: UInt64) {
        let t = arm.outcomes
        let context = "seed \(seed) arm \(arm.name)"
        // A `set` intervention may move the horizon of the restricted mean.
        let horizon = c.arms.flatMap(\.interventions).reduce(c.parameters.couple.repairHorizonMinutes) {
            largest, intervention in
            if case .set("repair_horizon_min", let value) = intervention.kind { return max(largest, value) }
            return largest
        }
        for row in 0..<t.count {
            for column in CoupleOutcomeColumn.allCases {
                let value = t.value(column, row: row)
                if value.isNaN {
                    #expect(Self.mayBeMissing.contains(column), "\(context): \(column.name) is NA")
                } else {
                    #expect(value.isFinite, "\(context): \(column.name) = \(value)")
                }
            }
            for column in Self.unitInterval {
                let value = t.value(column, row: row)
                #expect(value.isNaN || (value >= 0 && value <= 1), "\(context): \(column.name) = \(value)")
            }
            let episodes = t.value(.episodes, row: row)
            let resolved = (t.value(.resolvedFrac, row: row).isNaN ? 0 : t.value(.resolvedFrac, row: row)) * episodes
            let ends =
                t.value(.endsBreak, row: row) + t.value(.endsWithdraw, row: row) + t.value(.endsTimeout, row: row)
            #expect(abs(resolved + ends - episodes) < 1e-6, "\(context): episode endings")
            #expect(t.value(.initiatedA, row: row) <= episodes)
            #expect(t.value(.resolvedFrac, row: row).isNaN == (episodes == 0))
            let breaks = [(CoupleOutcomeColumn.selfregFracA, CoupleOutcomeColumn.actionsA), (.selfregFracB, .actionsB)]
                .reduce(0.0) { total, pair in
                    let share = t.value(pair.0, row: row)
                    return total + (share.isNaN ? 0 : share * t.value(pair.1, row: row))
                }
            #expect(abs(breaks - t.value(.breaks, row: row)) < 1e-6, "\(context): breaks")
            #expect(t.value(.endsBreak, row: row) <= t.value(.breaks, row: row))
            let rmst = t.value(.repairRMST, row: row)
            #expect(rmst.isNaN || (rmst >= 0 && rmst <= horizon + 1e-9), "\(context): repair_rmst \(rmst)")
            for column: CoupleOutcomeColumn in [
                .repairTime, .recoveryTimeA, .recoveryTimeB, .ruminationA, .ruminationB,
            ] {
                let value = t.value(column, row: row)
                #expect(value.isNaN || value >= 0, "\(context): \(column.name)")
            }
            for column: CoupleOutcomeColumn in [.maxHRA, .maxHRB] {
                let value = t.value(column, row: row)
                #expect(value.isNaN || value <= c.parameters.couple.maximumHeartRate + 1e-9)
            }
            let dissolved = t.value(.dissolved, row: row), day = t.value(.dayDissolved, row: row)
            #expect((dissolved == 1) == !day.isNaN)
            #expect(day.isNaN || (day >= 0 && day < Double(c.days)))
            #expect(t.value(.pwAB, row: row) + t.value(.pwBA, row: row) >= 0)
            if !t.value(.satBaseline, row: row).isNaN {
                #expect(day.isNaN || day >= Double(c.baselineDay))
            }
        }
        let rows = arm.daily.rows()
        var previousAlive = Double(t.count)
        var previousDissolved = 0.0
        for (index, row) in rows.enumerated() {
            let alive = row[DailyColumn.alive]
            #expect(alive <= previousAlive, "\(context): alive rises on day \(index)")
            let cumulative = row[DailyColumn.dissolvedCum]
            #expect(cumulative >= previousDissolved)
            for column in DailyColumn.allCases where column != .alive {
                let value = row[column]
                #expect(value.isNaN || (value >= 0 && value <= 1), "\(context): daily \(column.name) = \(value)")
                if alive > 0 && column != .conflictArousal && column != .pwCycleFrac { #expect(!value.isNaN) }
            }
            previousAlive = alive
            previousDissolved = cumulative
        }
        #expect(rows.first?[DailyColumn.alive] == Double(t.count))
        #expect(abs((rows.last?[DailyColumn.dissolvedCum] ?? 0) * Double(t.count) - t.sum(.dissolved)) < 1e-9)
    }
}
