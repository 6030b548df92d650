/// Text from outside (file contents, keys, names, paths, flag values) made safe to show in a
/// one-line message: control characters are escaped, and excerpts are capped in length.
///
/// Escaped are the C0 controls U+0000–U+001F (ESC included), DEL U+007F, the C1 controls
/// U+0080–U+009F, the line and paragraph separators U+2028/U+2029 and the bidirectional
/// overrides U+202A–U+202E and U+2066–U+2069 (which can make a terminal show text other than
/// what it holds). `\n`, `\r` and `\t` are written as such, the others as `\u{1B}`. A message
/// built from escaped parts is one line however hostile the input.
public enum EscapedText {
    /// Default excerpt length in characters (after escaping), "..." included.
    public static let excerptLength = 40

    /// Whether `scalar` is a character `escaped(_:)` rewrites.
    public static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds a character that `escaped(_:)` rewrites.
    public static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: needsEscaping)
    }

    /// `text` with every control character escaped (see the type's summary); O(n).
    public static func escaped(_ text: String) -> String {
        guard hasControlCharacters(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscaping(scalar) else {
                result.append(scalar)
                continue
            }
            let replacement: String
            switch scalar {
            case "\n": replacement = "\\n"
            case "\r": replacement = "\\r"
            case "\t": replacement = "\\t"
            default: replacement = "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            result.append(contentsOf: replacement.unicodeScalars)
        }
        return String(result)
    }

    /// A short excerpt: `text` escaped and cut to `limit` characters (ending in "..." when cut).
    /// Only the first `4 * limit` scalars are looked at, so a huge input costs O(limit).
    public static func excerpt(_ text: String, limit: Int = excerptLength) -> String {
        let bounded = limit < 4 ? 4 : limit
        var head = String.UnicodeScalarView()
        var truncated = false
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index >= 4 * bounded {
                truncated = true
                break
            }
            head.append(scalar)
        }
        let escaped = escaped(String(head))
        guard truncated || escaped.count > bounded else { return escaped }
        return String(escaped.prefix(bounded - 3)) + "..."
    }
}
