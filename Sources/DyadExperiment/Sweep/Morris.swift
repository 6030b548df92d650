import DyadCore

/// Morris's one-at-a-time trajectories (Morris 1991) on a p-level grid in [0, 1]^k, built as
/// SALib's `SALib.sample.morris.sample` builds them (without trajectory optimisation), so SALib's
/// `morris.analyze` reads the same rows.
///
/// The grid has levels ℓ/(p − 1), ℓ = 0…p − 1, and the step is Δ = p/(2(p − 1)), i.e. p/2 grid
/// cells, so every factor moves between level ℓ and ℓ + p/2 with ℓ uniform in 0…p/2 − 1: both
/// values are on the grid and each level is equally likely (p even). A trajectory is
///
///     B* = (J x* + (Δ/2)·[(2B − J) D* + J]) P*        (Morris 1991, eq. 3.2)
///
/// with x* the random base point, D* a random diagonal of ±1 (the direction of each factor's
/// step), B the strictly lower-triangular matrix of ones and P* a random permutation (the order
/// in which factors move): row 0 is the start and row i + 1 differs from row i in exactly one
/// factor, by ±Δ. Rows are trajectory-major: trajectory t occupies rows t·(k + 1) … t·(k + 1) + k.
enum Morris {
    /// Δ = p/(2(p − 1)) for `levels` p ≥ 2: the step of every factor in the unit cube.
    static func step(levels: Int) -> Double {
        Double(levels) / (2 * Double(levels - 1))
    }

    /// `trajectories`·(k + 1) rows in [0, 1]^k, k = `dimensions`, on the `levels`-level grid
    /// (`levels` even ≥ 2). Draws per trajectory, in this order: the base level of each factor,
    /// its direction, then the factor order (Fisher–Yates), all from `random`.
    static func unitRows(trajectories: Int, dimensions: Int, levels: Int, random: inout RandomStream) -> [[Double]] {
        precondition(levels >= 2 && levels % 2 == 0, "Morris levels must be even and at least 2")
        let half = levels / 2
        let spacing = Double(levels - 1)
        var rows: [[Double]] = []
        rows.reserveCapacity(trajectories * (dimensions + 1))
        for _ in 0..<trajectories {
            var low = [Int](repeating: 0, count: dimensions)
            var upward = [Bool](repeating: true, count: dimensions)
            for factor in 0..<dimensions {
                low[factor] = min(half - 1, Int(random.uniform() * Double(half)))
                upward[factor] = random.uniform() < 0.5
            }
            var order = Array(0..<dimensions)
            for index in stride(from: dimensions - 1, to: 0, by: -1) {
                order.swapAt(index, min(index, Int(random.uniform() * Double(index + 1))))
            }
            var level = (0..<dimensions).map { upward[$0] ? low[$0] : low[$0] + half }
            rows.append(level.map { Double($0) / spacing })
            for factor in order {
                level[factor] = upward[factor] ? low[factor] + half : low[factor]
                rows.append(level.map { Double($0) / spacing })
            }
        }
        return rows
    }
}
