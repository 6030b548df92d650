import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile scenario and design files: labels CSV readers would misread, control characters,
/// files that are not files, paths that leave their folder, plans that would take unbounded time
/// or memory, and values that overflow. Each case is one line per problem, exit 65.
@Suite("Hostile inputs")
struct HostileInputTests {
    private func problems(_ text: String, file: String = "test.json5", base: String = ".") -> [String] {
        do {
            _ = try ScenarioLoader.decode(bytes: Array(text.utf8), file: file, baseDirectory: base)
            return []
        } catch {
            return error.lines
        }
    }

    static let labelAllowed =
        "(allowed a name that is not a number, NA, nan, null, None, true, false, inf and does not start with a dot)"

    @Test(
        "arm names pandas or R read as missing, boolean or numeric are rejected with the reason",
        arguments: [
            ("NA", "a missing value"), ("nan", "a missing value"), ("NaN", "a missing value"),
            ("-nan", "a missing value"),
            ("None", "a missing value"), ("null", "a missing value"), ("NULL", "a missing value"),
            ("TRUE", "a boolean"), ("false", "a boolean"), ("T", "a boolean"),
            ("inf", "a number"), ("-Infinity", "a number"), ("1e5", "a number"), ("100000", "a number"),
            ("0x10", "a number"),
            ("-5", "a number"), ("2i", "a number"),
        ])
    func armLabels(name: String, kind: String) {
        let reason = "is read as \(kind) by pandas or R"
        #expect(
            problems("{ arms: [{ name: \"control\" }, { name: \"\(name)\" }] }")
                == ["error: test.json5: arms[1].name: \"\(name)\" \(reason) \(Self.labelAllowed)"])
    }

    @Test("scenario and prototype names that would be hidden, parent or numeric folders or labels are rejected")
    func scenarioAndPrototypeNames() {
        for name in ["..", ".", ".hidden"] {
            #expect(
                problems("{ name: \"\(name)\" }")
                    == [
                        "error: test.json5: name: \"\(name)\" starts with a dot (a hidden or parent folder name) \(Self.labelAllowed)"
                    ])
        }
        #expect(
            problems("{ name: \"1.5\" }") == [
                "error: test.json5: name: \"1.5\" is read as a number by pandas or R \(Self.labelAllowed)"
            ])
        #expect(
            problems("{ population: { mode: \"styles\", prototypes: { NaN: { a: 0.5, v: 0.5 } } } }")
                == [
                    "error: test.json5: population.prototypes.NaN: \"NaN\" is read as a missing value by pandas or R \(Self.labelAllowed)"
                ])
        #expect(problems("{ name: \"trial-2.1\", arms: [{ name: \"na_arm\" }, { name: \"arm1e5\" }] }").isEmpty)
    }

    @Test("a default name from the file name never becomes a hidden, parent or numeric name")
    func defaultNames() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for (file, expected) in [
            ("...json5", "__"), ("..json5", "_"), ("1e5.json5", "scenario-1e5"), ("NA.json5", "scenario-NA"),
            ("trial.json5", "trial"),
        ] {
            let path = directory.write(file, "{ couples: 10 }")
            let name = try ScenarioLoader.load(path: path).name
            #expect(name == expected, "\(file): \(name)")
        }
    }

    @Test("control characters in keys and strings are rejected, and messages show them escaped on one line")
    func controlCharacters() {
        let key = problems("{ \"im\\np\\u001b[31m\": 1 }")
        #expect(
            key == [
                #"error: test.json5: ["im\np\u{1B}[31m"]: the key "im\np\u{1B}[31m" contains a control character (allowed keys without control characters)"#
            ])
        let description = problems("{ description: \"red \\u001b[31m text\\r\" }")
        #expect(
            description == [
                #"error: test.json5: description: "red \u{1B}[31m text\r" contains a control character (allowed text without control characters)"#
            ])
        let unknown = problems("{ params: { \"\\u202egnp.exe\": 1 } }")
        #expect(unknown.count == 1 && !unknown[0].unicodeScalars.contains { $0.value == 0x202E })
        for line in key + description + unknown {
            #expect(!EscapedText.hasControlCharacters(line) && !line.contains("\n"))
        }
        let long = problems("{ \"\(String(repeating: "x", count: 100_000))\\n\": 1 }")
        #expect(long.count == 1 && long[0].count < 300)
    }

    @Test("a million unknown keys: the first 50 problems with suggestions, then a count")
    func manyUnknownKeys() {
        let count = 200_000
        let text = "{ couple: 1, " + (0..<count).map { "k\($0): 1" }.joined(separator: ", ") + " }"
        let lines = problems(text)
        #expect(lines.count == ScenarioLoader.maximumReportedProblems + 1)
        #expect(lines.first == "error: test.json5: couple: unknown key \"couple\"; did you mean \"couples\"?")
        #expect(
            lines.last
                == "error: test.json5: \(count + 1 - ScenarioLoader.maximumReportedProblems) more problems are not shown (the first 50 are)"
        )
    }

    @Test("duplicates in a long grid list are found (hashed), at their position")
    func longGridDuplicates() {
        let values = (0..<200_000).map { String(Double($0) / 1e6) } + ["0.1"]
        let lines = problems("{ sweep: { grid: { \"params.g0\": [\(values.joined(separator: ", "))] } } }")
        #expect(
            lines == [
                "error: test.json5: sweep.grid[\"params.g0\"][200000]: 0.1 appears twice in this list (allowed distinct values)"
            ])
    }

    @Test("plans beyond the limits are refused before anything is built: runs, points, overflowing grids")
    func planLimits() {
        let grid = (0..<1000).map { String(Double($0) / 1000) }.joined(separator: ", ")
        #expect(
            problems("{ replicates: 1000000, sweep: { grid: { \"params.g0\": [\(grid)] } } }")
                == [
                    "error: test.json5: replicates: 1000 sweep points x 1000000 replicates make more than 10000000 runs (allowed at most 10000000 runs; fewer replicates or points, or split the sweep into several scenarios)"
                ])
        // 64 axes of two values: 2^64 points, which a wrapping product would count as 0.
        let axes = ParameterCatalog.all.filter {
            $0.level != .population && !$0.isInteger && $0.range.upperBound > $0.range.lowerBound
        }
        .prefix(64).map { "\"params.\($0.name)\": [\($0.range.lowerBound), \($0.range.upperBound)]" }
        #expect(axes.count == 64)
        #expect(
            problems("{ sweep: { grid: { \(axes.joined(separator: ", ")) } } }")
                == ["error: test.json5: sweep: the sweep has more than 1000000 points (allowed at most 1000000 points)"]
        )
        #expect(
            problems("{ sweep: { sample: { method: \"random\", n: 10000000, ranges: { \"params.g0\": [0, 1] } } } }")
                == ["error: test.json5: sweep.sample.n: 10000000 is out of range (allowed 1...1000000)"])
        let ranges = ParameterCatalog.all.filter {
            $0.level != .population && !$0.isInteger && $0.range.upperBound > $0.range.lowerBound
        }
        .prefix(11).map { "\"params.\($0.name)\": [\($0.range.lowerBound), \($0.range.upperBound)]" }
        #expect(
            problems(
                "{ sweep: { sample: { method: \"random\", n: 500000, ranges: { \(ranges.joined(separator: ", ")) } } } }"
            )
                == [
                    "error: test.json5: sweep: 500000 points x 11 swept paths are 5500000 values (allowed at most 5000000 values; fewer points or paths, or several scenarios)"
                ])
    }

    @Test(
        "estimates are closed-form: written daily rows match the day-by-day rule, and a 10^5 x 10^5 plan is estimated at once"
    )
    func closedFormEstimate() throws {
        for days in 1...120 {
            for every in 1...30 {
                var settings = OutputSettings()
                settings.dailyEvery = every
                let counted = (0..<days).filter { settings.writesDay($0, of: days) }.count
                var scenario = Scenario()
                scenario.days = days
                scenario.couples = 1
                scenario.outputs.dailyEvery = every
                let plan = RunPlan(scenario: scenario)
                let daily = try #require(
                    PlanEstimate(plan: plan, runs: plan.runs, threads: 1).files.first { $0.name == "daily.csv" })
                #expect(daily.rows == Double(counted), "days \(days), every \(every)")
            }
        }
        let scenario = try ScenarioLoader.decode(
            bytes: Array("{ couples: 1, days: 100000, replicates: 100000 }".utf8), file: "big.json5")
        let plan = RunPlan(scenario: scenario)
        let estimate = PlanEstimate(plan: plan, runs: plan.runs, threads: 2)
        #expect(estimate.coupleDays == 1e10)
        #expect(estimate.files.first { $0.name == "daily.csv" }?.rows == 1e10)
        let split = PlanEstimate.shards(of: plan, count: 1_000_000)
        #expect(split.fewestRuns == 0 && split.mostRuns == 1 && split.largestCoupleDays == 100_090)
    }

    @Test("a swept set value must fit every set intervention it changes")
    func sweptSetValues() {
        let arm =
            "{ name: \"s\", interventions: [{ type: \"set\", param: \"t_max\", value: 40 }, { type: \"set\", param: \"imp_harsh\", value: 0.2 }] }"
        #expect(
            problems("{ arms: [{ name: \"control\" }, \(arm)], sweep: { grid: { \"arms.s.set.value\": [10000] } } }")
                == ["error: test.json5: sweep.grid[\"arms.s.set.value\"][0]: 10000 is out of range (allowed 1...1)"])
        #expect(
            problems(
                "{ arms: [{ name: \"control\" }, \(arm)], sweep: { grid: { \"arms.s.interventions[0].value\": [10000] } } }"
            ).isEmpty)
        let apart =
            "{ name: \"s\", interventions: [{ type: \"set\", param: \"hr_rest\", value: 80 }, { type: \"set\", param: \"imp_harsh\", value: 0.2 }] }"
        #expect(
            problems(
                "{ arms: [{ name: \"control\" }, \(apart)], sweep: { sample: { method: \"random\", n: 4, ranges: { \"arms.s.set.value\": [0, 1] } } } }"
            )
                == [
                    #"error: test.json5: sweep.sample.ranges["arms.s.set.value"]: the set interventions of arm "s" set parameters whose ranges do not overlap (hr_rest 40...120, imp_harsh 0...1), so no value fits them all; sweep each by position, e.g. arms.s.interventions[I].value"#
                ])
    }

    @Test("outputs.directory stays below the working directory")
    func outputDirectories() {
        for directory in ["/tmp/x", "../x", "Results/../../x", "~/x"] {
            #expect(
                problems("{ outputs: { directory: \"\(directory)\" } }")
                    == [
                        "error: test.json5: outputs.directory: \"\(directory)\" leaves the working directory (allowed a relative path without .. such as Results/trial; use --out for another place)"
                    ])
        }
        #expect(problems("{ outputs: { directory: \"Results/trial.2\" } }").isEmpty)
    }

    @Test(
        "design files stay inside the scenario's folder, are regular files under the size cap, and are quoted escaped")
    func designFiles() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let folder = directory.file("scenario")
        directory.write("scenario/designs/d.csv", "params.g0\n0.2\n0.4\n")
        directory.write("outside.csv", "params.g0\n0.2\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/link.csv", withDestinationPath: directory.file("outside.csv"))
        func design(_ path: String) -> [String] {
            problems("{ sweep: { design_file: \"\(path)\" } }", file: "s.json5", base: folder)
        }
        #expect(design("designs/d.csv").isEmpty)
        for path in ["/etc/passwd", "../outside.csv", "designs/../../outside.csv"] {
            #expect(
                design(path) == [
                    "error: s.json5: sweep.design_file: \"\(path)\" is not a path inside the scenario's folder (allowed a path relative to the scenario file, without .., e.g. designs/points.csv)"
                ])
        }
        #expect(
            design("link.csv") == [
                "error: s.json5: sweep.design_file: \"link.csv\" leads outside the scenario's folder (through a symbolic link) (allowed a file inside the scenario's folder)"
            ])
        #expect(mkfifo(folder + "/fifo.csv", 0o644) == 0)
        #expect(
            design("fifo.csv") == [
                "error: s.json5: sweep.design_file: cannot read \"fifo.csv\": it is a named pipe (FIFO), not a regular file"
            ])
        let big = folder + "/big.csv"
        #expect(FileManager.default.createFile(atPath: big, contents: nil) && truncate(big, 65 << 20) == 0)
        #expect(
            design("big.csv") == [
                "error: s.json5: sweep.design_file: cannot read \"big.csv\": the file is larger than 64 MiB"
            ])
        directory.write(
            "scenario/hostile.csv",
            "params.g0\n\u{1B}]0;owned\u{07}\u{1B}[2J" + String(repeating: "A", count: 500) + "\n")
        let hostile = design("hostile.csv")
        #expect(
            hostile == [
                #"error: s.json5: sweep.design_file: hostile.csv line 2, column params.g0: "\u{1B}]0;owned\u{7}\u{1B}[2JAAAAAAAAA..." is not a number"#
            ])
    }

    @Test("a scenario that is a FIFO, a device or above the size cap is refused before reading")
    func specialScenarioFiles() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.file("fifo.json5")
        #expect(mkfifo(fifo, 0o644) == 0)
        func lines(_ path: String) -> [String] {
            do {
                _ = try ScenarioLoader.load(path: path)
                return []
            } catch {
                return error.lines
            }
        }
        #expect(lines(fifo) == ["error: \(fifo): it is a named pipe (FIFO), not a regular file"])
        #expect(lines("/dev/zero") == ["error: /dev/zero: it is a device, not a regular file"])
        let big = directory.file("big.json5")
        #expect(FileManager.default.createFile(atPath: big, contents: nil) && truncate(big, 17 << 20) == 0)
        #expect(lines(big) == ["error: \(big): the file is larger than 16 MiB; this cannot be a scenario"])
    }

    @Test("pairing shares near the largest double keep their proportions (no overflow to the last pairing)")
    func hugeShares() throws {
        let scenario = try ScenarioLoader.decode(
            bytes: Array(
                """
                { population: { mode: "styles", pairings: [{ a: "secure", b: "secure", share: 1.797e308 },
                  { a: "anxious", b: "avoidant", share: 1.797e308 }, { a: "fearful", b: "secure", share: 0.898e308 }] } }
                """.utf8), file: "shares.json5")
        let sampler = try PopulationSampler(population: scenario.population)
        var counts = [0, 0, 0]
        for couple in 0..<1000 { counts[sampler.pairingIndex(couple: couple, coupleCount: 1000)] += 1 }
        #expect(counts == [400, 400, 200])
    }

    static let sizeCases: [(text: String, bytes: Double)] = [
        ("8G", 8_589_934_592), ("8g", 8_589_934_592), ("1.5T", 1_649_267_441_664), ("512MiB", 536_870_912),
        ("64KB", 65_536), ("2000000000", 2_000_000_000), ("100B", 100),
    ]

    @Test("--max-memory sizes: whole or decimal numbers with K, M, G, T (B, iB), or whole bytes")
    func sizes() {
        for (text, bytes) in Self.sizeCases { #expect(Quantity.parseBytes(text) == bytes, "\(text)") }
    }

    @Test(
        "--max-memory refuses what is not a finite size",
        arguments: [
            "inf", "nan", "BBB4BG", "-1G", "0", "0G", "1e9", "0x10", "4 G", "G", "", "1.5", "1..5G", "2000P",
            "99999999999999999999T",
        ])
    func badSizes(text: String) {
        #expect(Quantity.parseBytes(text) == nil)
    }

    @Test("XXH64 matches the reference digests, fed at once or in any pieces")
    func checksums() {
        let vectors: [(String, String)] = [
            ("", "ef46db3751d8e999"), ("a", "d24ec4f1a98c6e5b"), ("abc", "44bc2cf5ad770999"),
            ("0123456789abcdef0123456789abcdef", "642a94958e71e6c5"),
            ("The quick brown fox jumps over the lazy dog", "0b242d361fda71bc"),
        ]
        for (text, digest) in vectors {
            var checksum = ContentChecksum()
            checksum.update(text)
            #expect(checksum.text == digest, "\(text)")
        }
        let long = Array((0..<4).flatMap { _ in 0...255 as ClosedRange<UInt8> }) + Array("tail".utf8)
        #expect(String(ContentChecksum.of(long), radix: 16) == "d45352830e83df92")
        var random = SplitMix64(state: 7)
        for _ in 0..<50 {
            var pieces = ContentChecksum()
            var start = 0
            while start < long.count {
                let end = min(long.count, start + Int(random.next() % 70))
                pieces.update(long[start..<end])
                start = end
            }
            #expect(pieces.value == ContentChecksum.of(long))
        }
    }

    @Test("escaped excerpts: control characters escaped, length capped, plain text unchanged")
    func excerpts() {
        #expect(EscapedText.escaped("plain é text") == "plain é text")
        #expect(EscapedText.escaped("a\nb\tc\u{1B}[0m\u{7F}\u{85}\u{2028}") == #"a\nb\tc\u{1B}[0m\u{7F}\u{85}\u{2028}"#)
        #expect(
            EscapedText.excerpt(String(repeating: "y", count: 1_000_000)) == String(repeating: "y", count: 37) + "...")
        #expect(EscapedText.excerpt("\u{1B}\u{1B}\u{1B}\u{1B}\u{1B}\u{1B}\u{1B}\u{1B}").count == 40)
    }
}
