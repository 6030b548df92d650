import DyadExperiment
import DyadIO
import DyadReport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A report of a damaged results folder (a cell edited to a huge number, NA where an index
/// belongs, a file that is a FIFO) ends in a report or a clean error: never a trap.
@Suite("Report of damaged results")
struct ReportDamageTests {
    /// File, column, new cell value.
    static let edits: [(file: String, column: String, value: String)] = [
        ("daily.csv", "satisfaction", "1e17"), ("daily.csv", "satisfaction", "1e308"),
        ("daily.csv", "arousal", "-1e308"),
        ("daily.csv", "day", "1e19"), ("daily.csv", "replicate", "NA"),
        ("couples.csv", "replicate", "NA"), ("couples.csv", "couple", "1e300"), ("couples.csv", "satisfaction", "1e17"),
        ("effects.csv", "n", "1e300"), ("effects.csv", "difference", "1e308"), ("effects.csv", "ci_low", "-1e308"),
        ("summary.csv", "n", "NA"), ("summary.csv", "sweep_point", "1e19"), ("summary.csv", "mean", "1e17"),
        ("points.csv", "sweep_point", "NA"), ("points.csv", "params.imp_harsh", "1e308"),
    ]

    static let scenario = """
        { name: "damaged", couples: 60, days: 12, burn_in_days: 3, replicates: 2,
          arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }],
          sweep: { grid: { "params.imp_harsh": [0.05, 0.1] } } }
        """

    @Test("an edited cell gives a report or one clean error line, never a trap", arguments: edits.indices.map { $0 })
    func editedCell(index: Int) throws {
        let edit = Self.edits[index]
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try ReportTests.simulate(Self.scenario, in: directory)
        let path = results + "/" + edit.file
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        let column = try #require(
            lines[0].split(separator: ",").map(String.init).firstIndex(of: edit.column), "\(edit.column)")
        for row in [1, 2] where row < lines.count {
            var fields = lines[row].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[column] = edit.value
            lines[row] = fields.joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let summary: ReportSummary
        do {
            summary = try ReportWriter.write(results: results, to: directory + "/report")
        } catch {
            #expect(error.exitCode == 65, "\(edit): \(error.lines)")
            #expect(
                error.lines.count == 1 && error.lines[0].hasPrefix("error: ")
                    && !EscapedText.hasControlCharacters(error.lines[0]))
            return
        }
        #expect(summary.files.last == "index.html")
        for name in summary.files where name.hasSuffix(".svg") {
            let source = try String(contentsOfFile: directory + "/report/" + name, encoding: .utf8)
            #expect(!source.contains("nan") && !source.contains("inf"), "\(name)")
        }
    }

    @Test("a results file that is a FIFO is refused at once")
    func fifoFile() throws {
        let directory = try ReportTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let results = try ReportTests.simulate(Self.scenario, in: directory)
        try FileManager.default.removeItem(atPath: results + "/daily.csv")
        #expect(mkfifo(results + "/daily.csv", 0o644) == 0)
        #expect(throws: ReportError(.invalidData, "cannot read \(results)/daily.csv: it is not a regular file")) {
            try ReportWriter.write(results: results, to: directory + "/report")
        }
    }
}
