enum MergeCommand: Command {
    static let specification = CommandSpecification(name: "merge", valueFlags: ["--out"], switches: ["--force"], positionalRange: (1, nil), usage: "dyadsim merge <dir>... --out DIR", summary: "merge shard outputs", details: "")
    static func execute(_ arguments: ParsedArguments, context: CommandContext) -> Int32 { 1 }
}
