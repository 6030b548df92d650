import DyadBenchmarks

BenchmarkCommand.main(Array(CommandLine.arguments.dropFirst()))
