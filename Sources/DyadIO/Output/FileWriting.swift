import DyadExperiment
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input/output failure, rendered as one line (exit code 74).
public struct OutputError: DyadSimError, Equatable, CustomStringConvertible {
    /// The failure in words, naming the file (without the `error: ` prefix).
    public let message: String

    /// A failure described by `message`.
    public init(_ message: String) { self.message = message }

    /// From the C `errno` of a failed call on `path`.
    package static func system(_ action: String, _ path: String, _ code: Int32 = errno) -> OutputError {
        let reason: String
        switch code {
        case ENOSPC: reason = "no space left on the device"
        case EFBIG: reason = "the file is larger than the file system or the process's file-size limit allows"
        case EDQUOT: reason = "disk quota exceeded"
        case EACCES, EPERM: reason = "permission denied"
        case EROFS: reason = "the file system is read-only"
        case ENOTDIR: reason = "a part of the path is a file, not a directory"
        case EISDIR: reason = "it is a directory"
        case ENOENT: reason = "no such file or directory"
        case EBADF: reason = "the stream is closed"
        case EPIPE: reason = "the reading end of the pipe is closed"
        case ELOOP: reason = "it is a symbolic link, which DyadSim does not follow here"
        default: reason = String(cString: strerror(code))
        }
        return OutputError("cannot \(action) \(path): \(reason)")
    }

    /// The message.
    public var description: String { message }

    /// `error: ` and the message.
    public var lines: [String] { ["error: " + message] }

    /// 74: an input/output failure.
    public var exitCode: Int32 { ExitCode.ioError }
}

/// A file written through a large buffer with POSIX calls, so every failure (a full disk
/// included) surfaces as an ``OutputError``. Written under a temporary name and renamed into
/// place by ``commit()``; ``discard()`` (or deinit without commit) removes the temporary file.
///
/// The temporary file is created new (`O_EXCL | O_NOFOLLOW`, after removing any stale entry of
/// that name), so a symbolic link planted under its name is replaced, never written through;
/// the rename replaces a link at the final name too. Every byte written is fed to an XXH64
/// ``checksum`` on the way (recorded in manifests and verified by merge and resume).
package final class AtomicFileWriter {
    /// The final path; the bytes go to a temporary file beside it until ``commit()``.
    package let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    /// Bytes written so far (buffered included).
    package private(set) var byteCount = 0
    private var finished = false
    /// The checksum of the bytes written to the file so far (complete after ``commit()``).
    package private(set) var checksum = ContentChecksum()

    /// Whether ``commit()`` forces the data to the device (fsync) before renaming.
    private let durable: Bool

    /// Creates `path`'s temporary sibling for writing. `durable` files are synced to the device
    /// before the rename (final outputs); others only survive process death (run fragments,
    /// whose records carry their sizes for verification).
    package init(path: String, durable: Bool = true) throws(OutputError) {
        self.path = path
        self.durable = durable
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporaryPath = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())"
        unlink(temporaryPath)
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system("create", path) }
        TemporaryFiles.register(temporaryPath)
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends bytes.
    package func write(_ bytes: some Sequence<UInt8>) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends raw bytes without per-byte iteration.
    package func write(_ data: Data) throws(OutputError) {
        data.withUnsafeBytes { raw in buffer.append(contentsOf: raw.bindMemory(to: UInt8.self)) }
        if buffer.count >= capacity { try flush() }
    }

    /// Appends a slice of raw bytes.
    package func write(_ bytes: ArraySlice<UInt8>) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends the rest of the file at `path` after its first line with `sendfile`
    /// (in-kernel copy); returns the number of newline-terminated rows, or nil where the
    /// system call is unavailable (the caller then copies through user space). The bytes are
    /// fed to the checksum while they are scanned for rows. A symbolic link is not followed.
    func appendFile(_ source: String, skippingFirstLine: Bool) throws(OutputError) -> Int? {
        #if os(Linux)
            try flush()
            let input = open(source, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard input >= 0 else { throw .system("read", source) }
            defer { close(input) }
            // Find the header's end and count the rows by scanning (reading is cheap; no copy).
            var headerEnd = -1
            var rows = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            var offset = 0
            while true {
                let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress!, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .system("read", source)
                }
                if count == 0 { break }
                var start = 0
                if headerEnd < 0 && skippingFirstLine {
                    start = count
                    if let end = chunk[0..<count].firstIndex(of: 10) { (headerEnd, start) = (offset + end, end + 1) }
                }
                rows += Newlines.count(in: chunk, from: start, to: count)
                if start < count { checksum.update(chunk[start..<count]) }
                offset += count
            }
            // A fragment without a complete header line has no rows.
            if skippingFirstLine && headerEnd < 0 { return 0 }
            var sourceOffset = Int64(headerEnd + 1)
            var remaining = offset - (headerEnd + 1)
            while remaining > 0 {
                var position = off_t(sourceOffset)
                let copied = sendfile(descriptor, input, &position, remaining)
                sourceOffset = Int64(position)
                if copied < 0 {
                    if errno == ENOSYS || errno == EXDEV || errno == EINVAL {
                        return try appendByReading(input, from: Int(sourceOffset), rows: rows)
                    }
                    throw .system("write", path)
                }
                if copied == 0 { break }
                remaining -= copied
                byteCount += copied
            }
            return rows
        #else
            return nil
        #endif
    }

    /// Copies the rest of `input` from `offset` (already fed to the checksum by the scan).
    private func appendByReading(_ input: Int32, from offset: Int, rows: Int) throws(OutputError) -> Int {
        guard lseek(input, off_t(offset), SEEK_SET) >= 0 else { throw .system("read", path) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("read", path)
            }
            if count == 0 { return rows }
            buffer.append(contentsOf: chunk[0..<count])
            try flush(hashing: false)
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    package func write(_ text: String) throws(OutputError) {
        try write(text.utf8)
    }

    fileprivate func flush(hashing: Bool = true) throws(OutputError) {
        if hashing { buffer.withUnsafeBytes { checksum.update($0) } }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .system("write", path)
            }
            offset += written
        }
        byteCount += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file to its final name.
    package func commit() throws(OutputError) {
        try flush()
        if durable {
            guard fsync(descriptor) == 0 || errno == EINVAL else { throw .system("write", path) }
        }
        guard close(descriptor) == 0 else { throw .system("write", path) }
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else { throw .system("rename into", path) }
        TemporaryFiles.unregister(temporaryPath)
        finished = true
    }

    /// Abandons the file, removing the temporary.
    package func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
        TemporaryFiles.unregister(temporaryPath)
        finished = true
    }

    /// Total bytes once committed.
    package var totalBytes: Int { byteCount + buffer.count }
}

