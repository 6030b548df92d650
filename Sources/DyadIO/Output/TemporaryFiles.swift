import Foundation
import Synchronization

/// Temporary files being written by this process (``AtomicFileWriter``), so that a process
/// stopped by a second Ctrl-C or SIGTERM can remove them before it exits.
package enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])

    static func register(_ path: String) { _ = paths.withLock { $0.insert(path) } }

    static func unregister(_ path: String) { _ = paths.withLock { $0.remove(path) } }

    /// Removes every temporary file still open for writing (before an immediate exit).
    package static func removeAll() {
        let pending = paths.withLock { current -> Set<String> in
            defer { current.removeAll() }
            return current
        }
        for path in pending { unlink(path) }
    }
}
