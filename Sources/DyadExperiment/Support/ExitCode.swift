/// Exit codes (sysexits): 0 success, 64 usage, 65 invalid data, 74 I/O, 1 anything else,
/// 130/143 interrupted by SIGINT/SIGTERM.
public enum ExitCode {
    public static let success: Int32 = 0
    public static let failure: Int32 = 1
    public static let usage: Int32 = 64
    public static let invalidData: Int32 = 65
    public static let ioError: Int32 = 74
    public static let interrupted: Int32 = 130
    public static let terminated: Int32 = 143
}
