import DyadCore
import DyadExperiment
import DyadIO
import Foundation

/// `dyadsim-bench`: engine throughput on docs/model.md §5.7's default scenario at several sizes and
/// thread counts, number formatting speed, the overhead and memory of a sweep of many small
/// runs, and what per-couple rows cost (time in a sweep, peak memory of large runs). Results are
/// appended to Results/bench/*.csv with the commit, date, thread count and CPU model.
public enum BenchmarkCommand {
    public static func main(_ arguments: [String]) {
        var options = Options()
        do { options = try Options.parse(arguments) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n\(Options.usage)\n".utf8))
            exit(64)
        }
        let machine = Machine.current()
        print("dyadsim-bench on \(machine.cpuModel) (\(machine.cores) cores), commit \(machine.commit)")
        print(
            "live state per couple (per worker): \(Simulator.liveStateBytes) B; stored per couple and arm: "
                + "\(Simulator.storedBytesPerCoupleAndArm) B (rows stream to sinks)")
        if options.checksum {
            ChecksumBenchmark.run(options: options)
            return
        }
        if !options.skipEngine {
            EngineBenchmark.run(options: options, machine: machine)
        }
        if options.formatValues > 0 {
            FormatBenchmark.run(options: options, machine: machine)
        }
        if options.sweepRuns > 0 {
            SweepBenchmark.run(options: options, machine: machine)
        }
        RowsBenchmark.run(options: options, machine: machine)
    }
}

struct Options {
    var sizes = [1_000, 10_000, 100_000, 1_000_000]
    var threads = [1, 2]
    var repeats = 3
    var outputDirectory = "Results/bench"
    var sweepRuns = 1_000
    var formatValues = 1_000_000
    var skipEngine = false
    var record = true
    var checksum = false
    /// Runs of the rows benchmark's sweep (0 skips it).
    var rowsRuns = 40
    /// Couples of the peak-RSS child runs (empty skips them).
    var rssCouples = [100_000, 1_000_000]
    var rssDays = 10
    var rssArms = 1
    /// Where the peak-RSS runs write (needs room for their couples.csv, about 1 GB per million
    /// couples and arm, twice while the file is assembled).
    var rssDirectory = NSTemporaryDirectory()
    /// The `dyadsim` executable of the peak-RSS runs (default: next to dyadsim-bench).
    var dyadsimPath: String?

    static let usage =
        "usage: dyadsim-bench [--sizes 1000,10000] [--threads 1,2] [--repeats N] [--sweep-runs N] "
        + "[--format-values N] [--rows-runs N] [--rss-couples 100000,1000000|none] [--rss-days N] [--rss-arms N] "
        + "[--rss-dir DIR] [--dyadsim PATH] [--no-engine] [--no-record] [--out DIR] [--checksum]"

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var index = 0
        func value() throws -> String {
            index += 1
            guard index < arguments.count else {
                throw ParseError(description: "\(arguments[index - 1]) needs a value")
            }
            return arguments[index]
        }
        func list(_ text: String) throws -> [Int] {
            let values = text.split(separator: ",").compactMap { Int($0) }
            guard !values.isEmpty, values.allSatisfy({ $0 > 0 }) else {
                throw ParseError(description: "bad list \(text)")
            }
            return values
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--sizes": options.sizes = try list(try value())
            case "--threads": options.threads = try list(try value())
            case "--repeats": options.repeats = try list(try value())[0]
            case "--sweep-runs": options.sweepRuns = Int(try value()) ?? 0
            case "--format-values": options.formatValues = Int(try value()) ?? 0
            case "--rows-runs": options.rowsRuns = Int(try value()) ?? 0
            case "--rss-couples":
                let text = try value()
                options.rssCouples = text == "none" ? [] : try list(text)
            case "--rss-days": options.rssDays = try list(try value())[0]
            case "--rss-arms": options.rssArms = try list(try value())[0]
            case "--rss-dir": options.rssDirectory = try value()
            case "--dyadsim": options.dyadsimPath = try value()
            case "--out": options.outputDirectory = try value()
            case "--no-engine": options.skipEngine = true
            case "--no-record": options.record = false
            case "--checksum": options.checksum = true
            default: throw ParseError(description: "unknown option \(arguments[index])")
            }
            index += 1
        }
        return options
    }
}

/// Facts about the machine and the checkout for the result files.
struct Machine {
    let cpuModel: String
    let cores: Int
    let commit: String
    let date: String

    static func current() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map {
                $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
            } ?? "unknown"
        let formatter = ISO8601DateFormatter()
        return Machine(
            cpuModel: model, cores: ProcessInfo.processInfo.activeProcessorCount,
            commit: DyadSimVersion.gitCommit, date: formatter.string(from: Date()))
    }
}

/// Resident-set sizes from /proc/self/status, in bytes.
enum Memory {
    static func field(_ name: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return .nan }
        return kilobytes * 1024
    }

    /// Current resident set.
    static var resident: Double { field("VmRSS") }
    /// Peak resident set of the process so far.
    static var peak: Double { field("VmHWM") }
}

/// Appends rows to a CSV file, writing the header when the file is new.
enum ResultFile {
    static func append(_ rows: [[String]], header: [String], to path: String) {
        let manager = FileManager.default
        try? manager.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var text = manager.fileExists(atPath: path) ? "" : header.joined(separator: ",") + "\n"
        for row in rows { text += row.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n" }
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(text.utf8))
            try? handle.close()
        } else {
            _ = manager.createFile(atPath: path, contents: Data(text.utf8))
        }
        print("appended \(rows.count) row\(rows.count == 1 ? "" : "s") to \(path)")
    }
}
