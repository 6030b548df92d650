import Foundation

/// Where a command writes: standard output for results and summaries, standard error for
/// errors and progress. Tests capture both.
///
/// A write that fails (a full disk, a closed or broken pipe, a closed descriptor, a file-size
/// limit) never stops the process: the stream's first failure is remembered
/// (``outputFailure``, ``errorFailure``), later writes to that stream are skipped, and
/// ``DyadSimCommandLine/main(_:console:)`` turns a lost result into exit code 74.
package final class Console: @unchecked Sendable {
    /// Writes text; returns nil on success or the `errno` of the failure.
    package typealias Writer = @Sendable (String) -> Int32?

    private let lock = NSLock()
    private let writeOut: Writer
    private let writeError: Writer
    private var outFailure: Int32?
    private var errFailure: Int32?
    /// Whether standard error is an interactive terminal (progress updates in place).
    package let errorIsTerminal: Bool
    /// Whether the process owns signal handling (the executable, not tests).
    package let handlesSignals: Bool

    /// A console over two writers that cannot fail (tests capturing text).
    package convenience init(
        out: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void,
        errorIsTerminal: Bool = false, handlesSignals: Bool = false
    ) {
        self.init(
            writingOut: { text in
                out(text); return nil
            },
            writingError: { text in
                error(text); return nil
            },
            errorIsTerminal: errorIsTerminal, handlesSignals: handlesSignals)
    }

    /// A console over two writers that report failures as an `errno` value.
    package init(
        writingOut: @escaping Writer, writingError: @escaping Writer, errorIsTerminal: Bool = false,
        handlesSignals: Bool = false
    ) {
        writeOut = writingOut
        writeError = writingError
        self.errorIsTerminal = errorIsTerminal
        self.handlesSignals = handlesSignals
    }

    /// The process's real standard output and error, written with `write(2)`.
    ///
    /// Puts `/dev/null` on standard input, output and error where they are closed, so that no
    /// file the tool opens can take descriptor 1 or 2; a stream that was closed reports `EBADF`.
    /// The executable ignores SIGPIPE, so a reader that went away is an `EPIPE` failure.
    package static func standard() -> Console {
        let closed = StandardStreams.occupyClosedDescriptors()
        let out = closed.contains(1) ? StandardStreams.closedWriter : StandardStreams.writer(for: 1)
        let error = closed.contains(2) ? StandardStreams.closedWriter : StandardStreams.writer(for: 2)
        return Console(
            writingOut: out, writingError: error, errorIsTerminal: !closed.contains(2) && isatty(2) != 0,
            handlesSignals: true)
    }

    /// The `errno` of the first failed write to standard output, or nil.
    package var outputFailure: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return outFailure
    }

    /// The `errno` of the first failed write to standard error, or nil.
    package var errorFailure: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return errFailure
    }

    /// Writes a line to standard output.
    package func print(_ line: String = "") {
        lock.lock()
        defer { lock.unlock() }
        guard outFailure == nil else { return }
        outFailure = writeOut(line + "\n")
    }

    /// Writes a line to standard error.
    package func error(_ line: String) {
        errorRaw(line + "\n")
    }

    /// Writes raw text to standard error (progress updates).
    package func errorRaw(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard errFailure == nil else { return }
        errFailure = writeError(text)
    }
}
