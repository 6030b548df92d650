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
