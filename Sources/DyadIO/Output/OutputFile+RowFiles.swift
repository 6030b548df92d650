import DyadExperiment

extension OutputFile {
    /// The files made of per-run blocks of rows (a fragment per run while running, concatenated
    /// in run order into the final file; every row starts with `sweep_point,replicate,`), in
    /// the order they are written and listed in the manifest.
    static let rowFiles: [OutputFile] = [.couples, .partners, .daily, .traces]

    /// Whether this is one of ``rowFiles``.
    var isRowFile: Bool { Self.rowFiles.contains(self) }

    /// Whether a scenario with these `outputs` writes this file (always for the summary files).
    func isWritten(by outputs: OutputSettings) -> Bool {
        switch self {
        case .couples: outputs.couples
        case .partners: outputs.partners
        case .daily: outputs.daily
        case .traces: outputs.traces != nil
        case .runs, .effects, .summary, .points: true
        }
    }

    /// The row files a scenario with these `outputs` writes, in file order.
    static func rowFiles(for outputs: OutputSettings) -> [OutputFile] {
        rowFiles.filter { $0.isWritten(by: outputs) }
    }
}
