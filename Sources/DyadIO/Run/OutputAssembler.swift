import DyadCore
import DyadExperiment
import Foundation

/// Rows, bytes and content checksum of one written file (for the manifest).
public struct WrittenFile: Sendable, Equatable {
    /// The file's name inside the output directory, e.g. `couples.csv`.
    public let name: String
    /// Data rows (the header excluded).
    public let rows: Int
    /// Size of the file in bytes.
    public let bytes: Int
    /// ``ContentChecksum`` (XXH64) of the file's bytes, 16 hexadecimal digits.
    public let checksum: String
}

/// Writes the final output files of a set of finished runs: couples.csv and daily.csv by
/// concatenating row blocks in run order, runs/effects/summary/points.csv from run records.
/// Every file goes to a temporary name first and is renamed when complete.
struct OutputAssembler {
    let plan: RunPlan
    let directory: OutputDirectory
    /// Finished runs of this output, in output order.
    let records: [RunRecord]

    /// A source of one run's rows of couples.csv or daily.csv.
    typealias RowBlocks = (_ run: PlannedRun, _ output: OutputFile, _ writer: AtomicFileWriter) throws(OutputError) ->
        Int

    func assemble(rowBlocks: RowBlocks) throws(OutputError) -> [WrittenFile] {
        var written: [WrittenFile] = []
        let scenario = plan.scenario
        let swept = plan.sweptPaths.map(\.text)
        for output in OutputFile.rowFiles(for: scenario.outputs) {
            let writer = try AtomicFileWriter(path: directory.file(output))
            try writer.write(output.header(swept: swept, measured: scenario.measurement != nil))
            var rows = 0
            for record in records { rows += try rowBlocks(record.run, output, writer) }
            try writer.commit()
            written.append(
                WrittenFile(
                    name: output.rawValue, rows: rows, bytes: writer.totalBytes, checksum: writer.checksum.text))
        }
        return written + (try summaryFiles())
    }

    /// Writes runs.csv, effects.csv, summary.csv and points.csv (sweeps) from the records alone.
    func summaryFiles() throws(OutputError) -> [WrittenFile] {
        var written: [WrittenFile] = []
        let scenario = plan.scenario
        let outcomes = OutcomeSelection.of(measured: scenario.measurement != nil)
        written.append(try writeFile(.runs, lines: runsLines()))
        let byPoint = Dictionary(grouping: records, by: \.run.point)
        let points = byPoint.keys.sorted()
        let armNames = scenario.arms.map(\.name)
        var effectLines: [String] = []
        var summaryLines: [String] = []
        for point in points {
            let pointRecords = byPoint[point] ?? []
            let head = [String(point)] + sweptValues(point)
            let effects = PointStatistics.effects(
                point: point, records: pointRecords, armNames: armNames, controlArm: scenario.controlArmIndex,
                outcomes: outcomes)
            for row in effects {
                let labels = head + [row.arm, row.controlArm, row.outcome.name]
                effectLines.append(Self.line(labels, row.values, integerFirst: true))
            }
            for row in PointStatistics.summary(point: point, records: pointRecords, outcomes: outcomes) {
                summaryLines.append(Self.line(head + [row.arm, row.outcome.name], row.values, integerFirst: true))
            }
        }
        written.append(try writeFile(.effects, lines: effectLines))
        written.append(try writeFile(.summary, lines: summaryLines))
        if !scenario.sweep.isEmpty {
            let lines = points.map { point in ([String(point)] + sweptValues(point)).joined(separator: ",") }
            written.append(try writeFile(.points, lines: lines))
        }
        return written
    }

    /// The point's value of every swept path, as written in every file with swept columns.
    private func sweptValues(_ point: Int) -> [String] {
        plan.sweptPaths.map { plan.points[point].value(of: $0).map(NumberText.shortest) ?? "NA" }
    }

    private func runsLines() -> [String] {
        var lines: [String] = []
        for record in records {
            let swept = sweptValues(record.run.point)
            for arm in record.arms {
                let head =
                    [String(record.run.point), String(record.run.replicate), String(record.run.seed), arm.name] + swept
                lines.append((head + [String(arm.couples)] + arm.means.map(NumberText.shortest)).joined(separator: ","))
            }
        }
        return lines
    }

    /// Labels then values; `integerFirst` writes the first value (a count) without decimals.
    private static func line(_ labels: [String], _ values: [Double], integerFirst: Bool) -> String {
        var fields = labels
        for (index, value) in values.enumerated() {
            let whole = index == 0 && integerFirst && value.isFinite && abs(value) < 9e15
            fields.append(whole ? String(Int(value)) : NumberText.shortest(value))
        }
        return fields.joined(separator: ",")
    }

    private func writeFile(_ output: OutputFile, lines: [String]) throws(OutputError) -> WrittenFile {
        let writer = try AtomicFileWriter(path: directory.file(output))
        try writer.write(output.header(swept: plan.sweptPaths.map(\.text), measured: plan.scenario.measurement != nil))
        for line in lines {
            try writer.write(line)
            try writer.write("\n")
        }
        try writer.commit()
        return WrittenFile(
            name: output.rawValue, rows: lines.count, bytes: writer.totalBytes, checksum: writer.checksum.text)
    }
}

/// Copies a fragment (header line first) into a writer without its header, counting the rows
/// copied (the kernel copies the bytes when the writer allows it).
enum BlockCopy {
    static func appendSkippingHeader(file path: String, to writer: AtomicFileWriter) throws(OutputError) -> Int {
        if let rows = try writer.appendFile(path, skippingFirstLine: true) { return rows }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw OutputError("cannot read \(path)") }
        defer { try? handle.close() }
        var rows = 0
        var inHeader = true
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw OutputError("cannot read \(path)")
            }
            if chunk.isEmpty { break }
            var start = 0
            let counted: Int = chunk.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                if inHeader {
                    guard let end = bytes.firstIndex(of: 10) else { start = bytes.count; return 0 }
                    start = end + 1
                    inHeader = false
                }
                var newlines = 0
                for index in start..<bytes.count where bytes[index] == 10 { newlines += 1 }
                return newlines
            }
            rows += counted
            try writer.write(chunk.count == start ? Data() : chunk.subdata(in: start..<chunk.count))
        }
        return rows
    }
}
