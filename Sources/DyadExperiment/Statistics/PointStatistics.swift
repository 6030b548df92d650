import DyadCore

/// Cross-replicate statistics of one sweep point, from its run records in replicate order.
public enum PointStatistics {
    /// Paired effects pooled over replicates (moments merged in replicate order).
    public static func effects(point: Int, records: [RunRecord], armNames: [String], controlArm: Int) -> [EffectRow] {
        let ordered = records.sorted { $0.run.replicate < $1.run.replicate }
        let treatmentArms = armNames.indices.filter { $0 != controlArm }
        var rows: [EffectRow] = []
        for (slot, armIndex) in treatmentArms.enumerated() {
            for (outcomeIndex, outcome) in EffectOutcomes.columns.enumerated() {
                var pooled = PairedMoments()
                for record in ordered where slot < record.effects.count {
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

    /// Per arm and outcome: n, mean, sd and 95 % CI of the run means across replicates.
    public static func summary(point: Int, records: [RunRecord]) -> [SummaryRow] {
        let ordered = records.sorted { $0.run.replicate < $1.run.replicate }
        guard let first = ordered.first else { return [] }
        let numeric = CoupleOutcomeColumn.numeric
        var rows: [SummaryRow] = []
        for (armIndex, arm) in first.arms.enumerated() {
            for outcome in EffectOutcomes.columns {
                let index = numeric.firstIndex(of: outcome)!
                var moments = Moments()
                for record in ordered { moments.add(record.arms[armIndex].means[index]) }
                rows.append(SummaryRow(point: point, arm: arm.name, outcome: outcome, moments: moments))
            }
        }
        return rows
    }
}
