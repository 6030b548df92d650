import DyadCore
import DyadExperiment
import DyadIO
import Testing

@Suite("Run records and number text")
struct RecordAndFormatTests {
    @Test("shortest round-trip numbers, whole numbers without a point, NA for NaN")
    func numberText() {
        #expect(NumberText.shortest(0.1) == "0.1")
        #expect(NumberText.shortest(3) == "3")
        #expect(NumberText.shortest(-2) == "-2")
        #expect(NumberText.shortest(1e-7) == "1e-07")
        #expect(NumberText.shortest(.nan) == "NA")
        #expect(NumberText.shortest(0.7354336672718882) == "0.7354336672718882")
        for value in [0.1 + 0.2, 1.0 / 3, 123456.789, 5.53499e-05] {
            #expect(Double(NumberText.shortest(value)) == value)
        }
    }
}
