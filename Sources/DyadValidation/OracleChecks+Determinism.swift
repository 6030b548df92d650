import DyadCore

/// Oracles 13 and 14: determinism and strength 0 (bit-for-bit comparisons).
extension OracleChecks {
    /// O13 set-up: 600 couples, 150 days, arms control, consistent_validation and EFT (seed 5),
    /// run as (2 threads, chunk 64) twice, (1 thread, chunk 64), (2 threads, chunk 7), and as two
    /// shards 0..<250 (1 thread, chunk 33) and 250..<600 (2 threads, chunk 64).
    static func determinismSetUp() -> OracleSetUp {
        let arms = [
            Arm(name: "control"),
            Arm(
                name: "validation",
                interventions: [Intervention(kind: .consistentValidation, target: .partnerOfMoreAnxious)]),
            Arm(name: "eft", interventions: [Intervention(kind: .eft, startDay: 20, eligibility: .distressed)]),
        ]
        let full = configuration(couples: 600, days: 150, burnIn: 30, arms: arms, seed: 5)
        var first = full, second = full
        first.coupleRange = 0..<250
        second.coupleRange = 250..<600
        return OracleSetUp(
            oracle: .determinism,
            runs: [
                OracleRun(full, simulator: Simulator(threads: 2, chunkSize: 64)),
                OracleRun(full, simulator: Simulator(threads: 2, chunkSize: 64)),
                OracleRun(full, simulator: Simulator(threads: 1, chunkSize: 64)),
                OracleRun(full, simulator: Simulator(threads: 2, chunkSize: 7)),
                OracleRun(first, simulator: Simulator(threads: 1, chunkSize: 33)),
                OracleRun(second, simulator: Simulator(threads: 2, chunkSize: 64)),
            ])
    }

    /// Values of `other` whose bits differ from `reference` (a length mismatch counts every value).
    static func differingValues(_ reference: [Double], _ other: [Double]) -> Int {
        guard reference.count == other.count else { return max(reference.count, other.count) }
        return zip(reference, other).filter { $0.bitPattern != $1.bitPattern }.count
    }

    /// O13: runs 2–4 reproduce run 1's outcome tables bit for bit and its daily aggregates exactly;
    /// the two shards' rows concatenate to run 1's rows and their aggregates sum to run 1's.
    /// Measured: differing outcome values plus differing arm aggregates.
    static func evaluateDeterminism(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        guard results.count == 6 else {
            return result(
                .determinism, measured: .nan, standardError: nil, expected: "6 runs", pass: false,
                detail: "the determinism set-up has 6 runs, got \(results.count)")
        }
        let reference = results[0]
        var differing = 0
        for other in results[1...3] {
            guard other.arms.count == reference.arms.count else { differing += 1; continue }
            for (mine, theirs) in zip(reference.arms, other.arms) {
                differing += differingValues(mine.outcomes.values, theirs.outcomes.values)
                if mine.daily != theirs.daily { differing += 1 }
            }
        }
        let shards = Array(results[4...])
        for (index, arm) in reference.arms.enumerated() {
            guard shards.allSatisfy({ $0.arms.count == reference.arms.count }) else { differing += 1; break }
            for column in CoupleOutcomeColumn.allCases {
                differing += differingValues(
                    arm.outcomes.columnArray(column),
                    shards.flatMap { $0.arms[index].outcomes.columnArray(column) })
            }
            if shards[0].arms[index].daily.merged(with: shards[1].arms[index].daily) != arm.daily { differing += 1 }
        }
        return result(
            .determinism, measured: Double(differing), standardError: nil, expected: "0 differing values",
            pass: differing == 0,
            detail: "\(differing) differences across a repeat, 1 vs 2 threads, chunk 64 vs 7 and two shards "
                + "(\(reference.arms.count) arms × \(reference.arms.first?.outcomes.count ?? 0) couples)")
    }

    /// O14 set-up: arm control plus one arm per intervention type with strength 0 from day 10
    /// (including two `set`s), 300 couples, 200 days, seed 14.
    static func strengthZeroSetUp() -> OracleSetUp {
        let kinds =
            InterventionKind.parameterFree
            + [.set(parameter: "imp_harsh", value: 0.5), .set(parameter: "t_max", value: 5)]
        var arms = [Arm(name: "control")]
        for kind in kinds {
            arms.append(
                Arm(name: "\(kind.typeName)_zero", interventions: [Intervention(kind: kind, strength: 0, startDay: 10)])
            )
        }
        return .single(.strengthZero, configuration(couples: 300, days: 200, burnIn: 90, arms: arms, seed: 14))
    }

    /// O14: every arm's columns except `treated` equal the control arm's bit for bit (NA = NA),
    /// its daily aggregates are identical, and `treated` counts the couples alive at the start
    /// day. Measured: differing columns + aggregates + treated counts over all arms.
    static func evaluateStrengthZero(_ setUp: OracleSetUp, _ results: [RunResult]) -> ValidationResult {
        let declaredArms = setUp.runs[0].configuration.arms
        let arms = results[0].arms
        let control = arms[0].outcomes
        var differing = 0, names: [String] = []
        for (index, arm) in arms.enumerated().dropFirst() {
            var armDiffers = false
            for column in CoupleOutcomeColumn.allCases
            where column != .treated
                && differingValues(control.columnArray(column), arm.outcomes.columnArray(column)) > 0
            {
                armDiffers = true
                differing += 1
            }
            if arm.daily != arms[0].daily { armDiffers = true; differing += 1 }
            let startDay = index < declaredArms.count ? declaredArms[index].interventions.first?.startDay ?? 0 : 0
            let alive = control.columnArray(.dayDissolved).filter { $0.isNaN || $0 >= Double(startDay) }.count
            if arm.outcomes.columnArray(.treated).reduce(0, +) != Double(alive) { armDiffers = true; differing += 1 }
            if armDiffers { names.append(arm.name) }
        }
        return result(
            .strengthZero, measured: Double(differing), standardError: nil, expected: "0 differences",
            pass: differing == 0 && arms.count == declaredArms.count,
            detail:
                "\(arms.count - 1) strength-0 arms vs control; \(differing) differing columns/aggregates/treated counts"
                + (names.isEmpty ? "" : " in " + names.joined(separator: ", ")))
    }
}