/// Small file helpers with ``OutputError``s.
package enum Files {
    /// Writes `text` to `path` atomically.
    package static func writeAtomically(_ text: String, to path: String, durable: Bool = true) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path, durable: durable)
        try writer.write(text)
        try writer.commit()
    }

    /// Creates a directory and its parents; fails clearly if a part is a file.
    package static func createDirectory(_ path: String) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw OutputError("cannot use \(path) as the output directory: it is a file")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let parent = (path as NSString).deletingLastPathComponent
            var parentIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDirectory),
                !parentIsDirectory.boolValue
            {
                throw OutputError("cannot create \(path): \(parent) is a file, not a directory")
            }
            throw OutputError(
                "cannot create \(path): \((error as NSError).localizedFailureReason ?? "permission denied or read-only file system")"
            )
        }
    }

    /// Reads a whole regular file (at most `limit` bytes) as text; `followingLinks: false`
    /// refuses a symbolic link.
    package static func read(
        _ path: String, limit: Int = 64 << 20, followingLinks: Bool = true
    ) throws(OutputError) -> String {
        switch InputFile.read(path, limit: limit, followingLinks: followingLinks) {
        case .success(let bytes):
            guard let text = String(bytes: bytes, encoding: .utf8) else {
                throw OutputError("cannot read \(path): it is not UTF-8 text")
            }
            return text
        case .failure(let failure):
            throw OutputError("cannot read \(path): \(failure.reason)")
        }
    }

    /// The size of the regular file at `path`, nil if it is missing, a link or not a file.
    package static func regularFileSize(_ path: String) -> Int? {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// What `path` is, without following a symbolic link there.
    package enum EntryKind { case missing, directory, regularFile, symbolicLink, other }

    /// The kind of entry at `path` (a link is reported as a link, not as its target).
    package static func entryKind(_ path: String) -> EntryKind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Removes `path` and, if it is a directory, everything below it, never following a symbolic
    /// link (a link is removed, its target left alone): nothing outside `path` is touched.
    package static func removeTree(_ path: String) {
        guard entryKind(path) == .directory else {
            unlink(path)
            return
        }
        if let stream = opendir(path) {
            var names: [String] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(stream)
            for name in names { removeTree(path + "/" + name) }
        }
        rmdir(path)
    }

    /// Removes a file if it exists.
    package static func remove(_ path: String) {
        unlink(path)
    }

    /// Whether a path exists.
    package static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Size in bytes (0 if missing).
    package static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
