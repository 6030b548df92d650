import DyadCore
import DyadExperiment
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ScenarioDecoder {
    /// Largest design file read: 64 MiB (a million points of a few columns take about 30 MiB).
    static let maximumDesignFileBytes = 64 << 20

    /// Reads `sweep.design_file`. The path is relative to the scenario file's folder and stays
    /// inside that folder's tree: absolute paths, `..` and symbolic links leading out are refused,
    /// so a scenario cannot make DyadSim read (and quote in an error) any other file. Only a
    /// regular file of at most ``maximumDesignFileBytes`` is read.
    mutating func loadDesign(_ file: String, at path: FieldPath, scenario: Scenario) -> DesignTable? {
        let components = file.split(separator: "/", omittingEmptySubsequences: true)
        guard !file.hasPrefix("/"), !components.isEmpty, !components.contains("..") else {
            report(
                path, "\"\(Self.clipped(file))\" is not a path inside the scenario's folder",
                allowed: "a path relative to the scenario file, without .., e.g. designs/points.csv")
            return nil
        }
        let location = (baseDirectory as NSString).appendingPathComponent(file)
        if let real = Self.realPath(location), let base = Self.realPath(baseDirectory),
            real != base && !real.hasPrefix(base.hasSuffix("/") ? base : base + "/")
        {
            report(
                path, "\"\(Self.clipped(file))\" leads outside the scenario's folder (through a symbolic link)",
                allowed: "a file inside the scenario's folder")
            return nil
        }
        switch InputFile.read(location, limit: Self.maximumDesignFileBytes) {
        case .success(let bytes):
            return parseDesign(bytes, file: file, at: path, scenario: scenario)
        case .failure(let failure):
            report(path, "cannot read \"\(Self.clipped(file))\": \(failure.reason)")
            return nil
        }
    }

    /// The canonical absolute path (symbolic links resolved), or nil if it does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Parses a design CSV: a header of sweep paths, one point per row; blank lines and lines
    /// starting with `#` are skipped. At most ``Limits/maximumPoints`` rows.
    mutating func parseDesign(_ bytes: [UInt8], file: String, at path: FieldPath, scenario: Scenario) -> DesignTable? {
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            report(path, "cannot read \"\(Self.clipped(file))\": it is not readable UTF-8 text")
            return nil
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var contentLines: [(offset: Int, element: String)] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard contentLines.count <= Limits.maximumPoints else {
                report(
                    path, "\"\(Self.clipped(file))\" has more than \(Limits.maximumPoints) rows",
                    allowed: "at most \(Limits.maximumPoints) points")
                return nil
            }
            contentLines.append((index, trimmed))
        }
        guard let header = contentLines.first else {
            report(path, "\"\(Self.clipped(file))\" is empty", allowed: "a header of sweep paths and at least one row")
            return nil
        }
        let names = header.element.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        guard names.count <= Limits.maximumSweptPaths else {
            report(
                path, "\"\(Self.clipped(file))\" names \(names.count) sweep paths",
                allowed: "at most \(Limits.maximumSweptPaths)")
            return nil
        }
        var columns: [SweepPath] = []
        for name in names {
            guard let parsed = sweepPath(name, at: path.key(name), scenario: scenario) else { return nil }
            columns.append(parsed)
        }
        var rows: [[Double]] = []
        rows.reserveCapacity(contentLines.count - 1)
        for (lineIndex, line) in contentLines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count == columns.count else {
                report(
                    path,
                    "\(Self.clipped(file)) line \(lineIndex + 1) has \(cells.count) values but the header names \(columns.count) paths"
                )
                return nil
            }
            var row: [Double] = []
            for (cell, column) in zip(cells, columns) {
                let range = column.validRange(in: scenario)
                guard let value = Double(cell), value.isFinite else {
                    report(
                        path,
                        "\(Self.clipped(file)) line \(lineIndex + 1), column \(column.text): \"\(Self.clipped(cell))\" is not a number"
                    )
                    return nil
                }
                guard range.contains(value), !column.isInteger || value == value.rounded() else {
                    report(
                        path,
                        "\(Self.clipped(file)) line \(lineIndex + 1), column \(column.text): \(Self.clipped(cell)) is out of range",
                        allowed: column.isInteger ? "whole numbers in \(Self.text(range))" : Self.text(range))
                    return nil
                }
                row.append(value)
            }
            rows.append(row)
        }
        guard !rows.isEmpty else {
            report(path, "\"\(Self.clipped(file))\" has a header but no rows", allowed: "at least one row")
            return nil
        }
        return DesignTable(source: file, columns: columns, rows: rows)
    }
}
