/// The lower-triangular Cholesky factor L of a symmetric covariance matrix C = L·Lᵀ, made robust: if C
/// is not numerically positive definite (singular, degenerate particles, rounding), a ridge
/// λ = 10⁻¹²·10ᵐ·mean(diag C) (m = 0, 1, …, 15) is added to the diagonal until the factorisation
/// succeeds; non-finite entries count as 0. It never traps: the last resort is the diagonal factor.
public struct CholeskyFactor: Sendable, Equatable {
    /// d.
    public let dimension: Int
    /// L, row-major d×d, zeros above the diagonal.
    public let lower: [Double]
    /// The ridge λ added to the diagonal (0 when C was positive definite as given).
    public let ridge: Double

    /// Factorises the row-major d×d `covariance` (only its lower triangle is read).
    public init(covariance: [Double], dimension: Int) {
        precondition(covariance.count == dimension * dimension, "covariance is not d×d")
        self.dimension = dimension
        var matrix = covariance.map { $0.isFinite ? $0 : 0 }
        for row in 0..<dimension {
            for column in 0..<row { matrix[column * dimension + row] = matrix[row * dimension + column] }
        }
        var diagonalSum = 0.0
        for index in 0..<dimension { diagonalSum += matrix[index * dimension + index].magnitude }
        let scale = dimension > 0 && diagonalSum > 0 ? diagonalSum / Double(dimension) : 1
        if let factor = Self.factorise(matrix, dimension: dimension, ridge: 0) {
            lower = factor
            ridge = 0
            return
        }
        var candidate = 1e-12 * scale
        for _ in 0..<16 {
            if let factor = Self.factorise(matrix, dimension: dimension, ridge: candidate) {
                lower = factor
                ridge = candidate
                return
            }
            candidate *= 10
        }
        var diagonal = [Double](repeating: 0, count: dimension * dimension)
        for index in 0..<dimension {
            diagonal[index * dimension + index] = (max(matrix[index * dimension + index], 0) + candidate).squareRoot()
        }
        lower = diagonal
        ridge = candidate
    }

    /// The Cholesky–Banachiewicz factorisation of C + ridge·I, or nil if a pivot is not positive.
    private static func factorise(_ matrix: [Double], dimension: Int, ridge: Double) -> [Double]? {
        var factor = [Double](repeating: 0, count: dimension * dimension)
        for row in 0..<dimension {
            for column in 0...row {
                var sum = matrix[row * dimension + column] + (row == column ? ridge : 0)
                for inner in 0..<column { sum -= factor[row * dimension + inner] * factor[column * dimension + inner] }
                if row == column {
                    guard sum > 0, sum.isFinite else { return nil }
                    factor[row * dimension + row] = sum.squareRoot()
                } else {
                    factor[row * dimension + column] = sum / factor[column * dimension + column]
                }
            }
        }
        return factor
    }

    /// L·z into `result` (both of length d).
    public func multiply(_ z: [Double], into result: inout [Double]) {
        for row in 0..<dimension {
            var sum = 0.0
            for column in 0...row { sum += lower[row * dimension + column] * z[column] }
            result[row] = sum
        }
    }

    /// L⁻¹·b into `result` by forward substitution.
    public func solveLower(_ b: [Double], into result: inout [Double]) {
        for row in 0..<dimension {
            var sum = b[row]
            for column in 0..<row { sum -= lower[row * dimension + column] * result[column] }
            result[row] = sum / lower[row * dimension + row]
        }
    }
}
