import DyadJSON5
import Foundation
import Testing

@Suite("JSON5 parser")
struct JSON5ParserTests {
    // MARK: Valid documents

    /// A JSON5 source and its tree rendered by `render(_:)`.
    struct ValidCase: Sendable, CustomTestStringConvertible {
        let source: String
        let rendering: String
        var testDescription: String { source.debugDescription }
    }

    static let validDocuments: [ValidCase] = [
        ValidCase(source: "{}", rendering: "{}"),
        ValidCase(source: "[]", rendering: "[]"),
        ValidCase(source: "  null  ", rendering: "null"),
        ValidCase(source: "true", rendering: "true"),
        ValidCase(source: "'top-level string'", rendering: #""top-level string""#),
        ValidCase(source: "// leading comment\n{a: 1} // trailing comment", rendering: #"{"a": 1.0}"#),
        ValidCase(source: "/* block\n comment */ [ /* inside */ true, /**/ false ]", rendering: "[true, false]"),
        ValidCase(source: "[1 // first\n, 2 /* second */]", rendering: "[1.0, 2.0]"),
        ValidCase(source: "{a: 1, b: 2,}", rendering: #"{"a": 1.0, "b": 2.0}"#),
        ValidCase(source: "[1, 2, 3,]", rendering: "[1.0, 2.0, 3.0]"),
        ValidCase(source: "[[],]", rendering: "[[]]"),
        ValidCase(
            source: "{$id: 1, _private: 2, camelCase3: 3, ünïcödé: 4, 变量: 5}",
            rendering: #"{"$id": 1.0, "_private": 2.0, "camelCase3": 3.0, "ünïcödé": 4.0, "变量": 5.0}"#),
        ValidCase(
            source: #"{'single': 'quotes', "double": "quotes"}"#,
            rendering: #"{"single": "quotes", "double": "quotes"}"#),
        ValidCase(
            source: #"['it\'s', "say \"hi\"", 'inner "double"', "inner 'single'"]"#,
            rendering: #"["it\'s", "say \"hi\"", "inner \"double\"", "inner \'single\'"]"#),
        ValidCase(source: "[0x1F, .5, 5., +1, -Infinity, NaN]", rendering: "[31.0, 0.5, 5.0, 1.0, -inf, nan]"),
        ValidCase(
            source: "{a: [{b: {c: [[], {}]}}], d: {e: null}}",
            rendering: #"{"a": [{"b": {"c": [[], {}]}}], "d": {"e": null}}"#),
        ValidCase(source: "{a: 1, b: 2, a: 3}", rendering: #"{"a": 1.0, "b": 2.0, "a": 3.0}"#),
        ValidCase(source: "\u{A0}\u{FEFF}\u{2003}\u{3000}[\u{B}1\u{C}]\u{2029}\r\n", rendering: "[1.0]"),
        ValidCase(source: "['a\u{2028}b\u{2029}c']", rendering: "[\"a\u{2028}b\u{2029}c\"]"),
        ValidCase(source: "{a:{b:{c:1}}}", rendering: #"{"a": {"b": {"c": 1.0}}}"#),
        ValidCase(source: "[true,false,null]", rendering: "[true, false, null]"),
        ValidCase(source: "{'': 'empty key', \"with space\": 1}", rendering: #"{"": "empty key", "with space": 1.0}"#),
        ValidCase(
            source: "{null: 1, true: 2, Infinity: 3, NaN: 4}",
            rendering: #"{"null": 1.0, "true": 2.0, "Infinity": 3.0, "NaN": 4.0}"#),
        ValidCase(source: "/**/1/**/", rendering: "1.0"),
        ValidCase(source: "1//no line break at the end", rendering: "1.0"),
        ValidCase(source: "\u{FEFF}{a: 1}", rendering: #"{"a": 1.0}"#),
    ]

    @Test("valid documents parse to the expected tree", arguments: validDocuments)
    func validDocument(_ example: ValidCase) throws {
        let root = try JSON5Parser.parse(example.source)
        #expect(render(root) == example.rendering)
    }

    /// A JSON5 number literal and what it parses to.
    struct NumberCase: Sendable, CustomTestStringConvertible {
        let source: String
        let value: Double
        let isInteger: Bool
        var testDescription: String { source }
    }

    static let numbers: [NumberCase] = [
        NumberCase(source: "0", value: 0, isInteger: true),
        NumberCase(source: "-0", value: -0.0, isInteger: true),
        NumberCase(source: "+1", value: 1, isInteger: true),
        NumberCase(source: "42", value: 42, isInteger: true),
        NumberCase(source: "1.5", value: 1.5, isInteger: false),
        NumberCase(source: ".5", value: 0.5, isInteger: false),
        NumberCase(source: "5.", value: 5, isInteger: false),
        NumberCase(source: "1.e2", value: 100, isInteger: false),
        NumberCase(source: "-.25e+2", value: -25, isInteger: false),
        NumberCase(source: "1E3", value: 1000, isInteger: false),
        NumberCase(source: "2e-3", value: 0.002, isInteger: false),
        NumberCase(source: "0.1", value: 0.1, isInteger: false),
        NumberCase(source: "9007199254740993", value: 9_007_199_254_740_992, isInteger: true),
        NumberCase(source: "0x1F", value: 31, isInteger: true),
        NumberCase(source: "0XaBc", value: 2748, isInteger: true),
        NumberCase(source: "-0x10", value: -16, isInteger: true),
        NumberCase(source: "+0x10", value: 16, isInteger: true),
        NumberCase(source: "0xFFFFFFFFFFFFFFFF", value: 18_446_744_073_709_551_616, isInteger: true),
        NumberCase(source: "0x10000000000000000", value: .infinity, isInteger: true),
        NumberCase(source: "-0x10000000000000000", value: -.infinity, isInteger: true),
        NumberCase(source: "1e400", value: .infinity, isInteger: false),
        NumberCase(source: "-1e400", value: -.infinity, isInteger: false),
        NumberCase(source: "1e-400", value: 0, isInteger: false),
        NumberCase(source: "Infinity", value: .infinity, isInteger: false),
        NumberCase(source: "+Infinity", value: .infinity, isInteger: false),
        NumberCase(source: "-Infinity", value: -.infinity, isInteger: false),
        NumberCase(source: "NaN", value: .nan, isInteger: false),
        NumberCase(source: "-NaN", value: .nan, isInteger: false),
    ]

    @Test("numbers keep their literal, value and integer flag", arguments: numbers)
    func number(_ example: NumberCase) throws {
        let root = try JSON5Parser.parse("[ \(example.source) ]")
        guard case .array(let elements) = root.value, case .number(let number) = elements.first?.value else {
            Issue.record("expected an array holding one number, got \(render(root))")
            return
        }
        #expect(number.literal == example.source)
        #expect(number.isInteger == example.isInteger)
        if example.value.isNaN {
            #expect(number.value.isNaN)
        } else {
            #expect(number.value == example.value)
            #expect(number.value.sign == example.value.sign)
        }
        #expect(elements.first?.position == SourcePosition(line: 1, column: 3))
    }

    /// A JSON5 string literal and the string it stands for.
    struct StringCase: Sendable, CustomTestStringConvertible {
        let source: String
        let value: String
        var testDescription: String { source.debugDescription }
    }

    static let strings: [StringCase] = [
        StringCase(source: #""""#, value: ""),
        StringCase(source: #"'\b\f\n\r\t\v'"#, value: "\u{8}\u{C}\n\r\t\u{B}"),
        StringCase(source: #"'\0'"#, value: "\u{0}"),
        StringCase(source: #"'\0x'"#, value: "\u{0}x"),
        StringCase(source: #"'\/\\\'\"'"#, value: #"/\'""#),
        StringCase(source: #"'\x41\xe9'"#, value: "Aé"),
        StringCase(source: #"'\u0041\u00E9\u4e2d'"#, value: "Aé中"),
        StringCase(source: #"'\uD83D\uDE00'"#, value: "😀"),
        StringCase(source: #"'\u0000'"#, value: "\u{0}"),
        StringCase(source: #"'\a\q\é\$\😀'"#, value: "aqé$😀"),
        StringCase(source: "'line \\\ncontinued'", value: "line continued"),
        StringCase(source: "'crlf \\\r\ncontinued'", value: "crlf continued"),
        StringCase(source: "'cr \\\rcontinued'", value: "cr continued"),
        StringCase(source: "'separator \\\u{2028}continued'", value: "separator continued"),
        StringCase(source: "'raw\ttab and \u{1} control'", value: "raw\ttab and \u{1} control"),
        StringCase(source: #""it's""#, value: "it's"),
        StringCase(source: #"'say "hi"'"#, value: #"say "hi""#),
        StringCase(source: "'été 😀 中文'", value: "été 😀 中文"),
    ]

    @Test("strings resolve every JSON5 escape", arguments: strings)
    func string(_ example: StringCase) throws {
        let root = try JSON5Parser.parse(example.source)
        #expect(root.value == .string(example.value))
    }

    /// An object source and its single key.
    struct KeyCase: Sendable, CustomTestStringConvertible {
        let source: String
        let key: String
        var testDescription: String { source.debugDescription }
    }

    static let keys: [KeyCase] = [
        KeyCase(source: "{plain: 0}", key: "plain"),
        KeyCase(source: "{$: 0}", key: "$"),
        KeyCase(source: "{_: 0}", key: "_"),
        KeyCase(source: "{snake_case_2: 0}", key: "snake_case_2"),
        KeyCase(source: #"{\u0061b: 0}"#, key: "ab"),
        KeyCase(source: #"{a\u0062: 0}"#, key: "ab"),
        KeyCase(source: "{a\u{301}: 0}", key: "a\u{301}"),
        KeyCase(source: "{x\u{200D}y: 0}", key: "x\u{200D}y"),
        KeyCase(source: "{ⅻ: 0}", key: "ⅻ"),
        KeyCase(source: #"{"quoted key": 0}"#, key: "quoted key"),
        KeyCase(source: #"{'\u0041\n': 0}"#, key: "A\n"),
    ]

    @Test("keys may be identifier names or quoted strings", arguments: keys)
    func key(_ example: KeyCase) throws {
        let root = try JSON5Parser.parse(example.source)
        guard case .object(let members) = root.value else {
            Issue.record("expected an object, got \(render(root))")
            return
        }
        #expect(members.map(\.key) == [example.key])
    }

    @Test("duplicate keys are kept in file order with their own positions")
    func duplicateKeys() throws {
        let root = try JSON5Parser.parse("{seed: 1,\n seed: 2, other: 3, seed: 4}")
        guard case .object(let members) = root.value else {
            Issue.record("expected an object")
            return
        }
        #expect(members.map(\.key) == ["seed", "seed", "other", "seed"])
        #expect(members.map(\.keyPosition.line) == [1, 2, 2, 2])
        #expect(members.map(\.keyPosition.column) == [2, 2, 11, 21])
    }

    // MARK: Positions

    @Test("nodes and keys carry 1-based lines and columns counted in Unicode scalars")
    func positions() throws {
        let source =
            "{\r\n  // comment\r\n  seed: 42,\n  'name': \"été\",\u{2028}  list: [1,\t2, {x: null}],\r  π: -0x10,\n}"
        let root = try JSON5Parser.parse(source)
        #expect(root.position == SourcePosition(line: 1, column: 1))
        guard case .object(let members) = root.value, members.count == 4 else {
            Issue.record("expected an object with four members, got \(render(root))")
            return
        }
        let keyPositions = members.map { "\($0.key)@\($0.keyPosition)" }
        #expect(keyPositions == ["seed@3:3", "name@4:3", "list@5:3", "π@6:3"])
        let valuePositions = members.map { "\($0.node.position)" }
        #expect(valuePositions == ["3:9", "4:11", "5:9", "6:6"])
        guard case .array(let list) = members[2].node.value, list.count == 3,
            case .object(let inner) = list[2].value, let x = inner.first
        else {
            Issue.record("expected list to hold three elements, the last an object")
            return
        }
        #expect(list.map(\.position.column) == [10, 13, 16])
        #expect(x.keyPosition == SourcePosition(line: 5, column: 17))
        #expect(x.node.position == SourcePosition(line: 5, column: 20))
    }

    @Test("a byte order mark is skipped and does not count as a column")
    func byteOrderMark() throws {
        let root = try JSON5Parser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8))
        #expect(root.position == SourcePosition(line: 1, column: 1))
        guard case .array(let elements) = root.value else {
            Issue.record("expected an array")
            return
        }
        #expect(elements.first?.position == SourcePosition(line: 1, column: 2))
    }

    @Test("positions stay right at the end of a long single-line document")
    func longLine() throws {
        let count = 50_000
        let source = "[" + (0..<count).map { "\($0)" }.joined(separator: ",") + "]"
        let root = try JSON5Parser.parse(source)
        guard case .array(let elements) = root.value, let last = elements.last else {
            Issue.record("expected a non-empty array")
            return
        }
        #expect(elements.count == count)
        #expect(last.position == SourcePosition(line: 1, column: source.unicodeScalars.count - 5))
    }

    @Test("parsing a string and parsing its UTF-8 bytes give the same tree")
    func stringAndBytesAgree() throws {
        let source = "{a: [1, 'é', {b: null}], c: true}"
        #expect(try JSON5Parser.parse(source) == JSON5Parser.parse(Array(source.utf8)))
    }

    @Test("type names and position ordering")
    func conveniences() throws {
        let root = try JSON5Parser.parse("[null, true, 1, 's', [], {}]")
        guard case .array(let elements) = root.value else {
            Issue.record("expected an array")
            return
        }
        #expect(elements.map(\.value.typeName) == ["null", "boolean", "number", "string", "array", "object"])
        #expect(SourcePosition(line: 1, column: 9) < SourcePosition(line: 2, column: 1))
        #expect(SourcePosition(line: 2, column: 1) < SourcePosition(line: 2, column: 2))
        #expect("\(SourcePosition(line: 3, column: 14))" == "3:14")
        let error = JSON5SyntaxError(message: "unterminated string", position: SourcePosition(line: 3, column: 14))
        #expect("\(error)" == "3:14: unterminated string")
    }

    // MARK: Syntax errors

    /// A source that must fail with exactly `message` at `line`:`column`.
    struct SyntaxErrorCase: Sendable, CustomTestStringConvertible {
        let source: String
        let message: String
        let line: Int
        let column: Int
        var testDescription: String { source.count > 60 ? String(source.prefix(60)) + "…" : source.debugDescription }
    }

    static let expectedValue = "expected a value (object, array, string, number, true, false or null)"

    static let syntaxErrors: [SyntaxErrorCase] = [
        SyntaxErrorCase(source: "", message: "the file is empty", line: 1, column: 1),
        SyntaxErrorCase(source: " \n // only a comment\n", message: "the file is empty", line: 1, column: 1),
        SyntaxErrorCase(source: "/* never closed", message: "unterminated comment", line: 1, column: 1),
        SyntaxErrorCase(source: "{a: 1 /* open\n}", message: "unterminated comment", line: 1, column: 7),
        SyntaxErrorCase(source: "'abc", message: "unterminated string", line: 1, column: 1),
        SyntaxErrorCase(source: "{name: \"two\nlines\"}", message: "unterminated string", line: 1, column: 8),
        SyntaxErrorCase(source: "['cr\rline']", message: "unterminated string", line: 1, column: 2),
        SyntaxErrorCase(source: "'abc\\", message: "unterminated string", line: 1, column: 1),
        SyntaxErrorCase(source: "'\\u12", message: "unterminated string", line: 1, column: 1),
        SyntaxErrorCase(source: "[1,,2]", message: "unexpected ','; \(expectedValue)", line: 1, column: 4),
        SyntaxErrorCase(source: "[,]", message: "unexpected ','; \(expectedValue)", line: 1, column: 2),
        SyntaxErrorCase(source: "{a: }", message: "unexpected '}'; \(expectedValue)", line: 1, column: 5),
        SyntaxErrorCase(source: "{a: maybe}", message: "unexpected 'maybe'; \(expectedValue)", line: 1, column: 5),
        SyntaxErrorCase(source: "tru\\u0065", message: "unexpected 'tru\\u0065'; \(expectedValue)", line: 1, column: 1),
        SyntaxErrorCase(source: "[NaNa]", message: "unexpected 'NaNa'; \(expectedValue)", line: 1, column: 2),
        SyntaxErrorCase(source: "/x", message: "unexpected '/x'; \(expectedValue)", line: 1, column: 1),
        SyntaxErrorCase(
            source: "[1 2]", message: "expected ',' or ']' after an array element, found '2'", line: 1, column: 3),
        SyntaxErrorCase(
            source: "[1 \"two words\"]",
            message: "expected ',' or ']' after an array element, found '\"two words\"'", line: 1, column: 3),
        SyntaxErrorCase(
            source: "{a: 1]", message: "expected ',' or '}' after an object member, found ']'", line: 1, column: 6),
        SyntaxErrorCase(
            source: "{a: 1 // comment\n b: 2}",
            message: "expected ',' or '}' after an object member, found 'b' at line 2, column 2", line: 1, column: 6),
        SyntaxErrorCase(
            source: "{\n  seed: 1,\n  arms: [\n    {name: 'a' strength: 2},\n  ],\n}",
            message: "expected ',' or '}' after an object member, found 'strength'", line: 4, column: 15),
        SyntaxErrorCase(
            source: "{\"seed\" 1}", message: "expected ':' after the key \"seed\", found '1'", line: 1, column: 9),
        SyntaxErrorCase(
            source: "{a-b: 1}", message: "expected ':' after the key \"a\", found '-b'", line: 1, column: 3),
        SyntaxErrorCase(source: "{1: 2}", message: "expected a key or '}' in an object, found '1'", line: 1, column: 2),
        SyntaxErrorCase(source: "{,}", message: "expected a key or '}' in an object, found ','", line: 1, column: 2),
        SyntaxErrorCase(source: "[1, 2", message: "unexpected end of the file inside an array", line: 1, column: 6),
        SyntaxErrorCase(source: "[[]\n", message: "unexpected end of the file inside an array", line: 2, column: 1),
        SyntaxErrorCase(source: "{a: 1,", message: "unexpected end of the file inside an object", line: 1, column: 7),
        SyntaxErrorCase(source: "{a", message: "unexpected end of the file inside an object", line: 1, column: 3),
        SyntaxErrorCase(source: "{a:", message: "unexpected end of the file inside an object", line: 1, column: 4),
        SyntaxErrorCase(source: "{} {}", message: "unexpected '{' after the end of the scenario", line: 1, column: 4),
        SyntaxErrorCase(source: "[1,]]", message: "unexpected ']' after the end of the scenario", line: 1, column: 5),
        SyntaxErrorCase(
            source: "\"string\" // fine\n 2", message: "unexpected '2' after the end of the scenario", line: 2,
            column: 2),
        SyntaxErrorCase(
            source: "[1]\u{7}", message: "unexpected '\\u0007' after the end of the scenario", line: 1, column: 4),
        SyntaxErrorCase(
            source: "[1] abcdefghijklmnopqrstuvwxyz",
            message: "unexpected 'abcdefghijklmnopqrst…' after the end of the scenario", line: 1, column: 5),
        SyntaxErrorCase(
            source: "[012]", message: "invalid number '012'; leading zeros are not allowed", line: 1, column: 2),
        SyntaxErrorCase(
            source: "-00.5", message: "invalid number '-00.5'; leading zeros are not allowed", line: 1, column: 1),
        SyntaxErrorCase(
            source: "[0x]", message: "invalid number '0x'; expected hexadecimal digits after '0x'", line: 1, column: 2),
        SyntaxErrorCase(
            source: "[1e]", message: "invalid number '1e'; expected digits in the exponent", line: 1, column: 2),
        SyntaxErrorCase(
            source: "1e+", message: "invalid number '1e+'; expected digits in the exponent", line: 1, column: 1),
        SyntaxErrorCase(
            source: "[-]", message: "invalid number '-'; expected digits, Infinity or NaN after the sign", line: 1,
            column: 2),
        SyntaxErrorCase(
            source: "+-1", message: "invalid number '+-1'; expected digits, Infinity or NaN after the sign", line: 1,
            column: 1),
        SyntaxErrorCase(
            source: "[+Inf]", message: "invalid number '+Inf'; expected digits, Infinity or NaN after the sign",
            line: 1, column: 2),
        SyntaxErrorCase(
            source: "[.]", message: "invalid number '.'; expected digits before or after the decimal point", line: 1,
            column: 2),
        SyntaxErrorCase(
            source: "[1_000]", message: "invalid number '1_000'; expected the number to end after '1'", line: 1,
            column: 2),
        SyntaxErrorCase(
            source: "[0x1G]", message: "invalid number '0x1G'; expected the number to end after '0x1'", line: 1,
            column: 2),
        SyntaxErrorCase(
            source: #"['\1']"#, message: #"invalid escape '\1'; octal escapes are not allowed"#, line: 1, column: 3),
        SyntaxErrorCase(
            source: #"['\07']"#, message: #"invalid escape '\07'; octal escapes are not allowed"#, line: 1, column: 3),
        SyntaxErrorCase(
            source: #"['\x4g']"#, message: #"invalid escape '\x4g'; expected two hexadecimal digits after '\x'"#,
            line: 1, column: 3),
        SyntaxErrorCase(
            source: #"['\u12x4']"#, message: #"invalid escape '\u12x'; expected four hexadecimal digits after '\u'"#,
            line: 1, column: 3),
        SyntaxErrorCase(
            source: #"['\uD83D']"#,
            message: #"unpaired surrogate '\uD83D' in a string; expected a low surrogate escape right after it"#,
            line: 1, column: 3),
        SyntaxErrorCase(
            source: #"['\uDE00\uD83D']"#,
            message: #"unpaired surrogate '\uDE00' in a string; expected a high surrogate escape right before it"#,
            line: 1, column: 3),
        SyntaxErrorCase(
            source: #"{\u0031a: 1}"#,
            message:
                #"invalid escape '\u0031' in an unquoted key; it stands for '1', which cannot start an unquoted key"#,
            line: 1, column: 2),
        SyntaxErrorCase(
            source: #"{a\u002Db: 1}"#,
            message:
                #"invalid escape '\u002D' in an unquoted key; it stands for '-', which cannot appear in an unquoted key"#,
            line: 1, column: 3),
        SyntaxErrorCase(
            source: #"{\uD800: 1}"#,
            message:
                #"invalid escape '\uD800' in an unquoted key; it stands for a lone surrogate, which cannot start an unquoted key"#,
            line: 1, column: 2),
        SyntaxErrorCase(
            source: #"{\x41: 1}"#,
            message: #"invalid escape '\x' in an unquoted key; expected '\u' followed by four hexadecimal digits"#,
            line: 1, column: 2),
        SyntaxErrorCase(
            source: String(repeating: "[", count: 129) + String(repeating: "]", count: 129),
            message: "nesting is deeper than 128 levels", line: 1, column: 129),
        SyntaxErrorCase(
            source: String(repeating: "{a:", count: 300_000), message: "nesting is deeper than 128 levels", line: 1,
            column: 385),
        SyntaxErrorCase(
            source: "{\r\n a: 1,\r\n\u{2028} b: ?}", message: "unexpected '?'; \(expectedValue)", line: 4, column: 5),
        SyntaxErrorCase(
            source: "['a\u{2028}b' x]", message: "expected ',' or ']' after an array element, found 'x'", line: 2,
            column: 3),
        SyntaxErrorCase(
            source: "{'é😀': 1 x}", message: "expected ',' or '}' after an object member, found 'x'", line: 1,
            column: 9),
        SyntaxErrorCase(
            source: "[\n  1,\n  [2, 3]\n  4\n]",
            message: "expected ',' or ']' after an array element, found '4' at line 4, column 3", line: 3, column: 9),
    ]

    @Test("syntax errors read as sentences and point at the right place", arguments: syntaxErrors)
    func syntaxError(_ example: SyntaxErrorCase) {
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5Parser.parse(example.source) }
        #expect(error?.message == example.message)
        #expect(error?.position == SourcePosition(line: example.line, column: example.column))
    }

    /// Bytes that are not valid UTF-8 and the position of the first bad sequence.
    struct EncodingCase: Sendable, CustomTestStringConvertible {
        let bytes: [UInt8]
        let line: Int
        let column: Int
        var testDescription: String { bytes.map { String($0, radix: 16) }.joined(separator: " ") }
    }

    static let encodingErrors: [EncodingCase] = [
        EncodingCase(bytes: [0xFF], line: 1, column: 1),
        EncodingCase(bytes: Array("{a: 1,\n b: '".utf8) + [0xC3, 0x28], line: 2, column: 6),
        EncodingCase(bytes: Array("'é".utf8) + [0xC0, 0x80], line: 1, column: 3),
        EncodingCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], line: 1, column: 2),
        EncodingCase(bytes: [0xF4, 0x90, 0x80, 0x80], line: 1, column: 1),
        EncodingCase(bytes: Array("'abc".utf8) + [0xE2, 0x82], line: 1, column: 5),
        EncodingCase(bytes: [0xEF, 0xBB, 0xBF, 0x80], line: 1, column: 1),
        EncodingCase(bytes: Array("[1]\r\n\r\n".utf8) + [0xF8], line: 3, column: 1),
    ]

    @Test("invalid UTF-8 is reported at its first bad byte before any parsing", arguments: encodingErrors)
    func invalidEncoding(_ example: EncodingCase) {
        let error = #expect(throws: JSON5SyntaxError.self) { try JSON5Parser.parse(example.bytes) }
        #expect(error?.message == "the file is not valid UTF-8 text")
        #expect(error?.position == SourcePosition(line: example.line, column: example.column))
    }

    @Test("nesting up to 128 levels is accepted")
    func deepestNesting() throws {
        let depth = JSON5Parser.maximumDepth
        let root = try JSON5Parser.parse(String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        var levels = 0
        var node = root
        while case .array(let elements) = node.value {
            levels += 1
            guard let first = elements.first else { break }
            node = first
        }
        #expect(levels == 128)
    }

    // MARK: Cross-check with Foundation

    /// Documents inside the common ground of JSON5 and Foundation's JSON5 reader, which departs from
    /// the specification for `\x`, `\v` and `\0` escapes, line continuations, escaped unquoted keys,
    /// raw control characters, U+00A0 and U+FEFF whitespace, and duplicate keys (these are covered
    /// by the tables above instead).
    static let foundationDocuments: [String] = [
        "{}",
        "[]",
        "{a: 1, 'b': [true, false, null], \"c\": {d: 'e'},}",
        "// comment\n[1, -2, +3, .5, 5., 1e3, -2.5E-3, 0x1F, 0XFF, Infinity, -Infinity, NaN, /* x */ ]",
        "{$dollar: 1, _under: 2, ünïcödé: 'ü', 'quoted \\' key': \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}",
        "['\\u0041\\u00e9\\u4E2D\\uD83D\\uDE00', \"😀 été\"]",
        "{nested: [[[{deep: [1, [2, [3]]]}]]], empty: {}, list: [{}, [], '']}",
        "{\n  name: 'trial',\n  seed: 12345678901234567890,\n  arms: [\n    {name: 'control', share: 0.5},\n  ],\n}",
        "'just a string'",
        "-0",
        "[1.7976931348623157e308, 5e-324, 0.1, 123456789.123456789]",
    ]

    @Test("trees agree with Foundation's JSON5 reader", arguments: foundationDocuments)
    func agreesWithFoundation(_ source: String) throws {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        let expected = try decoder.decode(PlainValue.self, from: Data(source.utf8))
        let root = try JSON5Parser.parse(source)
        #expect(PlainValue(root) == expected)
    }

    // MARK: Robustness

    static let sampleScenario = """
        // A brief intervention trial.
        {
          name: 'trial',
          seed: 0x5EED,
          days: 365, burn_in: 30,
          population: {couples: 2000, anxiety: {mean: .4, sd: 0.15}, avoidance: {mean: -0.2e0, sd: +1.}},
          arms: [
            {name: "control", share: 0.5, interventions: []},
            /* the treated arm */
            {name: 'trained', share: 0.5, interventions: [{kind: 'breaks', strength: 1, start_day: 60}]},
          ],
          notes: 'line one\\
        line two \\u00e9 \\x41 \\uD83D\\uDE00',
          limits: [Infinity, -Infinity, NaN, null, true, false],
        }
        """

    @Test("random bytes and mutated scenarios never crash the parser")
    func robustness() throws {
        let sample = Array(Self.sampleScenario.utf8)
        _ = try JSON5Parser.parse(sample)
        let alphabet = Array("{}[]:,'\"\\/*+-.0123456789eExXabuINnft \n\r\t".utf8)
        let fragments: [[UInt8]] = [
            Array("é".utf8), Array("\u{2028}".utf8), Array("\u{FEFF}".utf8), Array("😀".utf8), [0xE2, 0x80],
            Array("Infinity".utf8), Array("\\u".utf8), Array("/*".utf8), Array("//".utf8),
        ]
        var random = SplitMixGenerator(state: 0x5EED_1234)
        func randomByte() -> UInt8 {
            random.next(below: 2) == 0
                ? alphabet[random.next(below: alphabet.count)] : UInt8(truncatingIfNeeded: random.next())
        }
        var parsed = 0
        var rejected = 0
        func check(_ input: [UInt8], seed: Int) {
            do {
                _ = try JSON5Parser.parse(input)
                parsed += 1
            } catch {
                rejected += 1
                let isWellFormed =
                    !error.message.isEmpty && !error.message.hasSuffix(".") && !error.message.contains("\n")
                    && error.position.line >= 1
                    && error.position.column >= 1
                if !isWellFormed { Issue.record("case \(seed): malformed error \(error)") }
            }
        }
        for seed in 0..<100_000 {
            var input: [UInt8] = []
            for _ in 0..<random.next(below: 48) {
                switch random.next(below: 10) {
                case 0: input += fragments[random.next(below: fragments.count)]
                case 1...4: input.append(UInt8(truncatingIfNeeded: random.next()))
                default: input.append(alphabet[random.next(below: alphabet.count)])
                }
            }
            check(input, seed: seed)
        }
        for seed in 0..<100_000 {
            var input = sample
            for _ in 0...random.next(below: 4) {
                let index = random.next(below: input.count + 1)
                switch random.next(below: 3) {
                case 0 where index < input.count:
                    input.remove(at: index)
                case 1:
                    input.insert(randomByte(), at: index)
                default:
                    let end = min(input.count, index + 1 + random.next(below: 16))
                    input.insert(contentsOf: input[index..<end], at: index)
                }
            }
            check(input, seed: seed)
        }
        #expect(parsed + rejected == 200_000)
        #expect(parsed > 0 && rejected > 0)
    }

    @Test("hostile inputs of a megabyte fail fast with one error")
    func hostileInputs() {
        let megabyte = 1 << 20
        let inputs: [(String, String)] = [
            (String(repeating: "[", count: megabyte), "nesting is deeper than 128 levels"),
            (String(repeating: "/* ", count: megabyte / 3), "unterminated comment"),
            ("'" + String(repeating: "\\", count: megabyte), "unterminated string"),
            ("[" + String(repeating: "0,", count: megabyte / 2), "unexpected end of the file inside an array"),
        ]
        for (source, message) in inputs {
            let error = #expect(throws: JSON5SyntaxError.self) { try JSON5Parser.parse(source) }
            #expect(error?.message == message)
        }
    }
}

// MARK: Helpers

/// Renders a tree compactly: objects as `{"key": value}`, numbers by their `Double` value.
private func render(_ node: JSONNode) -> String {
    switch node.value {
    case .null: "null"
    case .bool(let value): "\(value)"
    case .number(let number): "\(number.value)"
    case .string(let string): string.debugDescription
    case .array(let elements): "[" + elements.map(render).joined(separator: ", ") + "]"
    case .object(let members):
        "{" + members.map { "\($0.key.debugDescription): \(render($0.node))" }.joined(separator: ", ") + "}"
    }
}

/// A JSON value as Foundation decodes it: objects are dictionaries, numbers are `Double`s.
private indirect enum PlainValue: Decodable, Equatable {
    case null, bool(Bool), number(Double), string(String), array([PlainValue]), object([String: PlainValue])

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if var container = try? decoder.unkeyedContainer() {
            var elements: [PlainValue] = []
            while !container.isAtEnd { elements.append(try container.decode(PlainValue.self)) }
            self = .array(elements)
        } else if let container = try? decoder.container(keyedBy: Key.self) {
            var members: [String: PlainValue] = [:]
            for key in container.allKeys {
                members[key.stringValue] = try container.decode(PlainValue.self, forKey: key)
            }
            self = .object(members)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    /// Converts a parsed tree; later duplicates win, but cross-checked documents have none.
    init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let number): self = .number(number.value)
        case .string(let string): self = .string(string)
        case .array(let elements): self = .array(elements.map(PlainValue.init))
        case .object(let members):
            self = .object(Dictionary(members.map { ($0.key, PlainValue($0.node)) }, uniquingKeysWith: { $1 }))
        }
    }

    /// Numbers compare by value with `NaN` equal to `NaN`.
    static func == (lhs: PlainValue, rhs: PlainValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.number(let left), .number(let right)): left == right || (left.isNaN && right.isNaN)
        case (.string(let left), .string(let right)): left == right
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)): left == right
        default: false
        }
    }
}

/// SplitMix64, a small deterministic generator for the robustness test.
private struct SplitMixGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in `0..<bound`; `bound` must be positive.
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
