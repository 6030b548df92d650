import Foundation

/// Axis ticks at "nice" numbers (1, 2 or 5 times a power of ten), after P. S. Heckbert,
/// "Nice numbers for graph labels", Graphics Gems (1990).
///
/// With `loose` the axis domain is widened to the outermost ticks (the data sit inside tick
/// marks at both ends); otherwise the domain is the data range and only ticks inside it are kept.
/// Labels use the same number of decimals throughout, max(0, −⌊log₁₀ step⌋), and a true minus sign.
package struct NiceTicks: Equatable, Sendable {
    /// Tick values, ascending.
    package let values: [Double]
    /// Distance between ticks.
    package let step: Double
    /// The axis domain: the outermost ticks (loose) or the data range (tight).
    package let lower: Double
    /// The upper end of the axis domain (see ``lower``).
    package let upper: Double
    /// Decimals in the labels.
    package let fractionDigits: Int

    /// Largest magnitude an axis shows; data beyond it (never a DyadSim value, but a damaged
    /// file may hold one) are clamped, so that the range and the step stay finite.
    static let largestMagnitude = 1e300

    /// Ticks for data in `minimum...maximum`, aiming at about `count` ticks (≥ 2).
    package init(minimum: Double, maximum: Double, count: Int = 5, loose: Bool = true) {
        precondition(minimum.isFinite && maximum.isFinite && minimum <= maximum && count >= 2)
        var low = min(max(minimum, -Self.largestMagnitude), Self.largestMagnitude)
        var high = min(max(maximum, -Self.largestMagnitude), Self.largestMagnitude)
        if high - low < 1e-12 * max(1, abs(low)) {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let range = Self.niceNumber(high - low, rounded: false)
        let step = Self.niceNumber(range / Double(count - 1), rounded: true)
        let first = (low / step + 1e-9).rounded(.down) * step
        let last = (high / step - 1e-9).rounded(.up) * step
        var values: [Double] = []
        var index = 0.0
        while first + index * step <= last + step * 1e-9 {
            let value = Self.clean(first + index * step, step: step)
            if loose || (value >= low - step * 1e-9 && value <= high + step * 1e-9) { values.append(value) }
            index += 1
        }
        if values.count < 2 || !step.isFinite || step <= 0 { values = [low, high] }
        self.values = values
        self.step = step.isFinite && step > 0 ? step : high - low
        lower = loose ? values[0] : low
        upper = loose ? values[values.count - 1] : high
        fractionDigits = Self.decimals(self.step)
    }

    /// max(0, −⌊log₁₀ step⌋), at most 20 (no trapping conversion for any step).
    private static func decimals(_ step: Double) -> Int {
        let exponent = log10(step).rounded(.down)
        guard exponent.isFinite else { return 0 }
        return Int(max(0, min(20, -exponent)))
    }

    /// The labels of ``values``.
    package var labels: [String] { values.map { Self.label($0, fractionDigits: fractionDigits) } }

    /// `value` with `fractionDigits` decimals and U+2212 for negative numbers ("−0.25").
    package static func label(_ value: Double, fractionDigits: Int) -> String {
        let text = String(format: "%.\(fractionDigits)f", value)
        guard text.hasPrefix("-") else { return text }
        let isZero = text.allSatisfy { $0 == "-" || $0 == "0" || $0 == "." }
        return isZero ? String(text.dropFirst()) : "\u{2212}" + text.dropFirst()
    }

    /// The nice number near `value` > 0: with `rounded` the closest of 1, 2, 5, 10 × 10^k, else the
    /// smallest of them not below `value`.
    /// Comparisons allow a relative 1e-9 so that rounding noise (0.55 − 0.45 = 0.10000000000000009)
    /// does not push a value into the next class.
    package static func niceNumber(_ value: Double, rounded: Bool) -> Double {
        let slack = 1e-9
        let exponent = (log10(value) + slack).rounded(.down)
        let power = pow(10, exponent)
        let fraction = value / power
        let nice: Double
        if rounded {
            nice = fraction < 1.5 - slack ? 1 : fraction < 3 - slack ? 2 : fraction < 7 - slack ? 5 : 10
        } else {
            nice = fraction <= 1 + slack ? 1 : fraction <= 2 + slack ? 2 : fraction <= 5 + slack ? 5 : 10
        }
        return nice * power
    }

    /// Removes floating-point noise (0.30000000000000004 → 0.3) by rounding to the step's decimals.
    private static func clean(_ value: Double, step: Double) -> Double {
        let digits = decimals(step) + 2
        let scale = pow(10, Double(min(digits, 15)))
        return (value * scale).rounded() / scale
    }
}
