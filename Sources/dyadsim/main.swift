import DyadCLI
import Foundation

// A file-size limit (ulimit -f) or a full quota must give an I/O error, not kill the process.
signal(SIGXFSZ, SIG_IGN)
exit(DyadSimCommandLine.main(Array(CommandLine.arguments.dropFirst()), console: .standard()))
