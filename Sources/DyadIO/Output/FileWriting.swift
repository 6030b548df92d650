import DyadExperiment
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An input/output failure, rendered as one line (exit code 74).
public struct OutputError: DyadSimError, Equatable, CustomStringConvertible {
    public let message: String

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
        default: reason = String(cString: strerror(code))
        }
        return OutputError("cannot \(action) \(path): \(reason)")
    }

    public var description: String { message }

    /// `error: ` and the message.
    public var lines: [String] { ["error: " + message] }

    /// 74: an input/output failure.
    public var exitCode: Int32 { ExitCode.ioError }
}

/// A file written through a large buffer with POSIX calls, so every failure (a full disk
/// included) surfaces as an ``OutputError``. Written under a temporary name and renamed into
/// place by ``commit()``; ``discard()`` (or deinit without commit) removes the temporary file.
public final class AtomicFileWriter {
    public let path: String
    private let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    /// Bytes written so far (buffered included).
    public private(set) var byteCount = 0
    private var finished = false

    /// Whether ``commit()`` forces the data to the device (fsync) before renaming.
    private let durable: Bool

    /// Creates `path`'s temporary sibling for writing. `durable` files are synced to the device
    /// before the rename (final outputs); others only survive process death (run fragments,
    /// whose records carry their sizes for verification).
    public init(path: String, durable: Bool = true) throws(OutputError) {
        self.path = path
        self.durable = durable
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        temporaryPath = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .system("create", path) }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if !finished { discard() }
    }

    /// Appends bytes.
    public func write(_ bytes: some Sequence<UInt8>) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends raw bytes without per-byte iteration.
    public func write(_ data: Data) throws(OutputError) {
        data.withUnsafeBytes { raw in buffer.append(contentsOf: raw.bindMemory(to: UInt8.self)) }
        if buffer.count >= capacity { try flush() }
    }

    /// Appends a slice of raw bytes.
    public func write(_ bytes: ArraySlice<UInt8>) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends the rest of the file at `path` after its first line with `sendfile`
    /// (in-kernel copy); returns the number of newline-terminated rows, or nil where the
    /// system call is unavailable (the caller then copies through user space).
    func appendFile(_ source: String, skippingFirstLine: Bool) throws(OutputError) -> Int? {
        #if os(Linux)
        try flush()
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .system("read", source) }
        defer { close(input) }
        // Find the header's end and count the rows by scanning (reading is cheap; no copy).
        var headerEnd = -1
        var rows = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var offset = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress!, $0.count) }
            if count < 0 { throw .system("read", source) }
            if count == 0 { break }
            var start = 0
            if headerEnd < 0 && skippingFirstLine {
                start = count
                if let end = chunk[0..<count].firstIndex(of: 10) { (headerEnd, start) = (offset + end, end + 1) }
            }
            rows += Newlines.count(in: chunk, from: start, to: count)
            offset += count
        }
        var sourceOffset = Int64(headerEnd + 1)
        var remaining = offset - (headerEnd + 1)
        while remaining > 0 {
            var position = off_t(sourceOffset)
            let copied = sendfile(descriptor, input, &position, remaining)
            sourceOffset = Int64(position)
            if copied < 0 {
                if errno == ENOSYS || errno == EXDEV || errno == EINVAL { return try appendByReading(input, from: Int(sourceOffset), rows: rows) }
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

    private func appendByReading(_ input: Int32, from offset: Int, rows: Int) throws(OutputError) -> Int {
        guard lseek(input, off_t(offset), SEEK_SET) >= 0 else { throw .system("read", path) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress!, $0.count) }
            if count < 0 { throw .system("read", path) }
            if count == 0 { return rows }
            try write(chunk[0..<count])
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws(OutputError) {
        try write(text.utf8)
    }

    fileprivate func flush() throws(OutputError) {
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
    public func commit() throws(OutputError) {
        try flush()
        if durable {
            guard fsync(descriptor) == 0 || errno == EINVAL else { throw .system("write", path) }
        }
        guard close(descriptor) == 0 else { throw .system("write", path) }
        descriptor = -1
        guard rename(temporaryPath, path) == 0 else { throw .system("rename into", path) }
        finished = true
    }

    /// Abandons the file, removing the temporary.
    public func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
        finished = true
    }

    /// Total bytes once committed.
    public var totalBytes: Int { byteCount + buffer.count }
}

/// Small file helpers with ``OutputError``s.
public enum Files {
    /// Writes `text` to `path` atomically.
    public static func writeAtomically(_ text: String, to path: String, durable: Bool = true) throws(OutputError) {
        let writer = try AtomicFileWriter(path: path, durable: durable)
        try writer.write(text)
        try writer.commit()
    }

    /// Creates a directory and its parents; fails clearly if a part is a file.
    public static func createDirectory(_ path: String) throws(OutputError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError("cannot use \(path) as the output directory: it is a file") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            let parent = (path as NSString).deletingLastPathComponent
            var parentIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDirectory), !parentIsDirectory.boolValue {
                throw OutputError("cannot create \(path): \(parent) is a file, not a directory")
            }
            throw OutputError("cannot create \(path): \((error as NSError).localizedFailureReason ?? "permission denied or read-only file system")")
        }
    }

    /// Reads a whole file as text.
    public static func read(_ path: String) throws(OutputError) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw OutputError("cannot read \(path)")
        }
        return text
    }

    /// Removes a file if it exists.
    public static func remove(_ path: String) {
        unlink(path)
    }

    /// Whether a path exists.
    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Size in bytes (0 if missing).
    public static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
