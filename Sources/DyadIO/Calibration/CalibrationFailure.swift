import DyadExperiment

/// A calibration that cannot start or cannot produce a posterior because of its inputs (invalid
/// problem or settings, or no simulation of the prior with finite statistics): exit code 65.
package struct CalibrationFailure: DyadSimError, Equatable {
    /// What went wrong, as a sentence.
    package let message: String

    /// A failure with `message`.
    package init(_ message: String) { self.message = message }

    /// `error: <file>: <message>`.
    package var lines: [String] { ["error: " + message] }

    /// 65: invalid input.
    package var exitCode: Int32 { ExitCode.invalidData }
}
