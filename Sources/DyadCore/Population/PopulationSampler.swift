/// Draws couples' day-0 traits from their own streams (docs/model.md §5.2–§5.3, §7.21: four normals per
/// traits-mode attempt, four normals in styles mode).
public struct PopulationSampler: Sendable {
    private let mode: PopulationMode
    private let means: (Double, Double, Double, Double)
    private let sds: (Double, Double, Double, Double)
    /// Lower-triangular Cholesky factor of R, row-major 4×4.
    private let cholesky: [Double]
    private let maximumTries: Int
    private let jitter: Double
    private let prototypeTraits: [(Double, Double)]
    /// Cumulative normalised shares of the pairings with positive share.
    private let cumulativeShares: [Double]
    /// (prototype index a, prototype index b) of the pairings with positive share.
    private let pairingPrototypes: [(Int, Int)]

    /// Prepares sampling from `population`: the Cholesky factor of R and the normalised pairing shares.
    /// Throws if R is not positive definite, a share is negative or all are 0, or a pairing names an
    /// unknown prototype.
    public init(population: PopulationParameters) throws(PopulationError) {
        mode = population.mode
        means = (population.meanAnxietyA, population.meanAvoidanceA, population.meanAnxietyB, population.meanAvoidanceB)
        sds = (population.sdAnxiety, population.sdAvoidance, population.sdAnxiety, population.sdAvoidance)
        maximumTries = max(1, roundedCount(population.truncationMaxTries))
        jitter = population.styleJitter
        prototypeTraits = population.prototypes.map { ($0.anxiety, $0.avoidance) }
        if mode == .traits {
            guard let factor = PopulationSampler.choleskyFactor(population.correlationMatrix) else {
                throw .correlationMatrixNotPositiveDefinite
            }
            cholesky = factor
        } else {
            cholesky = [Double](repeating: 0, count: 16)
        }
        var cumulative: [Double] = []
        var pairs: [(Int, Int)] = []
        if mode == .styles {
            let names = population.prototypes.map(\.name)
            var total = 0.0
            for pairing in population.pairings {
                guard pairing.share.isFinite, pairing.share >= 0 else { throw .invalidShares }
                total += pairing.share
            }
            guard total > 0 else { throw .invalidShares }
            // Shares near the largest finite double overflow the sum: then each share is first
            // divided by the largest (shares in 0...1, sum at most the pairing count), which
            // keeps their proportions. Finite sums keep the plain division, bit for bit.
            var scale = 1.0
            if !total.isFinite {
                scale = population.pairings.map(\.share).max() ?? 1
                total = population.pairings.reduce(0.0) { $0 + $1.share / scale }
            }
            var running = 0.0
            for pairing in population.pairings where pairing.share > 0 {
                guard let first = names.firstIndex(of: pairing.styleA) else { throw .unknownPrototype(pairing.styleA) }
                guard let second = names.firstIndex(of: pairing.styleB) else { throw .unknownPrototype(pairing.styleB) }
                running += pairing.share / scale / total
                cumulative.append(running)
                pairs.append((first, second))
            }
            cumulative[cumulative.count - 1] = 1
        }
        cumulativeShares = cumulative
        pairingPrototypes = pairs
    }

    /// Cholesky factor L (row-major) with L Lᵀ = R, or nil if R is not positive definite.
    public static func choleskyFactor(_ matrix: [[Double]]) -> [Double]? {
        let n = matrix.count
        var factor = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = matrix[i][j]
                for k in 0..<j { sum -= factor[i * n + k] * factor[j * n + k] }
                if i == j {
                    guard sum > 1e-12 else { return nil }
                    factor[i * n + i] = sum.squareRoot()
                } else {
                    factor[i * n + j] = sum / factor[j * n + j]
                }
            }
        }
        return factor
    }

    /// The pairing index of couple `couple` of `coupleCount` (first q with (k + 0.5)/N < C_q).
    /// Binary search over the nondecreasing C: O(log pairings).
    public func pairingIndex(couple: Int, coupleCount: Int) -> Int {
        let position = (Double(couple) + 0.5) / Double(coupleCount)
        var low = 0, high = cumulativeShares.count
        while low < high {
            let middle = (low + high) / 2
            if position < cumulativeShares[middle] { high = middle } else { low = middle + 1 }
        }
        return min(low, cumulativeShares.count - 1)
    }

    /// Draws the day-0 traits of couple `couple` (of `coupleCount`) from `stream`.
    public func sample(couple: Int, coupleCount: Int, stream: inout RandomStream) -> CoupleTraits {
        switch mode {
        case .traits:
            return sampleTraits(stream: &stream)
        case .styles:
            let (first, second) = pairingPrototypes[pairingIndex(couple: couple, coupleCount: coupleCount)]
            let z0 = stream.normal(), z1 = stream.normal(), z2 = stream.normal(), z3 = stream.normal()
            return CoupleTraits(
                anxietyA: clamp01(prototypeTraits[first].0 + jitter * z0),
                avoidanceA: clamp01(prototypeTraits[first].1 + jitter * z1),
                anxietyB: clamp01(prototypeTraits[second].0 + jitter * z2),
                avoidanceB: clamp01(prototypeTraits[second].1 + jitter * z3),
                prototypeA: first, prototypeB: second)
        }
    }

    private func sampleTraits(stream: inout RandomStream) -> CoupleTraits {
        var x = (0.0, 0.0, 0.0, 0.0)
        for _ in 0..<maximumTries {
            let z = (stream.normal(), stream.normal(), stream.normal(), stream.normal())
            let l = cholesky
            let y0 = l[0] * z.0
            let y1 = l[4] * z.0 + l[5] * z.1
            let y2 = l[8] * z.0 + l[9] * z.1 + l[10] * z.2
            let y3 = l[12] * z.0 + l[13] * z.1 + l[14] * z.2 + l[15] * z.3
            x = (means.0 + sds.0 * y0, means.1 + sds.1 * y1, means.2 + sds.2 * y2, means.3 + sds.3 * y3)
            if PopulationSampler.onScale(x.0) && PopulationSampler.onScale(x.1)
                && PopulationSampler.onScale(x.2) && PopulationSampler.onScale(x.3)
            {
                return PopulationSampler.traits(fromECR: x)
            }
        }
        let clamped = (min(7, max(1, x.0)), min(7, max(1, x.1)), min(7, max(1, x.2)), min(7, max(1, x.3)))
        return PopulationSampler.traits(fromECR: clamped)
    }

    private static func onScale(_ value: Double) -> Bool { value >= 1 && value <= 7 }

    private static func traits(fromECR x: (Double, Double, Double, Double)) -> CoupleTraits {
        CoupleTraits(
            anxietyA: (x.0 - 1) / 6, avoidanceA: (x.1 - 1) / 6,
            anxietyB: (x.2 - 1) / 6, avoidanceB: (x.3 - 1) / 6, prototypeA: -1, prototypeB: -1)
    }
}
