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
    private var pending: [UInt8] = []
    private var descriptor: Int32 = -1
    /// Bytes appended so far.
    private(set) var byteCount = 0

    /// Writes to the spill file go out in blocks of this size.
    private static let block = 1 << 20

    init(directory: String, limit: Int) {
        self.directory = directory
        self.limit = limit
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Appends bytes.
    func append(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        pending.append(contentsOf: bytes)
        byteCount += bytes.count
        if descriptor < 0 ? pending.count > limit : pending.count >= Self.block { try spill() }
    }

    private func spill() throws(OutputError) {
        if descriptor < 0 {
            let path = directory + "/.spill-\(getpid())-\(UInt(bitPattern: ObjectIdentifier(self).hashValue))"
            descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw .system("create", path) }
            unlink(path)
        }
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .system("write", directory + "/(temporary rows)")
            }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Passes everything appended so far to `body`, in order, in blocks of at most 1 MiB whose
    /// sizes are multiples of 8 bytes (whole doubles) except possibly the last.
    func replay(_ body: (UnsafeRawBufferPointer) throws(OutputError) -> Void) throws(OutputError) {
        if descriptor >= 0 {
            try spill()
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw .system("read", directory + "/(temporary rows)") }
            var block = [UInt8](repeating: 0, count: Self.block)
            var filled = 0
            while true {
                let count = block.withUnsafeMutableBytes {
                    Foundation.read(descriptor, $0.baseAddress! + filled, $0.count - filled)
                }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw .system("read", directory + "/(temporary rows)")
                }
                filled += count
                if count == 0 || filled == block.count {
                    if filled > 0 { try Self.pass(block[0..<filled], to: body) }
                    if count == 0 { break }
                    filled = 0
                }
            }
            guard lseek(descriptor, 0, SEEK_END) >= 0 else { throw .system("read", directory + "/(temporary rows)") }
        }
        try Self.pass(pending[...], to: body)
    }

    private static func pass(
        _ bytes: ArraySlice<UInt8>, to body: (UnsafeRawBufferPointer) throws(OutputError) -> Void
    ) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { raw in
            do throws(OutputError) { try body(raw) } catch { failure = error }
        }
        if let failure { throw failure }
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
                body(UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: Double.self),
                                         count: bytes.count / MemoryLayout<Double>.size))
            }
        } catch {
            self.error = error
        }
    }
}
