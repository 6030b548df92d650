import DyadExperiment

/// Decimal text for validation details. DyadValidation has no Foundation, so this replaces
/// `String(format:)`.
enum ValidationText {
    /// `value` with `digits` decimals (round half away from zero on the binary value; "NA" for
    /// NaN, "inf"/"-inf" for infinities).
    static func fixed(_ value: Double, _ digits: Int) -> String {
        if value.isNaN { return "NA" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        var scale: UInt64 = 1
        for _ in 0..<max(0, digits) { scale *= 10 }
        let scaled = (value.magnitude * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e18 else { return ShortestDecimal.descriptionText(value) }
        let units = UInt64(scaled)
        let sign = value < 0 && units > 0 ? "-" : ""
        guard digits > 0 else { return "\(sign)\(units)" }
        var fraction = String(units % scale)
        while fraction.count < digits { fraction = "0" + fraction }
        return "\(sign)\(units / scale).\(fraction)"
    }

    /// Like ``fixed(_:_:)`` with an explicit "+" for positive values that do not round to 0.
    static func signed(_ value: Double, _ digits: Int) -> String {
        let text = fixed(value, digits)
        return value > 0 && text.contains(where: { $0 >= "1" && $0 <= "9" }) ? "+" + text : text
    }

    /// "value (se SE)" with the same number of decimals.
    static func withError(_ estimate: ValidationEstimate, _ digits: Int, signed: Bool = false) -> String {
        (signed ? self.signed(estimate.value, digits) : fixed(estimate.value, digits))
            + " (se \(fixed(estimate.standardError, digits)))"
    }
}
