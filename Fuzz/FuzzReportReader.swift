// libFuzzer target: the report's CSV reader and everything drawn from what it reads. A tiny
// sweep is simulated once into a temporary results directory; each input replaces one of its
// CSV files (the first byte chooses which) and `dyadsim report`'s writer runs on it. Every
// input must give a report or a clean ReportError (the one-line error contract); never crash,
// trap or hang. Built by Fuzz/run-libfuzzer.sh report.
import DyadCore
import DyadExperiment
import DyadIO
import DyadReport
import Foundation

let reportFiles = ["daily.csv", "couples.csv", "effects.csv", "summary.csv", "points.csv", "runs.csv"]

/// Where the fixture lives: in memory where possible (the report's files are synced to the
/// device when written), removed when the process exits.
let reportFixtureDirectory =
    (FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory())
    + "dyadsim-fuzz-report-\(getpid())"

/// The results directory and the original bytes of each file.
let reportFixture: (directory: String, originals: [String: [UInt8]]) = {
    let directory = reportFixtureDirectory
    atexit { try? FileManager.default.removeItem(atPath: reportFixtureDirectory) }
    let text = """
        { name: "fuzz", couples: 30, days: 6, burn_in_days: 2, replicates: 2,
          arms: [{ name: "control" }, { name: "cv", interventions: [{ type: "consistent_validation" }] }],
          sweep: { grid: { "params.imp_harsh": [0.05, 0.1] } } }
        """
    do {
        let scenario = try ScenarioLoader.decode(bytes: Array(text.utf8), file: "fuzz.json5")
        let request = RunRequest(
            plan: RunPlan(scenario: scenario), scenarioFile: "fuzz.json5", directory: directory + "/results", threads: 1
        )
        _ = try SweepRunner.execute(request, cancellation: CancellationFlag())
    } catch {
        fatalError("the fixture of the report target could not be made: \(error)")
    }
    var originals: [String: [UInt8]] = [:]
    for name in reportFiles {
        originals[name] = FileManager.default.contents(atPath: directory + "/results/" + name).map { [UInt8]($0) } ?? []
    }
    // DYADSIM_FUZZ_SEEDS=DIR writes a starting corpus: each file with its selector byte.
    if let seeds = ProcessInfo.processInfo.environment["DYADSIM_FUZZ_SEEDS"] {
        for (index, name) in reportFiles.enumerated() {
            let bytes = [UInt8(index)] + (originals[name] ?? [])
            FileManager.default.createFile(atPath: seeds + "/seed-" + name, contents: Data(bytes))
        }
    }
    return (directory, originals)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let fixture = reportFixture
    guard size > 0 else { return 0 }
    let name = reportFiles[Int(data[0]) % reportFiles.count]
    let path = fixture.directory + "/results/" + name
    FileManager.default.createFile(atPath: path, contents: Data(UnsafeBufferPointer(start: data + 1, count: size - 1)))
    defer { FileManager.default.createFile(atPath: path, contents: Data(fixture.originals[name] ?? [])) }
    do {
        _ = try ReportWriter.write(
            results: fixture.directory + "/results", to: fixture.directory + "/report", point: nil)
    } catch {
        checkErrorContract(error, target: "report")
    }
    return 0
}
