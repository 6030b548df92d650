import CommandLineTestSupport
import Foundation
import TestSupport
import Testing

/// Outputs of a tiny scenario compared byte for byte with committed golden files, so any change
/// of the model's numbers or of the file format is noticed. After an intended change, re-record
/// with `DYADSIM_RECORD_GOLDEN=1 swift test -c release --filter Golden` (recording fails the test,
/// so it cannot pass unnoticed) and review the diff.
@Suite("Golden outputs")
struct GoldenOutputTests {
    static let files = ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv", "points.csv"]

    @Test("the tiny scenario's outputs match the golden files")
    func golden() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let golden = Repository.path("Tests/DyadCLITests/Golden")
        let outcome = CommandLineHarness.run(["run", golden + "/tiny.json5", "--out", directory.file("out"), "--quiet", "--threads", "2"])
        try #require(outcome.code == 0, "\(outcome.error)")
        let recording = ProcessInfo.processInfo.environment["DYADSIM_RECORD_GOLDEN"] == "1"
        for name in Self.files {
            let produced = try #require(Repository.bytes(directory.file("out/" + name)))
            let target = golden + "/tiny." + name
            if recording {
                try produced.write(to: URL(fileURLWithPath: target))
            } else {
                let expected = try #require(Repository.bytes(target), "missing golden file \(target); record it")
                #expect(produced == expected, "\(name) differs from \(target)")
            }
        }
        #expect(!recording, "golden files were re-recorded; unset DYADSIM_RECORD_GOLDEN and review the diff")
    }
}
