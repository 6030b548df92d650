import DyadExperiment

/// A lossless text form of ``ABCState``: every double as the 16 hexadecimal digits of its IEEE bit
/// pattern (so it reads back exactly), one particle per line, and a final FNV-1a checksum of all
/// preceding bytes, so a truncated or altered file is rejected rather than resumed.
///
/// ```
/// dyadsim-abc-state 1
/// fingerprint <hex>
/// particles <N>
/// parameters <d>
/// statistics <k>
/// simulations <total simulations>
/// stop running | max_generations | min_acceptance | min_epsilon | epsilon_stalled
/// generations <G>
/// generation <t> epsilon <hex> simulations <count>      (G blocks, t = 0, 1, …)
/// <attempt> <seed hex> <weight> <distance> <θ₁ … θ_d> <s₁ … s_k>   (N lines per block)
/// checksum <hex>
/// ```
extension ABCState {
    static let header = "dyadsim-abc-state 1"

    /// The state as text (ends with a newline).
    public func encoded() -> String {
        var text = Self.header + "\n"
        text += "fingerprint \(ABCCalibration.hex(fingerprint))\n"
        text += "particles \(particles)\nparameters \(dimension)\nstatistics \(statisticCount)\n"
        text += "simulations \(simulationCount)\nstop \(stopReason?.rawValue ?? "running")\n"
        text += "generations \(generations.count)\n"
        for generation in generations {
            text += "generation \(generation.index) epsilon \(ABCCalibration.hex(generation.epsilon))"
            text += " simulations \(generation.simulations)\n"
            let population = generation.population
            for particle in 0..<population.count {
                var fields = [
                    String(population.attempts[particle]), ABCCalibration.hex(population.seeds[particle]),
                    ABCCalibration.hex(population.weights[particle]),
                    ABCCalibration.hex(population.distances[particle]),
                ]
                fields.append(contentsOf: population.parameters[particle].map { ABCCalibration.hex($0) })
                fields.append(contentsOf: population.statistics[particle].map { ABCCalibration.hex($0) })
                text += fields.joined(separator: " ") + "\n"
            }
        }
        return text + "checksum \(ABCCalibration.hex(FNV1a.hash(text)))\n"
    }

    /// Reads a state written by ``encoded()``. Throws ``ABCStateError`` (never traps) for text that is
    /// truncated, altered (checksum), from another version, or inconsistent.
    public init(encoded text: String) throws(ABCStateError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let last = lines.last, last.hasPrefix("checksum ") else {
            throw ABCStateError(line: max(lines.count, 1), "the state is truncated: its last line is not the checksum")
        }
        let bodyLength = text.utf8.count - last.utf8.count - (text.hasSuffix("\n") ? 1 : 0)
        guard bodyLength >= 0, let stored = Self.parseHex(last.dropFirst("checksum ".count)),
            stored == FNV1a.hash(String(decoding: text.utf8.prefix(bodyLength), as: UTF8.self))
        else {
            throw ABCStateError(line: lines.count, "the checksum does not match: the state is damaged or was edited")
        }
        var reader = LineReader(lines: Array(lines.dropLast()))
        guard try reader.next() == Substring(Self.header) else {
            throw ABCStateError(line: 1, "not a DyadSim calibration state of version 1")
        }
        let fingerprint = try reader.hex(after: "fingerprint")
        let particles = try reader.integer(after: "particles", minimum: 1)
        let dimension = try reader.integer(after: "parameters", minimum: 1)
        let statisticCount = try reader.integer(after: "statistics", minimum: 1)
        let simulationCount = try reader.integer(after: "simulations", minimum: 0)
        let stopText = try reader.value(after: "stop")
        let stopReason = ABCStopReason(rawValue: String(stopText))
        guard stopReason != nil || stopText == "running" else {
            throw ABCStateError(line: reader.lineNumber, "unknown stop reason \"\(stopText)\"")
        }
        let generationCount = try reader.integer(after: "generations", minimum: 0)
        var generations: [ABCGeneration] = []
        var generationSimulations = 0
        for index in 0..<generationCount {
            let generation = try reader.generation(
                index: index, particles: particles, dimension: dimension,
                statisticCount: statisticCount)
            generationSimulations += generation.simulations
            generations.append(generation)
        }
        guard reader.isAtEnd else {
            throw ABCStateError(line: reader.lineNumber + 1, "unexpected line after the last generation")
        }
        guard generationSimulations <= simulationCount else {
            throw ABCStateError(
                line: 6, "\(simulationCount) simulations in total, fewer than the generations' \(generationSimulations)"
            )
        }
        self.init(
            fingerprint: fingerprint, particles: particles, dimension: dimension, statisticCount: statisticCount,
            generations: generations, simulationCount: simulationCount, stopReason: stopReason)
    }

