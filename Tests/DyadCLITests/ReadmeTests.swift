import CommandLineTestSupport
import Foundation
import TestSupport
import Testing

/// The README's console transcripts are runnable as written once `dyadsim` is on PATH (the set-up
/// says how); `Tests/integration/readme-examples.sh` runs them and compares the output.
@Suite("README examples")
struct ReadmeTests {
    /// The `$ ` command lines of every ```console block.
    static func consoleCommands() throws -> [String] {
        let text = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        var commands: [String] = []
        var inside = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```console" {
                inside = true
            } else if line == "```" {
                inside = false
            } else if inside, line.hasPrefix("$ ") {
                commands.append(String(line.dropFirst(2)))
            }
        }
        return commands
    }

    @Test("the set-up puts dyadsim on PATH; console examples call it by name with known commands and flags")
    func transcripts() throws {
        let text = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        #expect(text.contains("swift build -c release"))
        #expect(text.contains("ln -sf \"$PWD/.build/release/dyadsim\" ~/.local/bin/dyadsim"))
        let commands = try Self.consoleCommands()
        #expect(commands.count >= 5)
        var invocations = 0
        for command in commands {
            #expect(!command.contains("swift run"), "\(command): the console examples use dyadsim from PATH")
            for segment in command.split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                let words = segment.split(separator: " ").map(String.init)
                guard let index = words.firstIndex(of: "dyadsim"), index + 1 < words.count else { continue }
                invocations += 1
                // Each invocation's command and flags are accepted (only the usage is checked here:
                // --help prints the command's usage line without running it).
                let help = CommandLineHarness.run([words[index + 1], "--help"])
                #expect(help.code == 0, "\(command): \(help.error)")
                let flags = words[(index + 2)...].filter { $0.hasPrefix("--") }.map { String($0.prefix { $0 != "=" }) }
                for flag in flags { #expect(help.output.contains(flag), "\(command): \(flag) is not an option") }
            }
        }
        #expect(invocations >= 5)
    }
}
