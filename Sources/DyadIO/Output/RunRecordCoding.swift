import DyadCore
import DyadExperiment

/// Text encoding of a ``RunRecord`` (one file per finished run, the resume journal): numbers as
/// hexadecimal bit patterns, so records round-trip exactly.
enum RunRecordCoding {
    static let magic = "dyadsim-run-record 1"

    /// `fragments`: byte sizes of the run's row fragments and `checksums` their XXH64 digests,
    /// verified before they are reused.
    static func encode(
        _ record: RunRecord, fragments: [String: Int] = [:], checksums: [String: String] = [:]
    ) -> String {
        var lines = [
            magic,
            "run \(record.run.point) \(record.run.replicate) \(record.run.seed)",
            "work \(record.coupleDays) \(record.episodeTurns)",
        ]
        for (name, bytes) in fragments.sorted(by: { $0.key < $1.key }) {
            lines.append("fragment \(name) \(bytes)" + (checksums[name].map { " " + $0 } ?? ""))
        }
        for arm in record.arms {
            lines.append("arm \(arm.name) \(arm.couples) " + arm.means.map(hex).joined(separator: " "))
        }
        for (slot, effects) in record.effects.enumerated() {
            for moments in effects {
                let values = [moments.difference, moments.control, moments.treatment].flatMap {
                    [String($0.count), hex($0.mean), hex($0.squaredDeviations)]
                }
                lines.append("effect \(slot) " + values.joined(separator: " "))
            }
        }
        lines.append("end")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The ``ContentChecksum`` of `records` (in output order) encoded without fragment sizes:
    /// the manifest's `records.xxh64`, which merge and resume compare with the records on disk.
    static func checksum(of records: [RunRecord]) -> String {
        var checksum = ContentChecksum()
        for record in records { checksum.update(encode(record)) }
        return checksum.text
    }

    private static func hex(_ value: Double) -> String { String(value.bitPattern, radix: 16) }

    private static func double(_ text: Substring) -> Double? { UInt64(text, radix: 16).map(Double.init(bitPattern:)) }

    /// Decodes a record; nil if the text is not a complete record.
    static func decode(_ text: String) -> RunRecord? { decodeWithFragments(text)?.record }

    /// A decoded record with its fragments' sizes and (in records written since checksums were
    /// recorded) their checksums.
    typealias Decoded = (record: RunRecord, fragments: [String: Int], checksums: [String: String])

    /// Largest size or amount of work (2^50) and largest count, point or replicate (2^32) a
    /// record may state: a damaged or hostile record beyond them is not a record (its run is
    /// redone), so that sums of counts over records cannot overflow.
    static let largestValue = 1 << 50
    static let largestCount = 1 << 32

    /// Decodes a record and the fragment sizes it lists; nil for anything but a complete record
    /// with plausible numbers (no negative or huge count, size, point, replicate or work).
    static func decodeWithFragments(_ text: String) -> Decoded? {
        let lines = text.split(separator: "\n")
        guard lines.first == Substring(magic), lines.last == "end", lines.count >= 4 else { return nil }
        let runFields = lines[1].split(separator: " ")
        let workFields = lines[2].split(separator: " ")
        func plausible(_ value: Int) -> Bool { value >= 0 && value <= largestValue }
        func plausibleCount(_ value: Int) -> Bool { value >= 0 && value <= largestCount }
        guard runFields.count == 4, runFields[0] == "run", let point = Int(runFields[1]),
            let replicate = Int(runFields[2]),
            let seed = UInt64(runFields[3]), workFields.count == 3, let coupleDays = Int(workFields[1]),
            let turns = Int(workFields[2]), plausibleCount(point), plausibleCount(replicate), plausible(coupleDays),
            plausible(turns)
        else { return nil }
        var arms: [ArmSummary] = []
        var effects: [[PairedMoments]] = []
        var fragments: [String: Int] = [:]
        var checksums: [String: String] = [:]
        for line in lines[3..<(lines.count - 1)] {
            let fields = line.split(separator: " ")
            if fields.first == "fragment", fields.count == 3 || fields.count == 4, let bytes = Int(fields[2]),
                plausible(bytes)
            {
                fragments[String(fields[1])] = bytes
                if fields.count == 4 { checksums[String(fields[1])] = String(fields[3]) }
            } else if fields.first == "arm", fields.count >= 3, let couples = Int(fields[2]), plausibleCount(couples) {
                let means = fields.dropFirst(3).compactMap(double)
                guard means.count == fields.count - 3 else { return nil }
                arms.append(ArmSummary(name: String(fields[1]), couples: couples, means: means))
            } else if fields.first == "effect", fields.count == 11, let slot = Int(fields[1]),
                (0..<Limits.maximumArms).contains(slot)
            {
                var values: [Moments] = []
                for part in 0..<3 {
                    guard let count = Int(fields[2 + part * 3]), plausibleCount(count),
                        let mean = double(fields[3 + part * 3]),
                        let deviations = double(fields[4 + part * 3])
                    else { return nil }
                    values.append(Moments(count: count, mean: mean, squaredDeviations: deviations))
                }
                var moments = PairedMoments()
                moments.difference = values[0]
                moments.control = values[1]
                moments.treatment = values[2]
                while effects.count <= slot { effects.append([]) }
                effects[slot].append(moments)
            } else {
                return nil
            }
        }
        // The shape every summary relies on: the means of one outcome selection (with or
        // without measured scores) per arm, one complete list of paired moments per non-control arm.
        guard let arm = arms.first,
            let outcomes = [OutcomeSelection.trueScores, .withMeasured].first(where: {
                $0.means.count == arm.means.count
            }),
            arms.allSatisfy({ $0.means.count == outcomes.means.count }),
            effects.count == arms.count - 1, effects.allSatisfy({ $0.count == outcomes.compared.count })
        else { return nil }
        let record = RunRecord(
            run: PlannedRun(point: point, replicate: replicate, seed: seed), arms: arms, effects: effects,
            coupleDays: coupleDays, episodeTurns: turns)
        return (record, fragments, checksums)
    }
}
