import CommandLineTestSupport
import Foundation
import TestSupport
import Testing

/// Outputs of small scenarios compared byte for byte with committed golden files, so any change
/// of the model's numbers or of the file format is noticed. After an intended change, re-record
/// with `DYADSIM_RECORD_GOLDEN=1 swift test -c release --filter Golden` (recording fails the test,
/// so it cannot pass unnoticed) and review the diff.
@Suite("Golden outputs")
struct GoldenOutputTests {
    static let files = ["couples.csv", "daily.csv", "runs.csv", "effects.csv", "summary.csv", "points.csv"]

    /// `tiny`: a 12-day trial with one sweep path. `styles` and `traits`: small trials that exercise
    /// EFT, eligibility, `set`, windows, every target, both population modes, replicates and several
    /// kinds of sweep path (each behaviour also has its own test).
    @Test("the scenario's outputs match the golden files", arguments: ["tiny", "styles", "traits"])
    func golden(scenario: String) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let golden = Repository.path("Tests/DyadCLITests/Golden")
        let outcome = CommandLineHarness.run(
            ["run", golden + "/\(scenario).json5", "--out", directory.file("out"), "--quiet", "--threads", "2"])
        try #require(outcome.code == 0, "\(outcome.error)")
        let recording = ProcessInfo.processInfo.environment["DYADSIM_RECORD_GOLDEN"] == "1"
        for name in Self.files {
            let produced = try #require(Repository.bytes(directory.file("out/" + name)))
            let target = golden + "/\(scenario)." + name
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
