/// Exit codes (sysexits): 0 success, 64 usage, 65 invalid data, 74 I/O, 1 anything else,
/// 130/143 interrupted by SIGINT/SIGTERM.
public enum ExitCode {
    /// 0: the command did what was asked.
    public static let success: Int32 = 0
    /// 1: anything not covered below (an internal failure).
    public static let failure: Int32 = 1
    /// 64: bad command-line usage (unknown flag, missing argument).
    public static let usage: Int32 = 64
    /// 65: invalid input data (scenario, design file, results directory).
    public static let invalidData: Int32 = 65
    /// 74: a file could not be read or written.
    public static let ioError: Int32 = 74
    /// 130: interrupted by SIGINT (128 + 2).
    public static let interrupted: Int32 = 130
    /// 143: terminated by SIGTERM (128 + 15).
    public static let terminated: Int32 = 143
}
