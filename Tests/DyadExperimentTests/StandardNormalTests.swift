import DyadExperiment
import Testing

/// Reference values computed with mpmath 1.3 at 100 significant digits (`mp.ncdf`, `findroot` on
/// `ncdf` for quantiles) at the exact binary value of each argument (e.g. the double nearest 1.96, not
/// 1.96 itself: Φ far in a tail is sensitive to the last bit of x) and rounded to 20 digits.
/// A dense comparison with mpmath (8,000 points on [−38, 8] and p ∈ [2⁻⁷⁰⁰, 1)) found largest relative
/// errors of 6e-16 for Φ, 7e-16 for ln Φ and 6e-16 for Φ⁻¹.
@Suite("Standard normal")
struct StandardNormalTests {
    static func relativeError(_ value: Double, _ reference: Double) -> Double {
        reference == 0 ? value.magnitude : ((value - reference) / reference).magnitude
    }

    static let lowerCDF: [(Double, Double)] = [
        (-37.5, 4.6053530095819548438e-308), (-37, 5.7255712225245768227e-300), (-30, 4.9067139271481870595e-198),
        (-20, 2.7536241186062336951e-89), (-10, 7.6198530241605260660e-24), (-8, 6.2209605742717841235e-16),
        (-5.6, 1.0717590258310929320e-8), (-5, 2.8665157187919391167e-7), (-3, 1.3498980316300945267e-3),
        (-1.96, 0.024997895148220436213), (-1, 0.15865525393145705141), (-0.7, 0.24196365222307302862),
        (-0.5, 0.30853753872598689636), (-0.1, 0.46017216272297101633), (-1e-3, 0.49960105778608893741),
        (0, 0.5), (1e-3, 0.50039894221391106259), (0.3, 0.61791142218895263307), (0.6, 0.72574688224992641231),
        (0.7, 0.75803634777692697138), (1, 0.84134474606854294859), (1.96, 0.97500210485177956379),
        (3, 0.99865010196836990547),
    ]

    static let upperCDF: [(Double, Double)] = [
        (1.96, 0.024997895148220436213), (3, 1.3498980316300945267e-3), (5, 2.8665157187919391167e-7),
        (5.6, 1.0717590258310929320e-8), (8, 6.2209605742717841235e-16), (8.5, 9.4795348222033183542e-18),
        (10, 7.6198530241605260660e-24), (20, 2.7536241186062336951e-89), (37, 5.7255712225245768227e-300),
    ]

    @Test("Φ and Φᶜ match 100-digit references to 1e-15 relative, from −37.5 to 37 (Φ(1.96) = 0.9750021048517796)")
    func cumulativeDistribution() {
        var worst = 0.0
        for (x, reference) in Self.lowerCDF {
            let error = Self.relativeError(StandardNormal.cdf(x), reference)
            worst = max(worst, error)
            #expect(error < 1e-15, "Φ(\(x)) = \(StandardNormal.cdf(x)), reference \(reference)")
        }
        for (x, reference) in Self.upperCDF {
            let error = Self.relativeError(StandardNormal.complementaryCDF(x), reference)
            worst = max(worst, error)
            #expect(error < 1e-15, "Φᶜ(\(x)) = \(StandardNormal.complementaryCDF(x)), reference \(reference)")
        }
        print("Φ, Φᶜ: largest relative error \(worst)")
        // Φᶜ(38) ≈ 2.885e-316 is subnormal: only about 8 significant digits are representable.
        #expect(Self.relativeError(StandardNormal.complementaryCDF(38) * 1e300, 2.8854283600687843084e-16) < 1e-7)
        #expect(StandardNormal.cdf(-40) == 0 && StandardNormal.cdf(40) == 1)
        #expect(StandardNormal.cdf(-.infinity) == 0 && StandardNormal.cdf(.infinity) == 1)
        #expect(StandardNormal.cdf(.nan).isNaN)
    }

    @Test("ln Φ is finite and accurate far beyond the underflow of Φ (ln Φ(−10⁵) ≈ −5·10⁹)")
    func logCumulativeDistribution() {
        let references: [(Double, Double)] = [
            (-40, -804.60844201375378817), (-100, -5.0055242086942050886e+3), (-1000, -5.0000782669481218431e+5),
            (-1e5, -5.0000000124318639983e+9), (-3, -6.6077262215103495433), (-0.5, -1.1759117615936186089),
            (0.5, -0.36894641528865639307), (3, -1.3508099647481937988e-3), (10, -7.6198530241605260660e-24),
        ]
        for (x, reference) in references {
            let value = StandardNormal.logCDF(x)
            #expect(Self.relativeError(value, reference) < 2e-15, "ln Φ(\(x)) = \(value)")
        }
        #expect(StandardNormal.logComplementaryCDF(1000) == StandardNormal.logCDF(-1000))
    }

