import DyadExperiment
import DyadInference
import Foundation
import Testing

@Suite("ABC-SMC state text")
struct StateTextTests {
    static func finishedState() throws -> ABCState {
        let model = LinearGaussianModel(matrix: [[1]], noise: [0.3])
        let problem = CalibrationProblem(
            parameters: [.init(name: "x", prior: try .logUniform(low: 0.1, high: 10))],
            targets: [.init(name: "y", observed: 2, scale: 0.3)])
        var calibration = try ABCCalibration(
            problem: problem, settings: ABCSettings(seed: 7, particles: 40, maxGenerations: 3))
        calibration.run(onGeneration: { _, _ in }, evaluate: model.sequential)
        return calibration.state
    }

    @Test("encoding is lossless: every double, seed and counter reads back exactly")
    func roundTrip() throws {
        let state = try Self.finishedState()
        let text = state.encoded()
        let decoded = try ABCState(encoded: text)
        #expect(decoded == state)
        #expect(decoded.encoded() == text)
        #expect(decoded.generations[0].epsilon == .infinity)
        #expect(decoded.stopReason == .maxGenerations)
        // Without the final newline the text still reads.
        #expect(try ABCState(encoded: String(text.dropLast())) == state)
    }

    @Test("truncated text is rejected with a line number, never a trap")
    func truncation() throws {
        let text = try Self.finishedState().encoded()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for count in 0..<(lines.count - 2) {
            let prefix = lines[0..<count].joined(separator: "\n") + "\n"
            #expect(throws: ABCStateError.self) { try ABCState(encoded: prefix) }
        }
        for cut in stride(from: 0, to: text.utf8.count - 2, by: 97) {
            let prefix = String(decoding: text.utf8.prefix(cut), as: UTF8.self)
            #expect(throws: ABCStateError.self) { try ABCState(encoded: prefix) }
        }
    }

    @Test("any altered character is caught by the checksum; garbage and other versions are rejected")
    func alteration() throws {
        let text = try Self.finishedState().encoded()
        var bytes = Array(text.utf8)
        for position in stride(from: 0, to: bytes.count - 20, by: 53) where bytes[position] != UInt8(ascii: "\n") {
            let original = bytes[position]
            bytes[position] = original == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            let altered = String(decoding: bytes, as: UTF8.self)
            #expect(throws: ABCStateError.self) { try ABCState(encoded: altered) }
            bytes[position] = original
        }
        for garbage in [
            "", "\n", "checksum 0000000000000000\n", "dyadsim-abc-state 2\n", String(repeating: "z", count: 500),
        ] {
            #expect(throws: ABCStateError.self) { try ABCState(encoded: garbage) }
        }
        do {
            _ = try ABCState(encoded: text.replacingFirst("particles 40", with: "particles 41"))
            Issue.record("an edited state was accepted")
        } catch {
            #expect(error.description.contains("checksum does not match"))
        }
    }

    @Test("a consistent checksum does not make an inconsistent state acceptable")
    func structuralChecks() throws {
        let text = try Self.finishedState().encoded()
        func resealed(_ body: String) -> String {
            body + "checksum " + hex16(FNV1a.hash(body)) + "\n"
        }
        let checksumLine = try #require(text.range(of: "checksum "))
        let body = String(text[..<checksumLine.lowerBound])
        #expect(try ABCState(encoded: resealed(body)) == (try ABCState(encoded: text)))
        let cases = [
            body.replacingFirst("particles 40", with: "particles 41"),
            body.replacingFirst("generations 3", with: "generations 4"),
            body.replacingFirst("generations 3", with: "generations 2"),
            body.replacingFirst("stop max_generations", with: "stop tired"),
            body.replacingFirst("generation 1 ", with: "generation 2 "),
            body.replacingFirst("parameters 1", with: "parameters 2"),
            body.replacingFirst("simulations ", with: "simulations -"),
        ]
        for (index, edited) in cases.enumerated() {
            #expect(throws: ABCStateError.self, "case \(index)") { try ABCState(encoded: resealed(edited)) }
        }
    }
}

func hex16(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
