import CommandLineTestSupport
import DyadCLI
import DyadCore
import DyadIO
import Foundation
import TestSupport
import Testing

/// `outputs.partners`: partners.csv, one row per partner with role-free names, streamed,
/// sharded, merged and resumed like couples.csv.
@Suite("partners.csv")
struct PartnersOutputTests {
    /// Two arms, two replicates, a sweep of two points: every run key varies.
    static func scenario(partners: Bool = true, extra: String = "") -> String {
        """
        {
          name: "dyad", seed: 11, couples: 150, days: 30, burn_in_days: 10, replicates: 2,
          population: { mode: "styles" },
          arms: [
            { name: "control" },
            { name: "validation", interventions: [
              { type: "consistent_validation", target: "partner_of_more_anxious", strength: 1 } ] },
          ],
          sweep: { grid: { "params.imp_harsh": [0.2, 0.4] } },
          outputs: { partners: \(partners) },
          \(extra)
        }
        """
    }

    /// A CSV file as a header and rows of fields.
    struct Table {
        let header: [String]
        let rows: [[String]]

        init(_ path: String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n").map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            header = lines.first ?? []
            rows = Array(lines.dropFirst())
        }

        func index(_ name: String) throws -> Int { try #require(header.firstIndex(of: name), "no column \(name)") }
    }

    @Test("two rows per couple row, the same run keys, and every value equal to its couples.csv column")
    func valuesMatchCouples() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.write("dyad.json5", Self.scenario())
        let out = directory.file("out")
        let outcome = CommandLineHarness.run(["run", file, "--out", out, "--quiet"])
        try #require(outcome.code == 0, "\(outcome.error)")
        let couples = try Table(out + "/couples.csv")
        let partners = try Table(out + "/partners.csv")
        #expect(
            partners.header == OutputFile.partners.header(swept: []).dropLast().split(separator: ",").map(String.init))
        try #require(partners.rows.count == 2 * couples.rows.count)
        #expect(couples.rows.count == 2 * 2 * 2 * 150)
        let keys = ["sweep_point", "replicate", "arm", "couple"]
        for (index, row) in couples.rows.enumerated() {
            for (offset, role) in Role.allCases.enumerated() {
                let partner = partners.rows[2 * index + offset]
                for key in keys { #expect(partner[try partners.index(key)] == row[try couples.index(key)]) }
                #expect(partner[try partners.index("role")] == role.rawValue)
                let other = role == .a ? "b" : "a"
                for column in PartnerColumn.written(measured: false) {
                    let value = partner[try partners.index(column.name)]
                    switch column.source {
                    case .couple(let a, let b):
                        #expect(value == row[try couples.index((role == .a ? a : b).name)], "\(column.name)")
                    case .initiated:
                        let byA = try #require(Int(row[try couples.index("initiated_a")]))
                        let episodes = try #require(Int(row[try couples.index("episodes")]))
                        #expect(value == String(role == .a ? byA : episodes - byA))
                    case .moreAnxious, .moreAvoidant:
                        let stem = column.source == .moreAnxious ? "a0" : "v0"
                        let own = try #require(Double(row[try couples.index(stem + "_" + role.rawValue)]))
                        let theirs = try #require(Double(row[try couples.index(stem + "_" + other)]))
                        // Ties go to role a.
                        let expected = role == .a ? own >= theirs : own > theirs
                        #expect(value == (expected ? "1" : "0"), "\(column.name)")
                    case .measured:
                        Issue.record("a measured column without a measurement section")
                    }
                }
            }
        }
        // Exactly one more anxious and one more avoidant partner per couple.
        let anxious = try partners.index("more_anxious"), avoidant = try partners.index("more_avoidant")
        for pair in stride(from: 0, to: partners.rows.count, by: 2) {
            #expect([partners.rows[pair][anxious], partners.rows[pair + 1][anxious]].sorted() == ["0", "1"])
            #expect([partners.rows[pair][avoidant], partners.rows[pair + 1][avoidant]].sorted() == ["0", "1"])
        }
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"partners.csv\""))
    }

    @Test("switching partners on leaves every other file byte-identical; shards merge and resume reproduce it")
    func otherFilesUnchangedAndShards() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let on = directory.write("on.json5", Self.scenario(partners: true))
        let off = directory.write("off.json5", Self.scenario(partners: false))
        try #require(CommandLineHarness.run(["run", on, "--out", directory.file("on"), "--quiet"]).code == 0)
        try #require(CommandLineHarness.run(["run", off, "--out", directory.file("off"), "--quiet"]).code == 0)
        for name in ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv", "points.csv"] {
            #expect(
                Repository.bytes(directory.file("on/" + name)) == Repository.bytes(directory.file("off/" + name)),
                "\(name)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("off/partners.csv")))
        // Three shards merged: the same partners.csv.
        var shards: [String] = []
        for shard in 0..<3 {
            let out = directory.file("s\(shard)")
            let outcome = CommandLineHarness.run(["run", on, "--out", out, "--shard", "\(shard)/3", "--quiet"])
            try #require(outcome.code == 0, "\(outcome.error)")
            shards.append(out)
        }
        let merged = CommandLineHarness.run(["merge"] + shards + ["--out", directory.file("merged"), "--quiet"])
        try #require(merged.code == 0, "\(merged.error)")
        let full = try #require(Repository.bytes(directory.file("on/partners.csv")))
        #expect(Repository.bytes(directory.file("merged/partners.csv")) == full)
        // A damaged partners.csv in a finished folder is found and rebuilt on --resume.
        let damaged = directory.file("on/partners.csv")
        var bytes = [UInt8](full)
        bytes[bytes.count / 2] = bytes[bytes.count / 2] == UInt8(ascii: "1") ? UInt8(ascii: "2") : UInt8(ascii: "1")
        #expect(FileManager.default.createFile(atPath: damaged, contents: Data(bytes)))
        let resumed = CommandLineHarness.run(["run", on, "--out", directory.file("on"), "--resume", "--quiet"])
        #expect(resumed.code == 0, "\(resumed.error)")
        #expect(Repository.bytes(damaged) == full)
    }
}
