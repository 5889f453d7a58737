import Foundation

/// An object key as the scanner found it: its bytes in the body, unescaped ASCII.
struct JSONKey {
    let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Whether the key is `name`, without building a `String`.
    func `is`(_ name: StaticString) -> Bool {
        bytes.count == name.utf8CodeUnitCount && memcmp(bytes.baseAddress!, name.utf8Start, bytes.count) == 0
    }

    /// Whether the key's bytes are `name`'s (a name known only at run time, such as the page's items key).
    func matches(_ name: [UInt8]) -> Bool {
        bytes.count == name.count
            && (name.isEmpty || name.withUnsafeBytes { memcmp(bytes.baseAddress!, $0.baseAddress!, bytes.count) == 0 })
    }

    /// Whether the key starts with `prefix`.
    func hasPrefix(_ prefix: StaticString) -> Bool {
        bytes.count >= prefix.utf8CodeUnitCount
            && memcmp(bytes.baseAddress!, prefix.utf8Start, prefix.utf8CodeUnitCount) == 0
    }
}
