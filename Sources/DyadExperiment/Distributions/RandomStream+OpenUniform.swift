import DyadCore

extension RandomStream {
    /// A uniform draw in the open interval (0, 1): (k + ½)·2⁻⁵³ for 53 random bits k, so an inverse
    /// CDF never sees 0 or 1 (which map to infinite quantiles for unbounded distributions).
    public mutating func openUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }
}
