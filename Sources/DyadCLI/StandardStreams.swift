import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// POSIX writes to the standard streams: every byte is written or the failure's `errno` is
/// returned; nothing traps.
enum StandardStreams {
    /// How long a non-blocking descriptor may refuse data (EAGAIN) before the write gives up.
    static let stallLimitMilliseconds: Int32 = 10_000

    /// A writer that fails every write with `EBADF` (a stream that was closed at start).
    static let closedWriter: Console.Writer = { _ in EBADF }

    /// A writer for `descriptor`.
    static func writer(for descriptor: Int32) -> Console.Writer {
        { text in write(text, to: descriptor) }
    }

    /// Writes all of `text` to `descriptor`, retrying after EINTR and waiting (bounded) after
    /// EAGAIN; returns nil or the `errno` of the failure (EPIPE, ENOSPC, EBADF, EFBIG, EIO …).
    static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        return bytes.withUnsafeMutableBytes { raw -> Int32? in
            guard let base = raw.baseAddress else { return nil }
            var offset = 0
            var stalled: Int32 = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, base + offset, raw.count - offset)
                if written > 0 {
                    offset += written
                    stalled = 0
                    continue
                }
                if written == 0 { return EIO }
                let code = errno
                switch code {
                case EINTR:
                    continue
                case EAGAIN, EWOULDBLOCK:
                    guard stalled < stallLimitMilliseconds else { return code }
                    var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&request, 1, 100)
                    stalled += 100
                default:
                    return code
                }
            }
            return nil
        }
    }

    /// Puts `/dev/null` on standard input, output and error where they are closed; returns the
    /// descriptors that were closed.
    static func occupyClosedDescriptors() -> Set<Int32> {
        var closed: Set<Int32> = []
        for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            closed.insert(descriptor)
            let opened = open("/dev/null", O_RDWR)
            if opened >= 0 && opened != descriptor {
                _ = dup2(opened, descriptor)
                _ = close(opened)
            }
        }
        return closed
    }
}
