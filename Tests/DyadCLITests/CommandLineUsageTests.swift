import CommandLineTestSupport
import DyadCLI
import DyadCore
import Foundation
import TestSupport
import Testing

@Suite("Command-line usage")
struct CommandLineUsageTests {
    @Test(
        "usage mistakes give one line with a suggestion and exit 64",
        arguments: [
            (["rnu", "x.json5"], "error: unknown command \"rnu\"; did you mean \"run\"?"),
            (["run", "x.json5", "--thread", "2"], "error: unknown option --thread for run; did you mean --threads?"),
            (["run", "x.json5", "--out"], "error: --out needs a value"),
            (["run"], "error: run needs an argument"),
            (["run", "a.json5", "b.json5"], "error: unexpected argument \"b.json5\" for run"),
            (["run", "x.json5", "--force=yes"], "error: --force takes no value"),
            (["merge", "a"], "error: merge needs --out DIR"),
            (["check", "x.json5", "--shards", "0"], "error: --shards: \"0\" is not a whole number in 1...1000000"),
        ])
    func usageErrors(arguments: [String], expected: String) {
        let outcome = CommandLineHarness.run(arguments)
        #expect(outcome.code == 64)
        #expect(outcome.errorLines.first == expected)
        #expect(outcome.output.isEmpty)
    }

    @Test(
        "flag values are checked before any work",
        arguments: [
            (["--threads", "zero"], "error: --threads: \"zero\" is not a whole number in 1...4096"),
            (["--shard", "3/3"], "error: --shard: \"3/3\" is not K/N with 0 <= K < N (e.g. 0/4)"),
            (["--max-memory", "lots"], "error: --max-memory: \"lots\" is not a size such as 8G, 512M or 2000000000"),
            (["--couples", "-3"], "error: --couples: \"-3\" is not a whole number in 1...100000000"),
            (["--seed", "abc"], "error: --seed: \"abc\" is not a whole number in 0...9007199254740991"),
        ])
    func flagValues(flags: [String], expected: String) {
        let outcome = CommandLineHarness.run(
            ["run", Repository.path("Scenarios/quickstart.json5"), "--out", "/nonexistent/never"] + flags)
        #expect(outcome.code == 64)
        #expect(outcome.errorLines.first == expected)
    }

    @Test("help, version and help for every command")
    func help() {
        let overview = CommandLineHarness.run(["--help"])
        #expect(overview.code == 0)
        #expect(
            DyadSimCommandLine.commandNames
                == [
                    "run", "check", "calibrate", "merge", "report", "analyze", "validate-model", "params", "columns",
                    "schema",
                ])
        for command in DyadSimCommandLine.commandNames {
            #expect(overview.output.contains("  \(command) "))
            let help = CommandLineHarness.run(["help", command])
            #expect(help.code == 0)
            #expect(help.output.hasPrefix("usage: dyadsim \(command)"))
            #expect(CommandLineHarness.run([command, "--help"]).output == help.output)
        }
        #expect(CommandLineHarness.run(["--version"]).output.hasPrefix("dyadsim 0.1.0"))
        #expect(CommandLineHarness.run([]).code == 64)
    }

    @Test("params lists every catalogue parameter with its unit, under a header and a legend of the source tags")
    func params() throws {
        let outcome = CommandLineHarness.run(["params", "--csv"])
        #expect(outcome.code == 0)
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.first == "name,level,group,default_a,default_b,min,max,integer,tag,meaning,unit")
        #expect(lines.count == ParameterCatalog.all.count + 1)
        #expect(
            lines.contains {
                $0.hasPrefix("hr_rest,partner,Trait-derived,82,76,40,120,0,C,") && $0.hasSuffix(",bpm")
            })
        #expect(
            lines.contains {
                $0.hasPrefix("t_max,couple,Couple level,30,30,1,10000,1,C,") && $0.hasSuffix(",turns")
            })
        let table = CommandLineHarness.run(["params"])
        #expect(table.code == 0)
        let text = table.output.split(separator: "\n").map(String.init)
        #expect(text.contains("Source tags:"))
        for (tag, meaning) in ParameterCatalog.sourceTags {
            #expect(text.contains { $0.hasPrefix("  \(tag) ") && $0.hasSuffix(" \(meaning)") }, "\(tag)")
        }
        #expect(text.contains { $0.hasPrefix("  u_p0 ") && $0.contains(" -1e9..1e9 ") })
        #expect(text.contains { $0.hasPrefix("  trunc_max_tries ") && $0.contains(" 1..1e6, integer ") })
        #expect(text.contains { $0.hasPrefix("  hr_rest ") && $0.contains(" 82 (a), 76 (b) ") })
    }

    @Test("params keeps its columns aligned however wide a range or default is")
    func paramsAlignment() throws {
        let text = CommandLineHarness.run(["params"]).output.split(separator: "\n").map(String.init)
        let headers = text.filter { $0.hasPrefix("  name ") }
        let header = try #require(headers.first)
        #expect(Set(headers).count == 1, "one header shape for every group")
        let columns = ["default", "range", "unit", "tag", "meaning"].compactMap { name in
            header.range(of: " \(name)").map { header.distance(from: header.startIndex, to: $0.lowerBound) + 1 }
        }
        #expect(columns.count == 5)
        for info in ParameterCatalog.all {
            let row = try #require(text.first { $0.hasPrefix("  \(info.name) ") }, "\(info.name)")
            #expect(row.hasSuffix(info.meaning), "\(info.name)")
            #expect(row.count - info.meaning.count == columns[4], "\(info.name): meaning column")
            for column in columns {
                // Each cell starts right after a gap of at least two spaces.
                let characters = Array(row)
                #expect(
                    column < characters.count && characters[column] != " " && characters[column - 1] == " "
                        && characters[column - 2] == " ", "\(info.name): column \(column)")
            }
        }
    }

    @Test("columns lists every output column; schema prints JSON")
    func columnsAndSchema() throws {
        let columns = CommandLineHarness.run(["columns", "--csv"])
        #expect(columns.code == 0)
        let lines = columns.output.split(separator: "\n")
        #expect(lines.contains("couples.csv,satisfaction,number,0-1,couple satisfaction (Sat_a + Sat_b)/2 at the end"))
        #expect(lines.contains { $0.hasPrefix("daily.csv,dissolved_cum,number,share,") })
        #expect(lines.contains { $0.hasPrefix("effects.csv,d,number,SD,") })
        let schema = CommandLineHarness.run(["schema"])
        #expect((try JSONSerialization.jsonObject(with: Data(schema.output.utf8))) is [String: Any])
    }

    @Test("check validates and prints the plan; invalid scenarios exit 65")
    func check() {
        let outcome = CommandLineHarness.run([
            "check", "--no-calibration", "--shards", "3", Repository.path("Scenarios/soft-startup.json5"),
        ])
        #expect(outcome.code == 0)
        #expect(
            outcome.output.contains(
                "runs         4 (2 sweep points x 2 replicates), arms: control, soft_startup (control: control)"))
        #expect(outcome.output.contains("couple-days  8.76 million (+ 1.08 million burn-in)"))
        #expect(outcome.output.contains("output       couples.csv  24000 rows"))
        #expect(outcome.output.contains("shards       3: 1-2 runs each"))
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let bad = directory.write("bad.json5", "{ couples: 0 }")
        let failing = CommandLineHarness.run(["check", "--no-calibration", bad])
        #expect(failing.code == 65)
        #expect(failing.errorLines == ["error: \(bad): couples: 0 is out of range (allowed 1...100000000)"])
    }
}
