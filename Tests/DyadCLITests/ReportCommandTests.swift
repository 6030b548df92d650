import CommandLineTestSupport
import Foundation
import TestSupport
import Testing

/// `dyadsim report --point`: one point, a list or all; mistakes are usage errors word for word.
@Suite("dyadsim report --point")
struct ReportCommandTests {
    @Test("--point takes N, a comma-separated list or all; anything else is a usage error")
    func pointOption() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write(
            "sweep.json5",
            """
            { name: "points", couples: 40, days: 20, burn_in_days: 5,
              arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }],
              sweep: { grid: { "params.imp_harsh": [0.05, 0.1, 0.15] } } }
            """)
        let results = directory.file("out")
        #expect(CommandLineHarness.run(["run", file, "--out", results, "--quiet"]).code == 0)
        for option in ["1", "2,0", "all"] {
            let outcome = CommandLineHarness.run(
                ["report", results, "--point", option, "--out", directory.file("r" + option)])
            #expect(outcome.code == 0, "\(option): \(outcome.error)")
        }
        let listed = try String(contentsOfFile: directory.file("r2,0/index.html"), encoding: .utf8)
        #expect(listed.contains("<td>0, 2 of 3 (choose with --point LIST or --point all)</td>"))
        let usage = "usage: dyadsim report <results dir> [--out DIR] [--point LIST] [--outcomes a,b]"
        let empty = CommandLineHarness.run(["report", results, "--point", ""])
        #expect(empty.code == 64)
        #expect(empty.errorLines == ["error: --point needs a value, not an empty text", usage])
        for bad in ["x", "1,", "-1"] {
            let outcome = CommandLineHarness.run(["report", results, "--point", bad])
            #expect(outcome.code == 64, "\(bad)")
            #expect(
                outcome.errorLines == [
                    "error: --point: \"\(bad)\" is not a sweep point, a comma-separated list of them or all", usage,
                ])
        }
        let beyond = CommandLineHarness.run(["report", results, "--point", "1,3"])
        #expect(beyond.code == 64)
        #expect(beyond.errorLines == ["error: --point 3: \(results) has sweep points 0...2"])
    }
}
