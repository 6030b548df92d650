import DyadCLI
import DyadExperiment
import DyadValidation
import Foundation
import TestSupport
import Testing

/// validation.csv and validation.md: every field of a result lands in its own column.
@Suite("Validation report files")
struct ValidationReportTests {
    static let results = [
        ValidationResult(
            id: "SF14", description: "one-year dissolution 2–5 %, married", scenario: "P", measured: 0.0312,
            standardError: 0.0017, expected: "in 0.02–0.05", pass: true, detail: "0.0312 (se 0.0017)",
            source: "[C/M] base rates"),
        ValidationResult(
            id: "O11", description: "styles allocation \"exact\"", scenario: "o11", measured: 0,
            standardError: nil, expected: "= 0", pass: false, detail: "max deviation 0", source: "§10.1"),
    ]

    @Test(
        "validation.csv: one row per result, every field in its own column"
    )
    func csvColumns() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        try ValidationReport.write(Self.results, to: directory.path, quick: true, parametersFile: nil)
        let table = try #require(CSVTable(path: directory.file("validation.csv")))
        #expect(
            table.header == [
                "id", "description", "scenario", "measured", "standard_error", "expected", "pass", "detail", "source",
            ])
        #expect(table.rows.count == 2)
        #expect(
            table.rows[0] == [
                "SF14", "one-year dissolution 2–5 %, married", "P", "0.0312", "0.0017", "in 0.02–0.05", "1",
                "0.0312 (se 0.0017)", "[C/M] base rates",
            ])
        #expect(
            table.rows[1] == [
                "O11", "styles allocation \"exact\"", "o11", "0", "NA", "= 0", "0", "max deviation 0", "§10.1",
            ])
        let markdown = try String(contentsOfFile: directory.file("validation.md"), encoding: .utf8)
        #expect(markdown.contains("**1 of 2 checks pass.**"))
        #expect(
            markdown.contains(
                "| SF14 | one-year dissolution 2–5 %, married | P | 0.0312 | 1.700e-03 | in 0.02–0.05 | yes |"))
        #expect(markdown.contains("| O11 | styles allocation \"exact\" | o11 | 0 |  | = 0 | **no** |"))
    }
}
