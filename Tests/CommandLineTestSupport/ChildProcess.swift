import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the real `dyadsim` executable with chosen standard streams (a closed descriptor,
/// `/dev/full`, a file), for what only a real process shows: closed descriptors, signals,
/// resource limits.
public enum ChildProcess {
    /// What a standard stream of the child is.
    public enum Stream: Sendable, Equatable {
        /// Closed before the program starts.
        case closed
        /// `/dev/full`: every write fails with ENOSPC.
        case full
        /// `/dev/null`.
        case null
        /// A file (created or truncated).
        case file(String)
    }

    /// How a child ended.
    public struct Outcome: Sendable {
        /// The exit code, or 128 + the signal number if a signal ended it.
        public let code: Int32
        /// Whether the child was killed after the time limit.
        public let timedOut: Bool
    }

    /// The `dyadsim` executable built next to the test bundle (`.build/<configuration>/`), or
    /// nil if there is none.
    public static let executable: String? = {
        var candidates: [String] = []
        if let environment = ProcessInfo.processInfo.environment["DYADSIM_EXECUTABLE"] {
            candidates.append(environment)
        }
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        for _ in 0..<4 {
            url.deleteLastPathComponent()
            candidates.append(url.path + "/dyadsim")
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `executable` with `arguments`, standard output and error as given (standard input
    /// `/dev/null`), in `directory`; kills it after `timeLimit` seconds.
    public static func run(
        _ executable: String, _ arguments: [String], output: Stream, error: Stream, directory: String? = nil,
        timeLimit: Double = 120
    ) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (descriptor, stream) in [(Int32(1), output), (Int32(2), error)] {
            switch stream {
            case .closed: posix_spawn_file_actions_addclose(&actions, descriptor)
            case .full: posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/full", O_WRONLY, 0)
            case .null: posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_WRONLY, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
        }
        // posix_spawn has no working-directory action everywhere: run through /bin/sh -c 'cd … && exec …'.
        var command = ([executable] + arguments).map(quoted).joined(separator: " ")
        if let directory { command = "cd \(quoted(directory)) && exec " + command } else { command = "exec " + command }
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { word in strdup(word) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard spawned == 0 else { return Outcome(code: -1, timedOut: false) }
        let deadline = Date().addingTimeInterval(timeLimit)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { return Outcome(code: -1, timedOut: false) }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                return Outcome(code: -1, timedOut: true)
            }
            usleep(5_000)
        }
        let signal = status & 0x7f
        return Outcome(code: signal == 0 ? (status >> 8) & 0xff : 128 + signal, timedOut: false)
    }

    /// `text` quoted for /bin/sh.
    private static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
