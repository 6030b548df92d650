import DyadIO
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses one CSV number field: `NA` is NaN; anything but a complete decimal number is nil.
enum ReportNumberField {
    static func parse(_ line: ArraySlice<UInt8>, _ range: Range<Int>) -> Double? {
        let bytes = line[range]
        if bytes.elementsEqual("NA".utf8) { return .nan }
        guard !bytes.isEmpty, bytes.count < 64,
            bytes.allSatisfy({
                $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".")
                    || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
            })
        else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}

/// Lines of a file read through a 1 MiB buffer with POSIX calls (failures become
/// ``ReportError``s of kind input/output). A final line without a newline is returned too.
struct ReportLineReader {
    private let path: String
    private var descriptor: Int32
    private var pending: [UInt8] = []
    private var consumed = 0
    private var atEnd = false
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)
    /// The 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(path: String) throws(ReportError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw ReportError(errno == ENOENT ? .invalidData : .inputOutput, OutputError.system("read", path).message)
        }
        // A FIFO or device would block or never end: only regular files are read.
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            _ = close(descriptor)
            descriptor = -1
            throw ReportError(.invalidData, "cannot read \(path): it is not a regular file")
        }
    }

    /// Splits `line` at every comma into `fields` (index ranges into `line`; no quoting, as
    /// DyadSim writes its CSV files), keeping the array's capacity.
    static func split(_ line: ArraySlice<UInt8>, into fields: inout [Range<Int>]) {
        fields.removeAll(keepingCapacity: true)
        var start = line.startIndex
        for position in line.indices where line[position] == UInt8(ascii: ",") {
            fields.append(start..<position)
            start = position + 1
        }
        fields.append(start..<line.endIndex)
    }

    /// The next line without its line ending, nil at the end of the file.
    mutating func nextLine() throws(ReportError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = pending[consumed...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > consumed, pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = pending[consumed..<end]
                consumed = newline + 1
                lineNumber += 1
                return line
            }
            if atEnd {
                guard consumed < pending.count else { return nil }
                let line = pending[consumed...]
                consumed = pending.count
                lineNumber += 1
                return line
            }
            try fill()
        }
    }

    private mutating func fill() throws(ReportError) {
        pending.removeFirst(consumed)
        consumed = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReportError(.inputOutput, OutputError.system("read", path).message)
            }
            if count == 0 { atEnd = true } else { pending.append(contentsOf: chunk[0..<count]) }
            return
        }
    }

    /// Closes the file.
    mutating func release() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }
}
