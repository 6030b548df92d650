import Foundation

/// Where a command writes: standard output for results and summaries, standard error for
/// errors and progress. Tests capture both.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: @Sendable (String) -> Void
    private let writeError: @Sendable (String) -> Void
    /// Whether standard error is an interactive terminal (progress updates in place).
    public let errorIsTerminal: Bool
    /// Whether the process owns signal handling (the executable, not tests).
    public let handlesSignals: Bool

    public init(
        out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
        errorIsTerminal: Bool = false, handlesSignals: Bool = false
    ) {
        writeOut = out
        writeError = error
        self.errorIsTerminal = errorIsTerminal
        self.handlesSignals = handlesSignals
    }

    /// The process's real standard output and error.
    public static func standard() -> Console {
        Console(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            error: { text in FileHandle.standardError.write(Data(text.utf8)) },
            errorIsTerminal: isatty(2) != 0, handlesSignals: true)
    }

    /// Writes a line to standard output.
    public func print(_ line: String = "") {
        lock.lock()
        defer { lock.unlock() }
        writeOut(line + "\n")
    }

    /// Writes a line to standard error.
    public func error(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        writeError(line + "\n")
    }

    /// Writes raw text to standard error (progress updates).
    public func errorRaw(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        writeError(text)
    }
}
