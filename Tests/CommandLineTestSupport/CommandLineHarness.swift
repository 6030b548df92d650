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
        run(arguments, outputFailure: nil, errorFailure: nil)
    }

    /// Runs with standard output or error failing every write with the given `errno` (ENOSPC,
    /// EPIPE, EBADF …); what a failing stream was given is not captured.
    public static func run(_ arguments: [String], outputFailure: Int32?, errorFailure: Int32?) -> Outcome {
        let output = Mutex(""), error = Mutex("")
        let console = Console(
            writingOut: { text in
                if let outputFailure { return outputFailure }
                output.withLock { $0 += text }
                return nil
            },
            writingError: { text in
                if let errorFailure { return errorFailure }
                error.withLock { $0 += text }
                return nil
            })
        let code = DyadSimCommandLine.main(arguments, console: console)
        return Outcome(code: code, output: output.withLock { $0 }, error: error.withLock { $0 })
    }
}
