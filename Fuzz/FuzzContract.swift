// Shared by the libFuzzer targets: the one-line error contract every user-facing error keeps.
import DyadExperiment

/// Checks `error`'s lines: at least one, each starting with `error: ` and free of control
/// characters (so each is exactly one terminal line, however hostile the input). A violation is
/// a finding: it is printed with the offending lines and the process stops (libFuzzer then keeps
/// the input in fuzz-artifacts/). Nothing in this check itself can trap.
func checkErrorContract(_ error: any DyadSimError, target: String) {
    let lines = error.lines
    var problem: String?
    if lines.isEmpty {
        problem = "no lines"
    } else if let line = lines.first(where: { !$0.hasPrefix("error: ") }) {
        problem = "a line without the error: prefix: \(EscapedText.escaped(line))"
    } else if let line = lines.first(where: EscapedText.hasControlCharacters) {
        problem = "a line with a raw control character: \(EscapedText.escaped(line))"
    } else if ![64, 65, 74].contains(error.exitCode) {
        problem = "exit code \(error.exitCode) for bad input (expected 64, 65 or 74)"
    }
    guard let problem else { return }
    print("FUZZ CONTRACT VIOLATION (\(target)): \(problem)")
    fatalError("one-line error contract violated")
}
