import Dispatch
import DyadCore
import DyadExperiment
import DyadIO
import Foundation
import Synchronization

/// Turns SIGINT and SIGTERM into a cancellation request: the runner finishes the file it is
/// writing, keeps every finished run, and the command exits 130 (SIGINT) or 143 (SIGTERM).
/// A second signal stops the process at once, after removing the temporary files being written
/// (finished runs are kept; a merge's partial output directory may remain: use --force).
final class SignalTrap: @unchecked Sendable {
    let cancellation = CancellationFlag()
    private let received = Atomic<Int32>(0)
    private nonisolated(unsafe) var sources: [DispatchSourceSignal] = []

    /// Installs the handlers when `active` (the executable); tests get an inert trap.
    init(active: Bool, console: Console) {
        guard active else { return }
        var installed: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in
                if received.exchange(number, ordering: .relaxed) != 0 {
                    TemporaryFiles.removeAll()
                    _exit(number == SIGINT ? ExitCode.interrupted : ExitCode.terminated)
                }
                console.errorRaw(
                    "\ndyadsim: \(number == SIGINT ? "interrupted" : "terminated"); "
                        + "stopping at the next safe point (signal again to stop at once)\n")
                cancellation.cancel()
            }
            source.resume()
            installed.append(source)
        }
        sources = installed
    }

    /// The signal received, or 0.
    var signalNumber: Int32 { received.load(ordering: .relaxed) }

    /// Exit code for the received signal.
    var exitCode: Int32 { signalNumber == SIGTERM ? ExitCode.terminated : ExitCode.interrupted }

    /// Restores default handling.
    func remove() {
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
