import Foundation

/// The repository checkout the tests run in (for Scenarios/ and docs).
public enum Repository {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// Bytes of a file, or nil.
    public static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
}
