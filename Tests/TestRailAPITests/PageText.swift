/// Generated `get_cases` pages as text, in every form JSON allows for the same values (escapes, `\u` sequences,
/// surrogate pairs, white space, key order, `1.0` for one) and, when `hostile`, in forms a scanner must hand to the
/// reference decoder: numbers beyond 64 bits or with 17 digits, lone surrogates, control characters, trailing
/// commas, odd types for typed fields, deep nesting, duplicate keys.
enum PageText {
    static func page(cases: Int, hostile: Bool, _ random: inout TestRandom) -> String {
        let items = (0..<cases).map { index in testCase(id: index + 1, hostile: hostile, &random) }
        var envelope: [(String, String)] = [
            ("offset", "0"), ("limit", "250"), ("size", "\(cases)"),
            ("_links", #"{"next":"\/api\/v2\/get_cases\/1&suite_id=2&limit=250&offset=250","prev":null}"#),
            ("cases", "[" + items.joined(separator: space(&random) + "," + space(&random)) + "]"),
        ]
        if Bool.random(using: &random) { envelope.append(("unknown", value(depth: 0, hostile: hostile, &random))) }
        envelope.shuffle(using: &random)
        if hostile, Int.random(in: 0..<12, using: &random) == 0 { return "[" + items.joined(separator: ",") + "]" }
        return object(envelope, &random)
    }

    static func testCase(id: Int, hostile: Bool, _ random: inout TestRandom) -> String {
        var fields: [(String, String)] = [("id", "\(id)"), ("title", string(hostile: hostile, &random))]
        for key in [
            "section_id", "suite_id", "template_id", "type_id", "priority_id", "milestone_id", "created_by",
            "created_on", "updated_by", "updated_on", "display_order",
        ] where Int.random(in: 0..<8, using: &random) > 0 {
            fields.append((key, integerField(hostile: hostile, &random)))
        }
        for key in ["refs", "estimate", "estimate_forecast"] where Bool.random(using: &random) {
            fields.append((key, Bool.random(using: &random) ? "null" : string(hostile: hostile, &random)))
        }
        if Bool.random(using: &random) {
            fields.append(("is_deleted", ["0", "1", "true", "false", "null", "0.0"].randomElement(using: &random)!))
        }
        if Int.random(in: 0..<3, using: &random) == 0 {
            let labels = (0..<Int.random(in: 0...3, using: &random)).map { index in
                let name = Bool.random(using: &random) ? "title" : "name"
                return #"{"id":\#(index + 1),"\#(name)":\#(string(hostile: hostile, &random))}"#
            }
            fields.append(("labels", Bool.random(using: &random) ? "[" + labels.joined(separator: ",") + "]" : "null"))
        }
        for index in 0..<Int.random(in: 0...6, using: &random) {
            fields.append(("custom_field\(index)", value(depth: 0, hostile: hostile, &random)))
        }
        if Bool.random(using: &random) { fields.append(("unknown_field", value(depth: 0, hostile: hostile, &random))) }
        if hostile, Int.random(in: 0..<10, using: &random) == 0 {
            // A duplicate key: the last one counts, for both decoders.
            fields.append(fields.randomElement(using: &random)!)
        }
        fields.shuffle(using: &random)
        return object(fields, &random)
    }

    static func integerField(hostile: Bool, _ random: inout TestRandom) -> String {
        let forms = [
            "null", "\(Int.random(in: 0...1_000_000, using: &random))", "\(Int.random(in: 0...9, using: &random))",
        ]
        let odd = ["\"12\"", "\"x\"", "3.0", "1e2", "99999999999999999999", "-1", "true", "2.5", "[]"]
        if hostile, Int.random(in: 0..<6, using: &random) == 0 { return odd.randomElement(using: &random)! }
        return forms.randomElement(using: &random)!
    }

    static func value(depth: Int, hostile: Bool, _ random: inout TestRandom) -> String {
        switch Int.random(in: 0..<(depth < 3 ? 9 : 6), using: &random) {
        case 0: return "null"
        case 1: return Bool.random(using: &random) ? "true" : "false"
        case 2: return number(hostile: hostile, &random)
        case 3, 4, 5: return string(hostile: hostile, &random)
        case 6, 7:
            let items = (0..<Int.random(in: 0...4, using: &random)).map { _ in
                value(depth: depth + 1, hostile: hostile, &random)
            }
            let trailing = hostile && !items.isEmpty && Int.random(in: 0..<20, using: &random) == 0 ? "," : ""
            return "[" + items.joined(separator: "," + space(&random)) + trailing + "]"
        default:
            let keys = ["content", "expected", "additional_info", "refs", "a", "", "shared_step_id"]
            let fields = (0..<Int.random(in: 0...3, using: &random)).map { _ in
                (keys.randomElement(using: &random)!, value(depth: depth + 1, hostile: hostile, &random))
            }
            if hostile, Int.random(in: 0..<30, using: &random) == 0 {
                return String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
            }
            return object(fields, &random)
        }
    }

    static func number(hostile: Bool, _ random: inout TestRandom) -> String {
        let common = [
            "\(Int64.random(in: -999_999_999_999_999_999...999_999_999_999_999_999, using: &random))",
            "\(Int.random(in: -100...100, using: &random))", "0", "-0", "1.0", "2.5", "-0.125", "1e2", "1E2",
            "3.25e-3", "-0.0", "123456789012.5", "0.1", "1e15", "1.5e300", "6.02E+23", "999999999999999", "1.5E+3",
            "2E0",
        ]
        let odd = [
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551615", "18446744073709551616", "1180591620717411303424", "0.30000000000000004",
            "12345678901234567.0", "1234567890123456.5", "1.00000000000000E+20", "1.0000000000000E+20",
            "123456789012345E2", "1e400", "-1e400", "1e-400", "01", "1.", ".5", "+1", "-",
            "1e", "NaN",
        ]
        if hostile, Int.random(in: 0..<4, using: &random) == 0 { return odd.randomElement(using: &random)! }
        return common.randomElement(using: &random)!
    }

    /// A string literal; its characters written raw or escaped at random.
    static func string(hostile: Bool, _ random: inout TestRandom) -> String {
        let pool: [Character] = [
            "a", "b", "Z", " ", "1", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{0}", "é", "ß", "中", "😀", "👩‍💻", "\u{7F}",
            "\u{FFFD}", "<", ">", "&", "e\u{301}",
        ]
        var text = "\""
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let character = pool.randomElement(using: &random)!
            for scalar in character.unicodeScalars {
                text += literal(scalar, &random)
            }
        }
        if hostile {
            switch Int.random(in: 0..<25, using: &random) {
            case 0: text += #"\ud800"#
            case 1: text += #"\udc00x"#
            case 2: text += "\t"
            case 3: text += #"\x"#
            case 4: text += #"\u12"#
            default: break
            }
        }
        return text + "\""
    }

