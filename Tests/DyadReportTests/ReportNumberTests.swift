import DyadCore
import DyadExperiment
import DyadIO
import DyadReport
import Foundation
import TestSupport
import Testing

/// The numbers on the report page traced to their columns: effects.csv rows shown cell by cell,
/// and the more anxious partner's effects computed from that partner's couples.csv columns, for the
/// requested sweep point only.
@Suite("Report numbers")
struct ReportNumberTests {
    static let scenario = """
        { name: "numbers", seed: 3, couples: 4, days: 10, burn_in_days: 3,
          arms: [{ name: "control" }, { name: "treated", interventions: [{ type: "soft_startup" }] }],
          sweep: { grid: { "params.lambda0": [0.2, 0.4] } } }
        """

    /// Day-0 anxieties (a more anxious, b, a tie → a, b) and the values of mean_e, security,
    /// pursue_frac and a per arm and role.
    static let anxiety: [(Double, Double)] = [(0.6, 0.3), (0.2, 0.5), (0.4, 0.4), (0.1, 0.7)]
    static let values: [String: [String: [(Double, Double)]]] = [
        "control": [
            "mean_e": [(0.30, 0.15), (0.20, 0.40), (0.25, 0.35), (0.10, 0.50)],
            "security": [(0.70, 0.60), (0.50, 0.45), (0.65, 0.80), (0.90, 0.30)],
            "pursue_frac": [(0.40, 0.10), (0.20, 0.30), (0.35, 0.05), (0.15, 0.25)],
            "a": [(0.61, 0.29), (0.21, 0.52), (0.41, 0.38), (0.12, 0.71)],
        ],
        "treated": [
            "mean_e": [(0.28, 0.16), (0.22, 0.31), (0.20, 0.30), (0.12, 0.41)],
            "security": [(0.75, 0.58), (0.49, 0.55), (0.72, 0.81), (0.88, 0.42)],
            "pursue_frac": [(0.30, 0.12), (0.25, 0.20), (0.33, 0.06), (0.10, 0.15)],
            "a": [(0.58, 0.30), (0.22, 0.47), (0.39, 0.40), (0.13, 0.64)],
        ],
    ]

    /// The table rows of the page: the row's attributes and its cells' contents.
    static func rows(_ page: String) -> [(attributes: String, cells: [String])] {
        page.components(separatedBy: "<tr").dropFirst().map { chunk in
            let attributes = String(chunk.prefix { $0 != ">" })
            let cells = chunk.components(separatedBy: "<td").dropFirst().map { cell -> String in
                let start = cell.firstIndex(of: ">").map { cell.index(after: $0) } ?? cell.startIndex
                let end = cell.range(of: "</td>")?.lowerBound ?? cell.endIndex
                return String(cell[start..<end])
            }
            return (attributes, cells)
        }
    }

    /// The cells of the effects table row whose code cell is `code` and whose arm is `arm`.
    static func row(_ page: String, code: String, arm: String) -> [String]? {
        rows(page).first { $0.cells.count == 9 && $0.cells[1] == code && $0.cells[3] == arm }?.cells
    }

