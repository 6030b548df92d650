import DyadCore
import DyadExperiment
import DyadJSON5
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a finished output's `manifest.json` records about its content: each file's rows, bytes
/// and XXH64 checksum, and the count and checksum of its run records.
struct ManifestChecksums {
    /// One file of the output.
    struct FileEntry {
        let name: String
        let rows: Int
        let bytes: Int
        /// Nil in manifests written before checksums were recorded.
        let checksum: String?
    }

    let files: [FileEntry]
    let recordCount: Int?
    let recordsChecksum: String?

    /// The entry of `name`, if the manifest lists it.
    func entry(_ name: String) -> FileEntry? { files.first { $0.name == name } }

    /// Reads the manifest at `path` (a regular file, not followed if a link); nil if it cannot be
    /// read or is not a manifest.
    static func read(_ path: String) -> ManifestChecksums? {
        guard let text = try? Files.read(path, limit: 256 << 20, followingLinks: false),
            let root = try? JSON5Parser.parse(text)
        else { return nil }
        return parse(root)
    }

    /// The content facts of a parsed manifest; nil if `files` is missing or malformed.
    static func parse(_ root: JSONNode) -> ManifestChecksums? {
        guard case .object(let members) = root.value,
            case .array(let entries)? = members.first(where: { $0.key == "files" })?.node.value
        else { return nil }
        var files: [FileEntry] = []
        for entry in entries {
            guard case .object(let fields) = entry.value,
                case .string(let name)? = Self.value("name", in: fields),
                let rows = Self.integer("rows", in: fields), let bytes = Self.integer("bytes", in: fields)
            else { return nil }
            var checksum: String?
            if case .string(let text)? = Self.value("xxh64", in: fields) { checksum = text }
            files.append(FileEntry(name: name, rows: rows, bytes: bytes, checksum: checksum))
        }
        var count: Int?, recordsChecksum: String?
        if case .object(let fields)? = Self.value("records", in: members) {
            count = Self.integer("count", in: fields)
            if case .string(let text)? = Self.value("xxh64", in: fields) { recordsChecksum = text }
        }
        return ManifestChecksums(files: files, recordCount: count, recordsChecksum: recordsChecksum)
    }

    private static func value(_ key: String, in members: [JSONMember]) -> JSONValue? {
        members.first { $0.key == key }?.node.value
    }

    private static func integer(_ key: String, in members: [JSONMember]) -> Int? {
        guard case .number(let number)? = value(key, in: members), number.isInteger,
            number.value >= 0, number.value < 9e15
        else { return nil }
        return Int(number.value)
    }
}

/// Checks the files of an output directory against its manifest: the guarantee that a merge or
/// a resumed run never accepts a truncated, edited, incomplete or missing file.
enum OutputVerification {
    /// Newline-terminated lines, bytes and checksum of a file.
    struct Measurement: Equatable {
        let lines: Int
        let bytes: Int
        let checksum: String
    }

    /// Reads the regular file at `path` once (a link, FIFO or device is refused): O(bytes),
    /// 1 MiB at a time; nil when cancelled.
    static func measure(_ path: String, cancellation: CancellationFlag? = nil) throws(OutputError) -> Measurement? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { throw .system("read", path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw OutputError("cannot read \(path): it is not a regular file")
        }
        var checksum = ContentChecksum()
        var lines = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            if cancellation?.isCancelled == true { return nil }
            let count = chunk.withUnsafeMutableBytes { raw in Foundation.read(descriptor, raw.baseAddress, raw.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .system("read", path)
            }
            if count == 0 { break }
            chunk.withUnsafeBytes { raw in
                let bytes = UnsafeRawBufferPointer(rebasing: raw[0..<count])
                checksum.update(bytes)
                for byte in bytes where byte == 10 { lines += 1 }
            }
        }
        return Measurement(lines: lines, bytes: checksum.byteCount, checksum: checksum.text)
    }

    /// Why the file at `path` does not hold what `entry` records, or nil if it does (a CSV
    /// file: a header line, then `entry.rows` rows).
    static func problem(
        _ path: String, entry: ManifestChecksums.FileEntry, cancellation: CancellationFlag? = nil
    ) throws(OutputError) -> String? {
        switch Files.entryKind(path) {
        case .missing: return "the file is missing"
        case .regularFile: break
        default: return "it is not a regular file"
        }
        guard let checksum = entry.checksum else {
            return "the manifest records no checksum for it (written by an older DyadSim), "
                + "so its content cannot be verified"
        }
        guard let measured = try measure(path, cancellation: cancellation) else { return nil }
        if measured.bytes != entry.bytes {
            return "it has \(measured.bytes) bytes, the manifest records \(entry.bytes) (truncated, cut or extended)"
        }
        if measured.lines - 1 != entry.rows {
            return "it has \(max(0, measured.lines - 1)) rows, the manifest records \(entry.rows)"
        }
        if measured.checksum != checksum {
            return "its content differs from the manifest's checksum "
                + "(edited or damaged: a changed digit, a swapped or replaced row)"
        }
        return nil
    }

    /// Why `records` do not match the manifest's `records` entry, or nil if they do.
    static func recordsProblem(_ records: [RunRecord], manifest: ManifestChecksums) -> String? {
        guard let count = manifest.recordCount, let checksum = manifest.recordsChecksum else {
            return "the manifest records no checksum of the run records (written by an older DyadSim)"
        }
        if records.count != count {
            return "\(records.count) run records are in .dyadsim/runs, the manifest records \(count)"
        }
        if RunRecordCoding.checksum(of: records) != checksum {
            return "the run records in .dyadsim/runs differ from the manifest's checksum "
                + "(edited, damaged or foreign records)"
        }
        return nil
    }
}
