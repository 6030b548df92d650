import DyadCore
import TestSupport
import Testing

/// The role-free columns appended to couples.csv (`x_more_anxious`, `x_more_avoidant`): each is
/// partner a's or partner b's column of the same couple, chosen by the day-0 traits.
@Suite("Role-free outcome columns")
struct RoleFreeColumnTests {
    @Test("every role-free value is the a or b value of the partner with the higher day-0 trait (ties: a)")
    func valuesFollowTheRule() throws {
        let outcomes = try TestRun.simulate(couples: 300, days: 40, burnIn: 10, seed: 7).arms[0].outcomes
        var partnerB = (anxious: 0, avoidant: 0)
        for row in 0..<outcomes.count {
            func value(_ column: CoupleOutcomeColumn) -> Double { outcomes.value(column, row: row) }
            let aIsMoreAnxious = value(.a0A) >= value(.a0B)
            let aIsMoreAvoidant = value(.v0A) >= value(.v0B)
            if !aIsMoreAnxious { partnerB.anxious += 1 }
            if !aIsMoreAvoidant { partnerB.avoidant += 1 }
            for column in CoupleOutcomeColumn.roleFree {
                let source = try #require(column.roleFreeSource)
                let aIsPartner = source.partner == .moreAnxious ? aIsMoreAnxious : aIsMoreAvoidant
                let expected = value(aIsPartner ? source.a : source.b)
                let got = value(column)
                #expect(
                    got == expected || (got.isNaN && expected.isNaN),
                    "\(column.name) of row \(row): \(got), expected \(expected)")
            }
        }
        // Both roles are picked in a traits-mode population (otherwise the rule is not exercised).
        #expect(partnerB.anxious > 50 && partnerB.avoidant > 50)
        #expect(partnerB.anxious < outcomes.count - 50 && partnerB.avoidant < outcomes.count - 50)
    }

    @Test("ties go to partner a: with equal traits the more anxious partner is a, even when b pursues")
    func tiesGoToA() throws {
        // Both partners have anxiety and avoidance 0; b always pursues, a always withdraws.
        let outcomes = try OutcomeColumnTests.pursuitRun(pursuer: .b).outcomes
        for row in 0..<outcomes.count {
            try #require(outcomes.value(.a0A, row: row) == outcomes.value(.a0B, row: row))
            #expect(outcomes.value(.pursueFracMoreAnxious, row: row) == outcomes.value(.pursueFracA, row: row))
            #expect(outcomes.value(.pursueFracMoreAnxious, row: row) == 0)
            #expect(outcomes.value(.withdrawFracMoreAvoidant, row: row) == 1)
        }
    }

    @Test("16 role-free columns, after every column of docs/model.md §9.1, named x_more_anxious / x_more_avoidant")
    func namesAndOrder() throws {
        let roleFree = CoupleOutcomeColumn.roleFree
        #expect(roleFree.count == 16)
        #expect(Array(CoupleOutcomeColumn.allCases.suffix(roleFree.count)) == roleFree)
        #expect(Set(CoupleOutcomeColumn.allCases.map(\.name)).count == CoupleOutcomeColumn.allCases.count)
        for column in roleFree {
            let source = try #require(column.roleFreeSource)
            #expect(source.a.name.hasSuffix("_a") && source.b.name.hasSuffix("_b"))
            #expect(source.a.name.dropLast(2) == source.b.name.dropLast(2))
            let suffix = source.partner == .moreAnxious ? "_more_anxious" : "_more_avoidant"
            #expect(column.name == source.a.name.dropLast(2) + suffix)
            #expect(column.kind == source.a.kind && column.unit == source.a.unit)
        }
        let names = Set(roleFree.map(\.name))
        for name in ["sat_more_anxious", "sat_more_avoidant", "mean_e_more_anxious", "withdraw_frac_more_avoidant"] {
            #expect(names.contains(name))
        }
    }
}
