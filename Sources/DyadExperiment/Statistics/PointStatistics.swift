import DyadCore

/// Cross-replicate statistics of one sweep point, from its run records in replicate order.
public enum PointStatistics {
    /// Paired effects pooled over replicates (moments merged in replicate order), one row per
    /// treatment arm and outcome of `outcomes.compared`.
    public static func effects(
        point: Int, records: [RunRecord], armNames: [String], controlArm: Int,
        outcomes: OutcomeSelection = .trueScores
    ) -> [EffectRow] {
        let ordered = records.sorted { $0.run.replicate < $1.run.replicate }
        let treatmentArms = armNames.indices.filter { $0 != controlArm }
        var rows: [EffectRow] = []
        for (slot, armIndex) in treatmentArms.enumerated() {
            for (outcomeIndex, outcome) in outcomes.compared.enumerated() {
                var pooled = PairedMoments()
                for record in ordered where slot < record.effects.count && outcomeIndex < record.effects[slot].count {
                    pooled.merge(record.effects[slot][outcomeIndex])
                }
                rows.append(
                    EffectRow(
                        point: point, arm: armNames[armIndex], controlArm: armNames[controlArm],
                        outcome: outcome, moments: pooled))
            }
        }
        return rows
    }

    /// Per arm and outcome of `outcomes.compared`: n, mean, sd and 95 % CI of the run means
    /// across replicates.
    public static func summary(
        point: Int, records: [RunRecord], outcomes: OutcomeSelection = .trueScores
    ) -> [SummaryRow] {
        let ordered = records.sorted { $0.run.replicate < $1.run.replicate }
        guard let first = ordered.first else { return [] }
        var rows: [SummaryRow] = []
        for (armIndex, arm) in first.arms.enumerated() {
            for (outcome, index) in zip(outcomes.compared, outcomes.meanIndexOfCompared) {
                var moments = Moments()
                for record in ordered where armIndex < record.arms.count && index < record.arms[armIndex].means.count {
                    moments.add(record.arms[armIndex].means[index])
                }
                rows.append(SummaryRow(point: point, arm: arm.name, outcome: outcome, moments: moments))
            }
        }
        return rows
    }
}
