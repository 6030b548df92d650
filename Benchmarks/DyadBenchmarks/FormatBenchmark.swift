import DyadCore
import DyadExperiment
import Foundation

/// Number formatting: doubles written per second per core by `ShortestDecimal` (the output rule
/// of couples.csv) against the standard library's `description` path it replaced, on values
/// like those the outputs hold. Time is the thread's CPU time (best of the repeats), so other
/// load on a shared machine distorts it less than wall time; both paths must write the same
/// bytes.
enum FormatBenchmark {
    /// A set of values to format.
    struct Sample {
        let name: String
        let values: [Double]
    }

    static func samples(count: Int) -> [Sample] {
        var random = SplitMix64(state: 20_261_203)
        let unit = (0..<count).map { _ in Double(random.next() >> 11) * 0x1p-53 }
        let upTo200 = (0..<count).map { _ in Double(random.next() >> 11) * 0x1p-53 * 200 }
        var finite: [Double] = []
        finite.reserveCapacity(count)
        while finite.count < count {
            let value = Double(bitPattern: random.next())
            if value.isFinite { finite.append(value) }
        }
        return [
            Sample(name: "unit_interval", values: unit),
            Sample(name: "up_to_200", values: upTo200),
            Sample(name: "couples_real_columns", values: coupleValues(count: count)),
            Sample(name: "finite_bit_patterns", values: finite),
        ]
    }

    /// The real-valued columns of couples.csv from simulated runs (1,000 couples × 90 days,
    /// control and consistent validation), repeated up to `count` values.
    static func coupleValues(count: Int) -> [Double] {
        var scenario = Scenario()
        scenario.couples = 1_000
        scenario.days = 90
        scenario.burnInDays = 30
        scenario.arms = [
            Arm(name: "control"),
            Arm(name: "cv", interventions: [Intervention(kind: .consistentValidation, target: .partnerOfMoreAnxious)]),
        ]
        let plan = RunPlan(scenario: scenario)
        guard let run = plan.runs.first, let configuration = try? plan.configuration(for: run),
            let result = try? Simulator(threads: 1).run(configuration)
        else { return [] }
        let realColumns = CoupleOutcomeColumn.allCases.filter { $0.kind == .real }
        var values: [Double] = []
        for arm in result.arms {
            for row in 0..<arm.outcomes.count {
                for column in realColumns { values.append(arm.outcomes.value(column, row: row)) }
            }
        }
        guard !values.isEmpty else { return [] }
        return (0..<count).map { values[$0 % values.count] }
    }

    static func run(options: Options, machine: Machine) {
        let count = options.formatValues
        let repeats = max(options.repeats, 7)
        print("\nformatting \(count) doubles per sample, best of \(repeats) (thread CPU time):")
        print("sample                  new M/s   description M/s  speedup  bytes identical")
        var rows: [[String]] = []
        for sample in samples(count: count) where !sample.values.isEmpty {
            var newBytes: [UInt8] = []
            var oldBytes: [UInt8] = []
            var newTimes: [Double] = []
            var oldTimes: [Double] = []
            for _ in 0..<repeats {
                newTimes.append(cpuSeconds { newBytes = formatNew(sample.values) })
                oldTimes.append(cpuSeconds { oldBytes = formatOld(sample.values) })
            }
            let newBest = newTimes.min() ?? .nan
            let oldBest = oldTimes.min() ?? .nan
            let values = Double(sample.values.count)
            let identical = newBytes == oldBytes
            print(
                EngineBenchmark.pad(sample.name, 24)
                    + EngineBenchmark.pad(String(format: "%.1f", values / newBest / 1e6), 10)
                    + EngineBenchmark.pad(String(format: "%.1f", values / oldBest / 1e6), 17)
                    + EngineBenchmark.pad(String(format: "%.2fx", oldBest / newBest), 9) + (identical ? "yes" : "NO"))
            rows.append([
                machine.commit, machine.date, machine.cpuModel, String(machine.cores), sample.name,
                String(sample.values.count), String(repeats), String(newBest), String(values / newBest),
                String(oldBest), String(values / oldBest), String(oldBest / newBest), identical ? "1" : "0",
                String(Double(newBytes.count) / values),
            ])
        }
        if options.record {
            ResultFile.append(
                rows,
                header: [
                    "commit", "date", "cpu_model", "cores", "sample", "values", "repeats", "new_best_cpu_seconds",
                    "new_values_per_second", "description_best_cpu_seconds", "description_values_per_second", "speedup",
                    "bytes_identical", "bytes_per_value",
                ], to: options.outputDirectory + "/format.csv")
        }
    }

    /// The new path: `ShortestDecimal.write` into a line buffer, a comma after each value, the
    /// line copied out every 70 values (as couples.csv rows are).
    @inline(never)
    static func formatNew(_ values: [Double]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(values.count * (ShortestDecimal.capacity + 1))
        let line = UnsafeMutablePointer<UInt8>.allocate(capacity: 70 * (ShortestDecimal.capacity + 1))
        defer { line.deallocate() }
        var length = 0
        for (index, value) in values.enumerated() {
            length += ShortestDecimal.write(value, to: line + length)
            line[length] = UInt8(ascii: ",")
            length += 1
            if index % 70 == 69 || index == values.count - 1 {
                output.append(contentsOf: UnsafeBufferPointer(start: line, count: length))
                length = 0
            }
        }
        return output
    }

    /// The path it replaced (`CSVLine.append(real:)` before): NA, integer digits below 2⁵³,
    /// otherwise the UTF-8 of `description`.
    @inline(never)
    static func formatOld(_ values: [Double]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(values.count * (ShortestDecimal.capacity + 1))
        var line: [UInt8] = []
        line.reserveCapacity(2048)
        func appendDigits(_ value: Int) {
            if value < 0 {
                line.append(UInt8(ascii: "-"))
                appendDigits(-value)
                return
            }
            if value >= 10 { appendDigits(value / 10) }
            line.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        for (index, value) in values.enumerated() {
            if value.isNaN {
                line.append(contentsOf: [UInt8(ascii: "N"), UInt8(ascii: "A")])
            } else if value == value.rounded(), value.magnitude < 0x1p53 {
                appendDigits(Int(value))
            } else {
                line.append(contentsOf: value.description.utf8)
            }
            line.append(UInt8(ascii: ","))
            if index % 70 == 69 || index == values.count - 1 {
                output.append(contentsOf: line)
                line.removeAll(keepingCapacity: true)
            }
        }
        return output
    }

    /// CPU seconds of the calling thread spent in `body`.
    static func cpuSeconds(_ body: () -> Void) -> Double {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) * 1e-9
    }
}