    static func literal(_ scalar: Unicode.Scalar, _ random: inout TestRandom) -> String {
        switch scalar {
        case "\"": return #"\""#
        case "\\": return #"\\"#
        case "\n": return Bool.random(using: &random) ? #"\n"# : #"\u000a"#
        case "\t": return Bool.random(using: &random) ? #"\t"# : #"\u0009"#
        case "/": return Bool.random(using: &random) ? "/" : #"\/"#
        default:
            if scalar.value < 0x20 || Int.random(in: 0..<4, using: &random) == 0 {
                return escaped(scalar, &random)
            }
            return String(scalar)
        }
    }

    /// `\uXXXX`, as a surrogate pair beyond the BMP, in either case of hex digits.
    static func escaped(_ scalar: Unicode.Scalar, _ random: inout TestRandom) -> String {
        let units = Array(String(scalar).utf16)
        let upper = Bool.random(using: &random)
        return units.map { unit in
            let hex = String(unit, radix: 16)
            let padded = String(repeating: "0", count: 4 - hex.count) + hex
            return "\\u" + (upper ? padded.uppercased() : padded)
        }.joined()
    }

    static func object(_ fields: [(String, String)], _ random: inout TestRandom) -> String {
        let parts = fields.map { "\"\($0.0)\"" + space(&random) + ":" + space(&random) + $0.1 }
        return "{" + space(&random) + parts.joined(separator: "," + space(&random)) + space(&random) + "}"
    }

    static func space(_ random: inout TestRandom) -> String {
        ["", "", "", " ", "\n  ", "\t", "\r\n"].randomElement(using: &random)!
    }
}
