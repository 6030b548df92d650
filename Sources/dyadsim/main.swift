import DyadCLI
import Foundation

exit(DyadSimCommandLine.main(Array(CommandLine.arguments.dropFirst()), console: .standard()))