    @Test("Φ⁻¹ matches references to 1e-15 relative from p = 1e-300 to 1 − 1e-6 (Φ⁻¹(0.975) = 1.959963984540054)")
    func quantile() {
        let references: [(Double, Double)] = [
            (1e-300, -37.047096299361199237), (1e-100, -21.273453560965324294), (1e-20, -9.2623400897984075796),
            (1e-10, -6.3613409024040561991), (0.001, -3.0902323061678135354), (0.025, -1.9599639845400542118),
            (0.075, -1.4395314709384559349), (0.3, -0.52440051270804081597), (0.5, 0), (0.7, 0.52440051270804065631),
            (0.925, 1.4395314709384562291), (0.975, 1.9599639845400538556), (0.999, 3.0902323061678132778),
            (0.999999, 4.7534243088170877657),
        ]
        var worst = 0.0
        for (p, reference) in references {
            let error = Self.relativeError(StandardNormal.quantile(p), reference)
            worst = max(worst, error)
            #expect(error < 1e-15, "Φ⁻¹(\(p)) = \(StandardNormal.quantile(p)), reference \(reference)")
        }
        print("Φ⁻¹: largest relative error \(worst)")
        #expect(StandardNormal.quantile(0) == -.infinity && StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(-0.1).isNaN && StandardNormal.quantile(1.1).isNaN)
        #expect(StandardNormal.quantile(.nan).isNaN)
        #expect(StandardNormal.quantile(Double.leastNonzeroMagnitude).isFinite)
    }

    @Test("the quantile of a log-probability reaches far below the smallest double (ln p = −10⁵ → x = −447.2)")
    func logProbabilityQuantile() {
        let references: [(Double, Double)] = [
            (-1000, -44.615747731969403020), (-1e4, -141.37983987312716370), (-1e5, -447.19789367852505149),
            (-800, -39.884694838256677568), (-50, -9.6748252836123565088), (-1, -0.33747496376420245528),
            (-0.01, 2.3282217375371756864), (-1e-10, 6.3613409024117348232),
        ]
        for (logP, reference) in references {
            let x = StandardNormal.quantile(logProbability: logP)
            #expect(Self.relativeError(x, reference) < 4e-15, "ln p = \(logP): x = \(x), reference \(reference)")
        }
        #expect(StandardNormal.quantile(logProbability: 0) == .infinity)
        #expect(StandardNormal.quantile(logProbability: 0.5).isNaN)
    }

    @Test("Φ⁻¹(Φ(x)) = x to 1e-14 relative on [−37, −0.01] and by symmetry on the upper side")
    func roundTrip() {
        var worst = 0.0
        var x = -37.0
        while x < -0.01 {
            let error = Self.relativeError(StandardNormal.quantile(StandardNormal.cdf(x)), x)
            worst = max(worst, error)
            #expect(error < 1e-14, "x = \(x)")
            x += 0.0173
        }
        for logP in stride(from: -1e5, to: -1.0, by: 997.3) {
            let error = Self.relativeError(StandardNormal.logCDF(StandardNormal.quantile(logProbability: logP)), logP)
            #expect(error < 1e-14, "ln p = \(logP)")
        }
        print("Φ⁻¹(Φ(x)): largest relative error \(worst)")
    }

    @Test("the density and hazard match their definitions; the hazard grows like x + 1/x without overflow")
    func densityAndHazard() {
        #expect(Self.relativeError(StandardNormal.density(0), 0.398942280401432677939946059934) < 1e-15)
        #expect(Self.relativeError(StandardNormal.density(30), 1.4736461348785475190e-196) < 1e-14)
        #expect(StandardNormal.density(40) == 0 && StandardNormal.density(-1e300) == 0)
        for x in [-3.0, -0.2, 0.5, 1, 2, 5, 9] {
            let direct = StandardNormal.density(x) / StandardNormal.complementaryCDF(x)
            #expect(Self.relativeError(StandardNormal.hazard(x), direct) < 1e-14, "x = \(x)")
        }
        let far = StandardNormal.hazard(1e6)
        #expect(Self.relativeError(far, 1e6 + 1e-6) < 1e-15)
    }
}
