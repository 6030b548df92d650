import DyadCore
import TestSupport
import Testing

@Suite("Random streams")
struct RandomStreamTests {
    @Test("SplitMix64 matches the reference sequence for seed 0")
    func splitMixReference() {
        var generator = SplitMix64(state: 0)
        #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
        #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
        #expect(generator.next() == 0x06c4_5d18_8009_454f)
    }

    @Test("xoshiro256** matches the reference outputs for state (1, 2, 3, 4)")
    func xoshiroReference() {
        var stream = RandomStream(state: (1, 2, 3, 4))
        let expected: [UInt64] = [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240]
        #expect((0..<4).map { _ in stream.next() } == expected)
    }

    @Test("couple keys differ by seed, point, replicate and couple, and never by anything else")
    func streamKeys() {
        let run = StreamKey.run(seed: 1, pointKey: 2, replicate: 3)
        #expect(run == StreamKey.run(seed: 1, pointKey: 2, replicate: 3))
        let keys: Set<UInt64> = [
            run, StreamKey.run(seed: 2, pointKey: 2, replicate: 3), StreamKey.run(seed: 1, pointKey: 3, replicate: 3),
            StreamKey.run(seed: 1, pointKey: 2, replicate: 4),
        ]
        #expect(keys.count == 4)
        #expect(StreamKey.couple(runKey: run, couple: 0) != StreamKey.couple(runKey: run, couple: 1))
    }

    @Test("uniforms lie in [0, 1) with mean 1/2 and variance 1/12")
    func uniformMoments() {
        var stream = RandomStream(key: 3)
        let values = (0..<200_000).map { _ in stream.uniform() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let n = Double(values.count)
        #expect(abs(TestStatistics.mean(values) - 0.5) < 4 * (1.0 / 12 / n).squareRoot())
        #expect(abs(TestStatistics.variance(values) - 1.0 / 12) < 4 * (1.0 / 180 / n).squareRoot())
    }

    @Test("ziggurat normals: mean 0, variance 1, kurtosis 3, tail mass beyond the base layer")
    func normalMoments() {
        var stream = RandomStream(key: 11)
        let n = 1_000_000
        var sum = 0.0, squares = 0.0, fourth = 0.0, tail = 0
        for _ in 0..<n {
            let z = stream.normal()
            sum += z
            squares += z * z
            fourth += z * z * z * z
            if abs(z) > 3.6541528853610088 { tail += 1 }
        }
        let count = Double(n)
        #expect(abs(sum / count) < 4 / count.squareRoot())
        #expect(abs(squares / count - 1) < 4 * (2 / count).squareRoot())
        #expect(abs(fourth / count - 3) < 4 * (96 / count).squareRoot())
        let tailProbability = 2.58e-4  // 2·(1 − Φ(3.6541528853610088))
        #expect(abs(Double(tail) / count - tailProbability) < 4 * (tailProbability / count).squareRoot())
    }

    @Test("normal CDF at fixed points matches Φ within 4 standard errors")
    func normalDistribution() {
        var stream = RandomStream(key: 99)
        let n = 400_000
        let draws = (0..<n).map { _ in stream.normal() }
        let points: [(Double, Double)] = [
            (-2, 0.02275013), (-1, 0.15865525), (0, 0.5), (0.5, 0.69146246), (1.5, 0.93319280),
        ]
        for (point, probability) in points {
            let share = Double(draws.filter { $0 < point }.count) / Double(n)
            #expect(
                abs(share - probability) < 4 * (probability * (1 - probability) / Double(n)).squareRoot(), "at \(point)"
            )
        }
    }

    @Test("Bernoulli successes have binomial mean and variance, and exact limits")
    func successes() {
        var stream = RandomStream(key: 5)
        for (trials, probability) in [(6, 0.637), (7, 0.05), (1, 0.5), (100, 0.9)] {
            let draws = (0..<100_000).map { _ in Double(stream.successes(trials: trials, probability: probability)) }
            let mean = Double(trials) * probability
            let variance = mean * (1 - probability)
            #expect(abs(TestStatistics.mean(draws) - mean) < 4 * (variance / 100_000).squareRoot())
            #expect(abs(TestStatistics.variance(draws) / variance - 1) < 0.03)
        }
        #expect(stream.successes(trials: 6, probability: 1) == 6)
        #expect(stream.successes(trials: 6, probability: 0) == 0)
        #expect(stream.successes(trials: 0, probability: 0.5) == 0)
    }
}
