import CommandLineTestSupport
import DyadCLI
import DyadCore
import DyadIO
import Foundation
import TestSupport
import Testing

/// The documents that describe generated things must match what the code generates.
@Suite("Documentation")
struct DocumentationTests {
    private func block(_ document: String, _ name: String) throws -> String {
        let text = try String(contentsOfFile: Repository.path(document), encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- \(name):begin -->\n"))
        let end = try #require(text.range(of: "<!-- \(name):end -->"))
        return String(text[begin.upperBound..<end.lowerBound])
    }

    @Test("the README's data dictionary is `dyadsim columns --markdown`")
    func readmeColumns() throws {
        let outcome = CommandLineHarness.run(["columns", "--markdown"])
        #expect(try block("README.md", "columns") == outcome.output)
        #expect(outcome.output == Documentation.columnsMarkdown() + "\n")
    }

    @Test("docs/scenario-format.md's reference is `dyadsim schema --markdown`")
    func scenarioFormat() throws {
        let outcome = CommandLineHarness.run(["schema", "--markdown"])
        #expect(try block("docs/scenario-format.md", "schema") == outcome.output)
    }

    @Test("docs/model.md's parameter tables are `dyadsim params --markdown`, one row per catalogue parameter")
    func modelParameters() throws {
        let outcome = CommandLineHarness.run(["params", "--markdown"])
        #expect(outcome.code == 0)
        #expect(try block("docs/model.md", "parameters") == outcome.output)
        #expect(outcome.output == ParameterTable.markdown() + "\n")
        for info in ParameterCatalog.all {
            #expect(!info.unit.isEmpty, "\(info.name) has no unit")
            #expect(outcome.output.contains("| `\(info.name)` | "), "\(info.name)")
        }
    }

    @Test(
        "parameter numbers: shortest text, large round values as a power of ten",
        arguments: [
            (1e9, "1e9"), (-1e9, "-1e9"), (1e6, "1e6"), (2e6, "2e6"), (100_000, "100000"), (2_500_000, "2500000"),
            (0.05, "0.05"), (5.53499e-05, "5.53499e-05"), (-5, "-5"), (6.0206, "6.0206"),
        ])
    func parameterNumbers(value: Double, expected: String) {
        #expect(ParameterTable.number(value) == expected)
    }

    @Test("docs/model.md is self-contained: every link and § reference resolves inside the repository")
    func modelSelfContained() throws {
        let text = try String(contentsOfFile: Repository.path("docs/model.md"), encoding: .utf8)
        #expect(!text.contains("MODEL" + ".md"))
        let anchors = Set(text.matches(of: /<a id="([^"]+)"><\/a>/).map { String($0.output.1) })
        #expect(anchors.count >= 60)
        for match in text.matches(of: /\]\(([^)\s]+)\)/) {
            let target = String(match.output.1)
            if target.hasPrefix("#") {
                #expect(anchors.contains(String(target.dropFirst())), "link to missing anchor \(target)")
            } else {
                let file = target.split(separator: "#").first.map(String.init) ?? target
                guard let inside = Self.repositoryPath(of: file, from: "docs"),
                    !target.hasPrefix("/"), !target.contains(":")
                else {
                    Issue.record("link leaves the repository: \(target)")
                    continue
                }
                #expect(FileManager.default.fileExists(atPath: Repository.path(inside)), "missing file \(target)")
            }
        }
        for match in text.matches(of: /§(\d+(?:\.\d+)?)/) {
            #expect(anchors.contains("s" + match.output.1), "reference to a missing section §\(match.output.1)")
        }
    }

    /// `link` relative to the repository folder `folder`, normalised; nil if it leaves the repository.
    static func repositoryPath(of link: String, from folder: String) -> String? {
        var components = folder.split(separator: "/").map(String.init)
        for component in link.split(separator: "/").map(String.init) where component != "." {
            if component == ".." {
                guard !components.isEmpty else { return nil }
                components.removeLast()
            } else {
                components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    @Test("the README names every command and the two set-up commands")
    func readmeCommands() throws {
        let text = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        #expect(text.contains("swift run -c release dyadsim run Scenarios/quickstart.json5"))
        #expect(text.contains("swift test -c release"))
        for command in DyadSimCommandLine.commandNames {
            #expect(text.contains("`dyadsim \(command)"), "\(command)")
        }
        let ci = try String(contentsOfFile: Repository.path(".ci/run"), encoding: .utf8)
        #expect(ci.contains("swift test -c release"))
    }
}
