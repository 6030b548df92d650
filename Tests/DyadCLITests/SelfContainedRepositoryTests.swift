import Foundation
import TestSupport
import Testing

/// The repository is all a user gets: every committed text file (docs, comments, help texts,
/// scenarios, results, scripts) must point inside it. A finding is reported as `file:line: why`.
@Suite("Self-contained repository")
struct SelfContainedRepositoryTests {
    /// The old, out-of-repository model specification (spelled in two pieces so that this file
    /// does not name it).
    static let oldSpecification = "MODEL" + ".md"

    /// Absolute paths of the build machines this project was developed on.
    static let machinePaths = ["/" + "work/", "/tmp/" + "bash_jobs", "/" + "root/"]

    /// Every committed file (`git ls-files`), or, without git, every file of the checkout except
    /// build products and the ignored result folders.
    static func committedFiles() throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", Repository.root, "ls-files", "-z"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) != nil {
            let data = (try? pipe.fileHandleForReading.readToEnd()) ?? nil
            process.waitUntilExit()
            if process.terminationStatus == 0, let data, let text = String(data: data, encoding: .utf8) {
                return text.split(separator: "\0").map(String.init)
            }
        }
        return try walkedFiles()
    }

    private static func walkedFiles() throws -> [String] {
        let kept = ["bench", "validation", "figures"]
        let enumerator = try #require(FileManager.default.enumerator(atPath: Repository.root))
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            let parts = path.split(separator: "/").map(String.init)
            let ignored =
                parts.contains { $0.hasPrefix(".build") || $0 == ".git" || $0 == ".swiftpm" }
                || (parts.count > 2 && parts[0] == "Results" && !kept.contains(parts[1]))
            var isDirectory: ObjCBool = false
            if ignored {
                if FileManager.default.fileExists(atPath: Repository.path(path), isDirectory: &isDirectory),
                    isDirectory.boolValue
                {
                    enumerator.skipDescendants()
                }
                continue
            }
            if FileManager.default.fileExists(atPath: Repository.path(path), isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files
    }

    /// The text of a committed file, or nil for a binary one (NUL bytes or not UTF-8).
    static func text(of file: String) -> String? {
        guard let data = Repository.bytes(Repository.path(file)), !data.contains(0) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// The findings of one file's text: `line: why`, for every reference that leaves the
    /// repository or lands nowhere in docs/model.md.
    static func findings(in text: String, file: String, anchors: Set<String>) -> [String] {
        let markdownLink = /\]\(([^)\s]+)\)/
        // A relative path that starts by going up, not preceded by part of a longer path.
        let upwardPath = /(?:^|[^\w.\/~-])((?:\.\.\/)+[\w.\/-]*)/
        let modelSection = /docs\/model\.md §(\d+(?:\.\d+)?)/
        // An anchor built by string interpolation (`#o\(n)`) is checked where it is generated.
        let modelAnchor = /model\.md#([A-Za-z0-9.\-]+)(?![A-Za-z0-9.\-]|\\\()/
        let folder = file.split(separator: "/").dropLast().joined(separator: "/")
        var found: [String] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            var problems: [String] = []
            if line.contains(oldSpecification) {
                problems.append("names \(oldSpecification) (the model is docs/model.md)")
            }
            for path in machinePaths where line.contains(path) {
                problems.append("names a path of a build machine (\(path))")
            }
            if line.contains("](") {
                for match in line.matches(of: markdownLink) {
                    let target = String(match.output.1)
                    guard !target.hasPrefix("#"), !target.contains(":") else { continue }
                    let file = String(target.split(separator: "#", omittingEmptySubsequences: false)[0])
                    if target.hasPrefix("/") || DocumentationTests.repositoryPath(of: file, from: folder) == nil {
                        problems.append("link leaves the repository: \(target)")
                    }
                }
            }
            if line.contains("../") {
                for match in line.matches(of: upwardPath)
                where DocumentationTests.repositoryPath(of: String(match.output.1), from: folder) == nil {
                    problems.append("path leaves the repository: \(match.output.1)")
                }
            }
            if line.contains("model.md") {
                for match in line.matches(of: modelSection) where !anchors.contains("s" + match.output.1) {
                    problems.append("docs/model.md has no section §\(match.output.1)")
                }
                for match in line.matches(of: modelAnchor) {
                    // A sentence may end right after the anchor.
                    var anchor = Substring(match.output.1)
                    while anchor.hasSuffix(".") { anchor = anchor.dropLast() }
                    if !anchors.contains(String(anchor)) { problems.append("docs/model.md has no anchor #\(anchor)") }
                }
            }
            found += problems.map { "\(index + 1): \($0)" }
        }
        return found
    }

    static func modelAnchors() throws -> Set<String> {
        let model = try String(contentsOfFile: Repository.path("docs/model.md"), encoding: .utf8)
        return Set(model.matches(of: /<a id="([^"]+)"><\/a>/).map { String($0.output.1) })
    }

    @Test("every committed text file points inside the repository, and its docs/model.md references exist")
    func committedFilesStayInside() throws {
        let anchors = try Self.modelAnchors()
        let files = try Self.committedFiles()
        #expect(files.contains("README.md") && files.contains("docs/model.md") && files.count > 100)
        var findings: [String] = []
        var scanned = 0
        for file in files {
            guard let text = Self.text(of: file) else { continue }
            scanned += 1
            findings += Self.findings(in: text, file: file, anchors: anchors).map { "\(file):\($0)" }
        }
        #expect(scanned > 100)
        let listing = findings.joined(separator: "\n")
        #expect(findings.isEmpty, "\(findings.count) references leave the repository:\n\(listing)")
    }

    @Test("the scan finds each kind of reference that leaves the repository, with its line")
    func scanFindsEachKind() throws {
        let anchors: Set<String> = ["s7.6", "o1"]
        let bad = [
            "see \(Self.oldSpecification) §6.2",
            "specified in [the model](../../" + "shared/model.txt)",
            "notes in ../../elsewhere/notes.md",
            "notes: \(Self.machinePaths[0])shared/notes.md",
            "log in \(Self.machinePaths[1]).1/stdout",
            "home \(Self.machinePaths[2])x",
            "docs/model.md §" + "99.1",
            "[O2](model.md#o2)",
            "see docs/model.md#s7.7.",
        ]
        let good = [
            "docs/model.md §7.6, [O1](model.md#o1), [b](../README.md), Results/../README.md",
            "[web](https://example.org/a/../b), [anchor](#s7.6), cd \"$(dirname x)/../..\"",
            #"see docs/model.md#s7.6. And source: "docs/model.md#o\(n)""#,
        ]
        let text = (good + bad).joined(separator: "\n")
        let findings = Self.findings(in: text, file: "docs/example.md", anchors: anchors)
        let lines = Set(findings.map { finding in finding.prefix { $0 != ":" } })
        #expect(lines == Set((good.count + 1...good.count + bad.count).map { Substring(String($0)) }), "\(findings)")
        // From the repository root the same relative link climbs out.
        #expect(Self.findings(in: "[b](../README.md)", file: "README.md", anchors: anchors).count == 2)
        #expect(Self.findings(in: "[b](README.md)", file: "README.md", anchors: anchors).isEmpty)
    }
}
