/// Saltelli's sampling scheme on a ``SobolSequence`` (Saltelli 2002; Saltelli et al. 2010).
enum Saltelli {
    /// Rows in [0, 1)^d in SALib's order for `calc_second_order = True`: for each base sample
    /// j: A_j, AB_j^(1…d), BA_j^(1…d), B_j.
    static func unitRows(baseCount: Int, dimensions: Int, skip: Int) -> [[Double]] {
        let sequence = SobolSequence(dimensions: 2 * dimensions)
        var rows: [[Double]] = []
        rows.reserveCapacity(baseCount * (2 * dimensions + 2))
        for index in 0..<baseCount {
            let point = sequence.point(index + 1 + skip)
            let a = Array(point[0..<dimensions]), b = Array(point[dimensions..<(2 * dimensions)])
            rows.append(a)
            for k in 0..<dimensions {
                var ab = a
                ab[k] = b[k]
                rows.append(ab)
            }
            for k in 0..<dimensions {
                var ba = b
                ba[k] = a[k]
                rows.append(ba)
            }
            rows.append(b)
        }
        return rows
    }
}
