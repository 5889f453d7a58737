import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SecretScrubber {
    /// `data` with every secret's UTF-8 bytes replaced by ``redaction``: for response bodies (before they are
    /// decoded, stored or shown) and for files casediff writes. Bytes need not be UTF-8. A body without any secret —
    /// nearly every one — is searched with `memchr` and `memcmp` and returned as it is, uncopied.
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
                guard let base = haystack.baseAddress, let first = pattern.first, let rest = pattern.baseAddress
                else { return [] }
                var hits: [Int] = []
                var offset = 0
                // memchr finds each candidate's first byte (vectorised), memcmp checks the rest.
                while haystack.count - offset >= pattern.count,
                    let found = memchr(base + offset, Int32(first), haystack.count - offset - pattern.count + 1)
                {
                    let at = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + at, rest, pattern.count) == 0 {
                        hits.append(at)
                        offset = at + pattern.count
                    } else {
                        offset = at + 1
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
}