    /// The numbers in a cell ("+0.0111 [0.0033, 0.0189]" → [0.0111, 0.0033, 0.0189]).
    static func numbers(_ cell: String) -> [Double] {
        cell.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: "+", with: "")
            .components(separatedBy: CharacterSet(charactersIn: "[], ")).compactMap { Double($0) }
    }

    @Test("effects.csv's columns appear in their cells; the more anxious partner's effects read that partner's columns")
    func traced() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("numbers.json5", Self.scenario)
        let request = RunRequest(
            plan: RunPlan(scenario: try ScenarioLoader.load(path: file)), scenarioFile: file,
            directory: directory.file("results"), threads: 1)
        guard case .completed = try SweepRunner.execute(request, cancellation: CancellationFlag()) else {
            Issue.record("the run did not complete")
            return
        }
        // Hand-made values in couples.csv.
        let couplesPath = directory.file("results/couples.csv")
        let couples = try #require(CSVTable(path: couplesPath))
        var lines = [couples.header.joined(separator: ",")]
        // Sweep point 1 gets hand-made values; point 0 keeps simulated ones, which the report of
        // point 1 must not read.
        for var row in couples.rows {
            let arm = couples.text(row, "arm"), couple = Int(couples.number(row, "couple"))
            guard couples.text(row, "sweep_point") == "1" else {
                lines.append(row.joined(separator: ","))
                continue
            }
            row[couples.index("a0_a")] = "\(Self.anxiety[couple].0)"
            row[couples.index("a0_b")] = "\(Self.anxiety[couple].1)"
            for (stem, pairs) in Self.values[arm] ?? [:] {
                row[couples.index(stem + "_a")] = "\(pairs[couple].0)"
                row[couples.index(stem + "_b")] = "\(pairs[couple].1)"
            }
            // One pairing, secure–anxious, with hand-made outcomes in the control arm.
            (row[couples.index("style0_a")], row[couples.index("style0_b")]) = ("secure", "anxious")
            if arm == "control" {
                row[couples.index("satisfaction")] = "\([0.5, 0.6, 0.7, 0.9][couple])"
                row[couples.index("pw_cycle_frac")] = "\([0.1, 0.2, 0.3, 0.6][couple])"
                row[couples.index("dissolved")] = couple == 1 ? "1" : "0"
            }
            lines.append(row.joined(separator: ","))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: couplesPath, atomically: false, encoding: .utf8)
        // Hand-made satisfaction row in effects.csv: every column a different number.
        let effectsPath = directory.file("results/effects.csv")
        let effects = try #require(CSVTable(path: effectsPath))
        var effectLines = [effects.header.joined(separator: ",")]
        for var row in effects.rows where effects.text(row, "sweep_point") == "1" {
            if effects.text(row, "outcome") == "distressed" {
                // A CI that straddles 0 is neither better nor worse.
                row[effects.index("ci_low")] = "-0.01"
                row[effects.index("ci_high")] = "0.02"
            }
            if effects.text(row, "outcome") == "satisfaction" {
                for (name, value) in [
                    ("n", "123"), ("control_mean", "0.6111"), ("arm_mean", "0.6222"), ("difference", "0.0111"),
                    ("se", "0.004"), ("ci_low", "0.0033"), ("ci_high", "0.0189"), ("d", "0.25"),
                ] {
                    row[effects.index(name)] = value
                }
            }
            effectLines.append(row.joined(separator: ","))
        }
        for row in effects.rows where effects.text(row, "sweep_point") != "1" {
            effectLines.append(row.joined(separator: ","))
        }
        try (effectLines.joined(separator: "\n") + "\n").write(toFile: effectsPath, atomically: false, encoding: .utf8)

        let summary = try ReportWriter.write(results: directory.file("results"), point: 1)
        let page = try String(contentsOfFile: summary.directory + "/index.html", encoding: .utf8)

        let tableRows = Self.rows(page)
        let satisfactionRow = try #require(tableRows.first { $0.cells.count == 9 && $0.cells[1] == "satisfaction" })
        #expect(satisfactionRow.attributes.contains("class=\"better\""), "a CI above 0 on a higher-is-better outcome")
        let distressedRow = try #require(tableRows.first { $0.cells.count == 9 && $0.cells[1] == "distressed" })
        #expect(
            !distressedRow.attributes.contains("class="), "a CI across 0 is not marked: \(distressedRow.attributes)")

        // The pairing table: couples, mean satisfaction and pursue–withdraw share, dissolved share
        // 1/4 with its 95 % Wilson interval (z = 1.96; centre (p + z²/2n)/(1 + z²/n)).
        let pairing = try #require(tableRows.first { $0.cells.first == "secure\u{2013}anxious" }).cells
        #expect(pairing[1] == "4")
        #expect(abs(Self.numbers(pairing[2])[0] - 0.675) < 0.0005 && abs(Self.numbers(pairing[3])[0] - 0.3) < 0.0005)
        let z = 1.959963984540054, n = 4.0, p = 0.25
        let centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        let half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()
        let wilson = Self.numbers(pairing[4])
        #expect(wilson.count == 3 && wilson[0] == 0.25)
        #expect(abs(wilson[1] - (centre - half)) < 0.0005 && abs(wilson[2] - (centre + half)) < 0.005, "\(wilson)")

        let satisfaction = try #require(Self.row(page, code: "satisfaction", arm: "treated"))
        #expect(satisfaction[4] == "123")
        #expect(Self.numbers(satisfaction[5]) == [0.6111] && Self.numbers(satisfaction[6]) == [0.6222])
        #expect(Self.numbers(satisfaction[7]) == [0.0111, 0.0033, 0.0189])
        // d's interval: the difference's interval over the pooled SD difference/d = 0.0444.
        let d = Self.numbers(satisfaction[8])
        #expect(
            d.count == 3 && d[0] == 0.25 && abs(d[1] - 0.0033 / 0.0444) < 0.006 && abs(d[2] - 0.0189 / 0.0444) < 0.006)

        for stem in ["mean_e", "security", "pursue_frac", "a"] {
            let cells = try #require(Self.row(page, code: "\(stem)_a/_b", arm: "treated"), "\(stem)")
            func anxious(_ arm: String) -> [Double] {
                (0..<4).map { couple in
                    let pair = Self.values[arm]?[stem]?[couple] ?? (.nan, .nan)
                    return Self.anxiety[couple].0 >= Self.anxiety[couple].1 ? pair.0 : pair.1
                }
            }
            let control = anxious("control"), treated = anxious("treated")
            let difference = zip(treated, control).map { $0 - $1 }.reduce(0, +) / 4
            #expect(cells[4] == "4")
            let shown = Self.numbers(cells[5]) + Self.numbers(cells[6]) + Self.numbers(cells[7]).prefix(1)
            let expected = [control.reduce(0, +) / 4, treated.reduce(0, +) / 4, difference]
            #expect(shown.count == 3, "\(stem): \(cells)")
            // Means are shown with 4 significant digits, differences with decimals to suit their CI.
            let differenceDecimals = cells[7].split(separator: " ").first?.split(separator: ".").last?.count ?? 0
            let tolerances = [
                5e-4 * abs(expected[0]), 5e-4 * abs(expected[1]), 0.5 * pow(10, -Double(differenceDecimals)),
            ]
            for ((value, wanted), tolerance) in zip(zip(shown, expected), tolerances) {
                #expect(abs(value - wanted) <= tolerance + 1e-12, "\(stem): \(value) vs \(wanted)")
            }
        }
    }
}
