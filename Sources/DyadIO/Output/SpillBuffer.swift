import DyadExperiment
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes held in memory up to a limit and beyond it in an unnamed temporary file (created in
/// `directory` and unlinked at once, so nothing is left behind even after `kill -9`), then
/// read back in order. Holds the rows of a run's later arms while the first arm's rows stream
/// into the fragment (couples.csv lists all couples of one arm before the next), and the
/// values a run's paired moments read twice (``FileValueSpool``).
final class SpillBuffer {
    private let directory: String
    /// Bytes kept in memory before the first spill.
    private let limit: Int
    /// Bytes not yet in the file: `count` of `capacity` (grown by doubling, copied with memcpy).
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0
    private var descriptor: Int32 = -1
    /// Bytes appended so far.
    private(set) var byteCount = 0

    /// Writes to the spill file go out in blocks of this size.
    private static let block = 1 << 20

    init(directory: String, limit: Int) {
        self.directory = directory
        self.limit = limit
        capacity = 1 << 16
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        storage.deallocate()
    }

    /// Appends bytes.
    func append(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard let source = bytes.baseAddress else { return }
        if count + bytes.count > capacity {
            var grown = capacity
            while grown < count + bytes.count { grown *= 2 }
            let larger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
            larger.copyMemory(from: storage, byteCount: count)
            storage.deallocate()
            storage = larger
            capacity = grown
        }
        (storage + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
        byteCount += bytes.count
        if descriptor < 0 ? count > limit : count >= Self.block { try spill() }
    }

    private func spill() throws(OutputError) {
        if descriptor < 0 {
            let path = directory + "/.spill-\(getpid())-\(UInt(bitPattern: ObjectIdentifier(self).hashValue))"
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw .system("create", path) }
            unlink(path)
        }
        var offset = 0
        while offset < count {
            let written = Foundation.write(descriptor, storage + offset, count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw .system("write", directory + "/(temporary rows)")
            }
            offset += written
        }
        count = 0
    }

    /// Passes everything appended so far to `body`, in order, in blocks of at most 1 MiB whose
    /// sizes are multiples of 8 bytes (whole doubles) except possibly the last.
    func replay(_ body: (UnsafeRawBufferPointer) throws(OutputError) -> Void) throws(OutputError) {
        if descriptor >= 0 {
            try spill()
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw .system("read", directory + "/(temporary rows)") }
            let block = UnsafeMutableRawPointer.allocate(byteCount: Self.block, alignment: 16)
            defer { block.deallocate() }
            var filled = 0
            while true {
                let read = Foundation.read(descriptor, block + filled, Self.block - filled)
                if read < 0 {
                    if errno == EINTR { continue }
                    throw .system("read", directory + "/(temporary rows)")
                }
                filled += read
                if read == 0 || filled == Self.block {
                    if filled > 0 { try body(UnsafeRawBufferPointer(start: block, count: filled)) }
                    if read == 0 { break }
                    filled = 0
                }
            }
            guard lseek(descriptor, 0, SEEK_END) >= 0 else { throw .system("read", directory + "/(temporary rows)") }
        }
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    /// Appends everything to `writer`, in order.
    func copy(to writer: AtomicFileWriter) throws(OutputError) {
        try replay { bytes throws(OutputError) in try writer.write(bytes.bindMemory(to: UInt8.self)) }
    }
}

/// A ``ValueSpool`` that keeps up to `limit` bytes of values in memory and the rest in an
/// unnamed temporary file (a ``SpillBuffer``); the first I/O failure is kept in ``error``
/// and stops further writing.
final class FileValueSpool: ValueSpool {
    private let buffer: SpillBuffer
    private(set) var error: OutputError?

    init(directory: String, limit: Int) {
        buffer = SpillBuffer(directory: directory, limit: limit)
    }

    func append(_ values: UnsafeBufferPointer<Double>) {
        guard error == nil else { return }
        do throws(OutputError) { try buffer.append(UnsafeRawBufferPointer(values)) } catch { self.error = error }
    }

    func replay(_ body: (UnsafeBufferPointer<Double>) -> Void) {
        guard error == nil else { return }
        do throws(OutputError) {
            try buffer.replay { bytes in
                body(
                    UnsafeBufferPointer(
                        start: bytes.baseAddress?.assumingMemoryBound(to: Double.self),
                        count: bytes.count / MemoryLayout<Double>.size))
            }
        } catch {
            self.error = error
        }
    }
}
