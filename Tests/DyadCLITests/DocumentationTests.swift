import CommandLineTestSupport
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

    @Test("the README names every command and the two set-up commands")
    func readmeCommands() throws {
        let text = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        #expect(text.contains("swift run -c release dyadsim run Scenarios/quickstart.json5"))
        #expect(text.contains("swift test -c release"))
        for command in ["run", "check", "merge", "report", "validate-model", "params", "columns", "schema"] {
            #expect(text.contains("`dyadsim \(command)"), "\(command)")
        }
        let ci = try String(contentsOfFile: Repository.path(".ci/run"), encoding: .utf8)
        #expect(ci.contains("swift test -c release"))
    }
}