    static func parseHex(_ text: Substring) -> UInt64? {
        guard text.utf8.count == 16 else { return nil }
        return UInt64(text, radix: 16)
    }
}

/// Reads the state's lines in order, with errors that name the line.
private struct LineReader {
    let lines: [Substring]
    var position = 0

    var lineNumber: Int { position }
    var isAtEnd: Bool { position == lines.count }

    mutating func next() throws(ABCStateError) -> Substring {
        guard position < lines.count else { throw ABCStateError(line: position + 1, "the state ends too early") }
        position += 1
        return lines[position - 1]
    }

    /// The rest of a line `<keyword> <value>`.
    mutating func value(after keyword: String) throws(ABCStateError) -> Substring {
        let line = try next()
        let prefix = keyword + " "
        guard line.hasPrefix(prefix) else { throw ABCStateError(line: position, "expected \"\(keyword)\"") }
        return line.dropFirst(prefix.count)
    }

    mutating func integer(after keyword: String, minimum: Int) throws(ABCStateError) -> Int {
        let text = try value(after: keyword)
        guard let value = Int(text), value >= minimum else {
            throw ABCStateError(line: position, "\(keyword) \"\(text)\" is not a whole number of at least \(minimum)")
        }
        return value
    }

    mutating func hex(after keyword: String) throws(ABCStateError) -> UInt64 {
        let text = try value(after: keyword)
        guard let value = ABCState.parseHex(text) else {
            throw ABCStateError(line: position, "\(keyword) \"\(text)\" is not 16 hexadecimal digits")
        }
        return value
    }

    /// One `generation` line and its N particle lines.
    mutating func generation(index: Int, particles: Int, dimension: Int, statisticCount: Int)
        throws(ABCStateError) -> ABCGeneration
    {
        let fields = try next().split(separator: " ")
        guard fields.count == 6, fields[0] == "generation", fields[2] == "epsilon", fields[4] == "simulations",
            Int(fields[1]) == index
        else {
            throw ABCStateError(line: position, "expected \"generation \(index) epsilon <hex> simulations <count>\"")
        }
        guard let epsilonBits = ABCState.parseHex(fields[3]), let simulations = Int(fields[5]), simulations >= particles
        else {
            throw ABCStateError(line: position, "invalid epsilon or simulation count")
        }
        let epsilon = Double(bitPattern: epsilonBits)
        guard epsilon >= 0 else { throw ABCStateError(line: position, "epsilon is negative or not a number") }
        var attempts: [Int] = []
        var seeds: [UInt64] = []
        var weights: [Double] = []
        var distances: [Double] = []
        var parameters: [[Double]] = []
        var statistics: [[Double]] = []
        let expectedFields = 4 + dimension + statisticCount
        for _ in 0..<particles {
            let fields = try next().split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count == expectedFields else {
                throw ABCStateError(
                    line: position, "expected \(expectedFields) fields in a particle line, found \(fields.count)")
            }
            guard let attempt = Int(fields[0]), attempt >= 0, let seed = ABCState.parseHex(fields[1]) else {
                throw ABCStateError(line: position, "invalid attempt number or seed")
            }
            var numbers: [Double] = []
            numbers.reserveCapacity(expectedFields - 2)
            for field in fields[2...] {
                guard let bits = ABCState.parseHex(field) else {
                    throw ABCStateError(line: position, "\"\(field)\" is not 16 hexadecimal digits")
                }
                numbers.append(Double(bitPattern: bits))
            }
            guard numbers.allSatisfy(\.isFinite), numbers[0] >= 0, numbers[1] >= 0, numbers[1] <= epsilon else {
                throw ABCStateError(
                    line: position,
                    "a particle has a negative weight, a distance above epsilon or a value that is not finite")
            }
            attempts.append(attempt)
            seeds.append(seed)
            weights.append(numbers[0])
            distances.append(numbers[1])
            parameters.append(Array(numbers[2..<(2 + dimension)]))
            statistics.append(Array(numbers[(2 + dimension)...]))
        }
        guard weights.reduce(0, +) > 0 else {
            throw ABCStateError(line: position, "generation \(index) has no positive weight")
        }
        let population = ABCPopulation(
            attempts: attempts, seeds: seeds, parameters: parameters, statistics: statistics,
            distances: distances, weights: weights)
        return ABCGeneration(index: index, epsilon: epsilon, simulations: simulations, population: population)
    }
}
