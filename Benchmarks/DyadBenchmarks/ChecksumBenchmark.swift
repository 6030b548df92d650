import DyadExperiment
import DyadIO
import Foundation

/// `dyadsim-bench --checksum`: what the content checksum costs the writer. Times XXH64 (the
/// manifests' checksum) and byte-wise FNV-1a over 256 MiB of couples.csv-like text held in
/// memory, and the atomic file writer writing the same bytes to a file (hashing included).
enum ChecksumBenchmark {
    static func run(options: Options) {
        let row = Array(
            "0,3,control,1234,0.4127730391829,0.27155,0.53,0.38112,secure,fearful,0.61934521,0.5,17,0,1,0.2231\n".utf8)
        var block: [UInt8] = []
        while block.count < 1 << 20 { block += row }
        let blocks = 256
        let total = Double(blocks * block.count)
        func best(_ body: () -> Void) -> Double {
            var fastest = Double.infinity
            for _ in 0..<max(1, options.repeats) {
                let started = Date()
                body()
                fastest = min(fastest, Date().timeIntervalSince(started))
            }
            return fastest
        }
        var sink: UInt64 = 0
        let xxh = best {
            var checksum = ContentChecksum()
            for _ in 0..<blocks { block.withUnsafeBytes { checksum.update($0) } }
            sink ^= checksum.value
        }
        let fnv = best {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for _ in 0..<blocks {
                for byte in block {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x0000_0100_0000_01b3
                }
            }
            sink ^= hash
        }
        let directory = NSTemporaryDirectory() + "dyadsim-bench-checksum-\(getpid())"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = best {
            guard let file = try? AtomicFileWriter(path: directory + "/couples.csv", durable: false) else { return }
            for _ in 0..<blocks { try? file.write(block[...]) }
            try? file.commit()
            sink ^= file.checksum.value
        }
        func rate(_ seconds: Double) -> String { String(format: "%.2f GB/s", total / seconds / 1e9) }
        let share = String(format: "%.1f", 100 * xxh / writer)
        print(
            "checksum over \(Int(total) >> 20) MiB (best of \(options.repeats)): XXH64 \(rate(xxh)), "
                + "FNV-1a \(rate(fnv)); atomic writer with XXH64 \(rate(writer)) (hash share \(share) %) [\(sink & 1)]")
    }
}
