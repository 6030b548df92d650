import CommandLineTestSupport
import DyadIO
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing DyadSim writes or deletes leaves its output directory: links planted in its state
/// folder or under its temporary names are refused or replaced, never followed; names cannot
/// become `..`; empty paths are usage errors.
@Suite("Paths that cannot escape")
struct HostilePathTests {
    static let scenario = "{ name: \"p\", couples: 30, days: 6, burn_in_days: 2, replicates: 2 }"

    /// A folder outside the output directory with files that must survive.
    private func victim(_ directory: TemporaryDirectory) -> (path: String, files: [String: Data]) {
        directory.write("victim/keep.txt", "keep")
        directory.write("victim/lock", "do not truncate")
        directory.write("victim/p000000-r0000.record", "not a record")
        let path = directory.file("victim")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return (path, Dictionary(uniqueKeysWithValues: names.map { ($0, Repository.bytes(path + "/" + $0) ?? Data()) }))
    }

    private func unchanged(_ victim: (path: String, files: [String: Data])) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: victim.path)) ?? []
        return Set(names) == Set(victim.files.keys)
            && victim.files.allSatisfy { Repository.bytes(victim.path + "/" + $0.key) == $0.value }
    }

    @Test(
        "links at .dyadsim, .dyadsim/runs, .dyadsim/lock or .dyadsim/state.json are refused (74); --force removes the link, never its target",
        arguments: [".dyadsim", ".dyadsim/runs", ".dyadsim/lock", ".dyadsim/state.json"])
    func plantedStateLinks(entry: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("p.json5", Self.scenario)
        let out = directory.file("out")
        let victim = victim(directory)
        try #require(CommandLineHarness.run(["run", file, "--out", out, "--quiet"]).code == 0)
        try FileManager.default.removeItem(atPath: out + "/manifest.json")
        try? FileManager.default.removeItem(atPath: out + "/" + entry)
        let target =
            entry.hasSuffix("lock")
            ? victim.path + "/lock" : entry.hasSuffix("json") ? victim.path + "/keep.txt" : victim.path
        try FileManager.default.createSymbolicLink(atPath: out + "/" + entry, withDestinationPath: target)
        let resumed = CommandLineHarness.run(["run", file, "--out", out, "--resume", "--quiet"])
        #expect(resumed.code == 74)
        #expect(
            resumed.errorLines == [
                "error: cannot use \(out) as the output directory: \(out)/\(entry) is a symbolic link, and DyadSim does not follow links or replace foreign files in its state folder; remove it, or use --force to replace it"
            ])
        #expect(unchanged(victim))
        let forced = CommandLineHarness.run(["run", file, "--out", out, "--force", "--quiet"])
        #expect(forced.code == 0, "\(forced.error)")
        #expect(unchanged(victim))
        #expect(Files.entryKind(out + "/" + entry) != .symbolicLink)
    }

    @Test("links inside .dyadsim/runs and at temporary names are replaced, never written or deleted through")
    func plantedRunAndTemporaryLinks() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("p.json5", Self.scenario)
        let out = directory.file("out")
        let victim = victim(directory)
        try #require(CommandLineHarness.run(["run", file, "--out", out, "--quiet"]).code == 0)
        let runs = out + "/.dyadsim/runs"
        try FileManager.default.removeItem(atPath: out + "/manifest.json")
        try FileManager.default.removeItem(atPath: runs + "/p000000-r0001.record")
        try FileManager.default.createSymbolicLink(
            atPath: runs + "/p000000-r0001.record", withDestinationPath: victim.path + "/p000000-r0000.record")
        try FileManager.default.createSymbolicLink(
            atPath: runs + "/p000000-r0001.couples.csv", withDestinationPath: victim.path + "/keep.txt")
        let pid = ProcessInfo.processInfo.processIdentifier
        for name in ["couples.csv", "manifest.json", "runs.csv"] {
            try FileManager.default.createSymbolicLink(
                atPath: out + "/.\(name).tmp-\(pid)", withDestinationPath: victim.path + "/keep.txt")
        }
        try FileManager.default.removeItem(atPath: out + "/summary.csv")
        try FileManager.default.createSymbolicLink(
            atPath: out + "/summary.csv", withDestinationPath: victim.path + "/lock")
        let resumed = CommandLineHarness.run(["run", file, "--out", out, "--resume", "--quiet"])
        #expect(resumed.code == 0, "\(resumed.error)")
        #expect(unchanged(victim))
        #expect(Files.entryKind(out + "/summary.csv") == .regularFile)
    }

    @Test("a scenario named .. or . cannot write into the working directory's parent or itself")
    func dotNames() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        for name in ["..", "."] {
            let file = directory.write("dots.json5", "{ name: \"\(name)\", couples: 10, days: 5 }")
            let outcome = CommandLineHarness.run(["run", file, "--quiet"])
            #expect(outcome.code == 65)
            #expect(outcome.errorLines.first?.contains("starts with a dot") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("couples.csv")))
    }

    @Test(
        "an empty --out or argument is a usage error (64), never the working directory",
        arguments: [
            ["run", "x.json5", "--out", ""], ["run", "x.json5", "--out="], ["merge", "a", "--out", ""],
            ["report", "r", "--out", ""],
            ["validate-model", "--out", ""], ["run", ""], ["check", "", "x.json5"],
        ])
    func emptyPaths(arguments: [String]) {
        let outcome = CommandLineHarness.run(arguments)
        #expect(outcome.code == 64)
        #expect(outcome.errorLines.count == 2)
        #expect(outcome.errorLines.first?.hasPrefix("error: ") == true)
    }

    @Test("--max-memory accepts only finite sizes", arguments: ["inf", "BBB4BG", "nan", "-4G", "0"])
    func memoryFlag(value: String) {
        let outcome = CommandLineHarness.run([
            "run", Repository.path("Scenarios/quickstart.json5"), "--out", "/nonexistent/never", "--max-memory", value,
        ])
        #expect(outcome.code == 64)
        #expect(
            outcome.errorLines.first == "error: --max-memory: \"\(value)\" is not a size such as 8G, 512M or 2000000000"
        )
    }

    @Test("--max-memory above the machine's memory does not switch the guard off")
    func memoryAboveMachine() {
        let outcome = CommandLineHarness.run([
            "run", Repository.path("Scenarios/population.json5"), "--out", "/nonexistent/x",
            "--days", "100000", "--threads", "4096", "--max-memory", "1000T",
        ])
        #expect(outcome.code == 65)
        #expect(
            outcome.errorLines.first?.contains("more than the limit of \(Quantity.bytes(PlanEstimate.physicalMemory))")
                == true)
    }

    @Test("flag values and unknown options are echoed escaped on one line")
    func escapedFlags() {
        let outcome = CommandLineHarness.run(["run", "x.json5", "--thre\u{1B}[2Jads", "2"])
        #expect(outcome.code == 64)
        #expect(
            outcome.errorLines.first == #"error: unknown option --thre\u{1B}[2Jads for run; did you mean --threads?"#)
        let seed = CommandLineHarness.run(["check", Repository.path("Scenarios/quickstart.json5"), "--seed", "1\n2"])
        #expect(seed.errorLines.first == #"error: --seed: "1\n2" is not a whole number in 0...9007199254740991"#)
        let name = CommandLineHarness.run(["check", "/nonexistent/a\u{1B}b.json5"])
        #expect(name.errorLines == [#"error: /nonexistent/a\u{1B}b.json5: no such file"#])
    }

    @Test("a scenario that is a FIFO is refused at once by check and run (no reader blocks)")
    func fifoScenario() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let fifo = directory.file("pipe.json5")
        #expect(mkfifo(fifo, 0o644) == 0)
        for command in ["check", "run"] {
            let outcome = CommandLineHarness.run([command, fifo])
            #expect(outcome.code == 65)
            #expect(outcome.errorLines == ["error: \(fifo): it is a named pipe (FIFO), not a regular file"])
        }
    }

    @Test("a planted link at the default report folder is refused; the report goes nowhere else")
    func reportLink() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("p.json5", Self.scenario)
        let out = directory.file("out")
        let victim = victim(directory)
        try #require(CommandLineHarness.run(["run", file, "--out", out, "--quiet"]).code == 0)
        try FileManager.default.createSymbolicLink(atPath: out + "/report", withDestinationPath: victim.path)
        let outcome = CommandLineHarness.run(["report", out])
        #expect(outcome.code == 74)
        #expect(
            outcome.errorLines == [
                "error: cannot write the report to \(out)/report: it is a symbolic link; remove it or choose --out"
            ])
        #expect(unchanged(victim))
    }
}
