import DyadCLI
import Foundation

// A file-size limit (ulimit -f) or a full quota must give an I/O error, not kill the process;
// so must a reader of a pipe that went away (EPIPE instead of SIGPIPE).
signal(SIGXFSZ, SIG_IGN)
signal(SIGPIPE, SIG_IGN)
exit(DyadSimCommandLine.main(Array(CommandLine.arguments.dropFirst()), console: .standard()))
