import DyadCLI
import Foundation
import Synchronization

/// Runs the `dyadsim` command line in-process and captures its output.
public enum CommandLineHarness {
    /// Exit code, standard output and standard error of one invocation.
    public struct Outcome: Sendable {
        public let code: Int32
        public let output: String
        public let error: String

        /// Standard error split into lines.
        public var errorLines: [String] { error.split(separator: "\n").map(String.init) }
    }

    public static func run(_ arguments: [String]) -> Outcome {
        let output = Mutex(""), error = Mutex("")
        let console = Console(
            out: { text in output.withLock { $0 += text } },
            error: { text in error.withLock { $0 += text } })
        let code = DyadSimCommandLine.main(arguments, console: console)
        return Outcome(code: code, output: output.withLock { $0 }, error: error.withLock { $0 })
    }
}

/// A fresh directory under the system temporary folder, removed by ``remove()``.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(_ label: String = "dyadsim-test") {
        path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes text to a file inside the directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        let target = file(name)
        try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: target, contents: Data(text.utf8))
        return target
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The repository checkout the tests run in (for Scenarios/ and docs).
public enum Repository {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// Bytes of a file, or nil.
    public static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}
