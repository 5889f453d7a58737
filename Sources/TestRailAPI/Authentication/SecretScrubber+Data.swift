import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SecretScrubber {
    /// `data` with every secret's UTF-8 bytes replaced by ``redaction``: for response bodies (before they are
    /// decoded, stored or shown) and for files casediff writes. Bytes need not be UTF-8. A body without any secret —
    /// nearly every one — is searched with `memchr` (by the key's rarest byte) and `memcmp`, and returned as it is, uncopied.
    public func scrub(_ data: Data) -> Data {
        guard !secrets.isEmpty, !data.isEmpty else { return data }
        var data = data
        for secret in secrets {
            data = Self.replacing(Array(secret.utf8), in: data)
        }
        return data
    }

    private static func replacing(_ needle: [UInt8], in data: Data) -> Data {
        let hits: [Int] = data.withUnsafeBytes { haystack in
            needle.withUnsafeBytes { pattern in
                guard let base = haystack.baseAddress, let needle = pattern.baseAddress, !pattern.isEmpty
                else { return [] }
                // memchr (vectorised) finds each candidate by the needle's rarest byte, memcmp checks the whole:
                // a key starting with a common letter would stop memchr at every word of the body.
                let anchor = rarestByte(pattern)
                let probe = Int32(pattern[anchor])
                var hits: [Int] = []
                var offset = anchor
                while haystack.count - offset >= pattern.count - anchor,
                    let found = memchr(base + offset, probe, haystack.count - offset - (pattern.count - anchor) + 1)
                {
                    let at = base.distance(to: UnsafeRawPointer(found)) - anchor
                    if memcmp(base + at, needle, pattern.count) == 0 {
                        hits.append(at)
                        offset = at + pattern.count + anchor
                    } else {
                        offset = at + anchor + 1
                    }
                }
                return hits
            }
        }
        guard !hits.isEmpty else { return data }
        let bytes = [UInt8](data)
        var scrubbed: [UInt8] = []
        scrubbed.reserveCapacity(bytes.count)
        var start = 0
        for at in hits {
            scrubbed += bytes[start..<at]
            scrubbed += redaction.utf8
            start = at + needle.count
        }
        scrubbed += bytes[start...]
        return Data(scrubbed)
    }

    /// The offset of the needle's byte least likely in a JSON body: not a lower-case letter, digit or JSON
    /// punctuation when it has one.
    private static func rarestByte(_ pattern: UnsafeRawBufferPointer) -> Int {
        func commonness(_ byte: UInt8) -> Int {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: " "), UInt8(ascii: "\""): return 3
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "_"):
                return 2
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"): return 1
            default: return 0
            }
        }
        return pattern.indices.min { commonness(pattern[$0]) < commonness(pattern[$1]) } ?? 0
    }
}
