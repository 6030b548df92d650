import DyadExperiment
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole input file (a scenario, a design file, a manifest, a run record) in bounded
/// time and memory: only a regular file is read, and only up to a size cap.
///
/// A named pipe (FIFO), device, socket or directory is refused before any byte is read (a FIFO
/// without a writer would block forever, `/dev/zero` never ends), and so is a file above the
/// cap; the file is opened non-blocking and checked again after opening, so it cannot be
/// swapped for a FIFO in between. `followingLinks: false` refuses a symbolic link (for DyadSim's
/// own state files, which are never links).
package enum InputFile {
    /// Why a file was not read.
    package enum Failure: Error, Equatable, Sendable {
        case missing
        case directory
        /// A FIFO, device or socket (named in the message).
        case special(String)
        case symbolicLink
        /// Larger than the cap (in bytes).
        case tooLarge(limit: Int)
        /// Any other failure, with its `errno`.
        case unreadable(Int32)

        /// The reason as a phrase, e.g. "it is a named pipe (FIFO), not a regular file".
        package var reason: String {
            switch self {
            case .missing: "no such file"
            case .directory: "it is a directory, not a file"
            case .special(let kind): "it is \(kind), not a regular file"
            case .symbolicLink: "it is a symbolic link, which DyadSim does not follow here"
            case .tooLarge(let limit): "the file is larger than \(Quantity.binaryBytes(limit))"
            case .unreadable(let code):
                code == EACCES || code == EPERM
                    ? "the file cannot be read (permission denied)"
                    : "the file cannot be read (\(String(cString: strerror(code))))"
            }
        }
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    package static func read(_ path: String, limit: Int, followingLinks: Bool = true) -> Result<[UInt8], Failure> {
        var status = stat()
        let found = followingLinks ? stat(path, &status) : lstat(path, &status)
        guard found == 0 else { return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(errno)) }
        if let failure = refusal(status, limit: limit) { return .failure(failure) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return .failure(errno == ELOOP ? .symbolicLink : .unreadable(errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(errno)) }
        if let failure = refusal(status, limit: limit) { return .failure(failure) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(status.st_size), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in Foundation.read(descriptor, raw.baseAddress, raw.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
            // The file grew while being read.
            if bytes.count > limit { return .failure(.tooLarge(limit: limit)) }
        }
    }

    /// Whether `path` names a symbolic link (not followed).
    package static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    private static func refusal(_ status: stat, limit: Int) -> Failure? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return Int(status.st_size) > limit ? .tooLarge(limit: limit) : nil
        case S_IFDIR: return .directory
        case S_IFIFO: return .special("a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: return .special("a device")
        case S_IFSOCK: return .special("a socket")
        case S_IFLNK: return .symbolicLink
        default: return .special("an unknown kind of file")
        }
    }
}
