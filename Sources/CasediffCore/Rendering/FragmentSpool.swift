import Foundation

/// Bytes set aside on disk until they are written out in another order: an unlinked temporary file (gone when the
/// process ends, however it ends), appended to and read back by range.
final class FragmentSpool {
    private let descriptor: Int32
    private var length: Int = 0

    /// - Throws: ``CasediffError/output(path:detail:)`` when no temporary file can be made.
    init() throws {
        let folder = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/casediff-spool-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            throw CasediffError.output(path: folder, detail: CasediffError.fileReason(errno: errno))
        }
        unlink(String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Appends `data`; returns where it lies.
    func append(_ data: Data) throws -> Range<Int> {
        let start = length
        try data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            var offset = start
            while remaining > 0 {
                let written = pwrite(descriptor, pointer, remaining, off_t(offset))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CasediffError.output(path: "a temporary file", detail: CasediffError.fileReason(errno: errno))
                }
                remaining -= written
                offset += written
                pointer += written
            }
        }
        length += data.count
        return start..<length
    }

    /// The bytes at `range`, as appended.
    func read(_ range: Range<Int>) throws -> Data {
        var data = Data(count: range.count)
        try data.withUnsafeMutableBytes { buffer in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            var offset = range.lowerBound
            while remaining > 0 {
                let count = pread(descriptor, pointer, remaining, off_t(offset))
                if count <= 0 {
                    if count < 0, errno == EINTR { continue }
                    throw CasediffError.output(
                        path: "a temporary file", detail: CasediffError.fileReason(errno: count < 0 ? errno : EIO))
                }
                remaining -= count
                offset += count
                pointer += count
            }
        }
        return data
    }
}
