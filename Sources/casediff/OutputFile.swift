import CasediffCore
import Foundation
import TestRailAPI

/// Writes a result where the user asked for it (`--json FILE`, `--junit FILE`, `snapshot --output FILE`, stdout),
/// without ever turning a device or a pipe into a regular file, and with every failure one ``CasediffError``.
///
/// | at the path                          | written                                                              |
/// |--------------------------------------|----------------------------------------------------------------------|
/// | nothing (a new file)                 | a temp file in the same directory, then rename; 0666 less the umask  |
/// | a regular file                       | the same, keeping the file's mode: a reader never sees half a file   |
/// | a symlink                            | the same at its final target; the link stays a link                  |
/// | `/dev/stdout`, `/dev/fd/N`, `>(…)`   | through a duplicate of the descriptor: `> out.txt`, `>>` keep it all |
/// | another process's `/proc/P/fd/N`     | opened in place; a regular file behind it appended to, not truncated |
/// | a FIFO, a device, a socket           | opened and written in place (`/dev/null`, a FIFO's reader)           |
/// | a directory                          | refused: `it is a directory`                                         |
///
/// Every byte goes through the run's ``SecretScrubber`` first.
enum OutputFile {
    /// How a path is written, decided from what is there.
    enum Method: Equatable {
        /// A temp file beside `path`, renamed over it; `mode` nil for a new file.
        case replace(path: String, mode: mode_t?)
        /// Opened and written in place; `append` for a regular file behind another process's descriptor.
        case direct(path: String, append: Bool)
        /// One of casediff's own open descriptors, written through a duplicate of it.
        case descriptor(Int32)
        /// Not writable as an output; the reason in plain words.
        case refuse(String)
    }

    /// `data` to `path`, or to stdout when `path` is `-`.
    static func write(_ data: Data, to path: String, scrubber: SecretScrubber) throws {
        try write(to: path, scrubber: scrubber) { emit in try emit(data) }
    }

    /// What `produce` emits, piece by piece, to `path` (stdout for `-`); each piece is scrubbed on its own, so a
    /// piece must never cut a secret in two (pieces are whole suites, headings, lines).
    static func write(
        to path: String, scrubber: SecretScrubber, produce: (_ emit: (Data) throws -> Void) throws -> Void
    ) throws {
        if path == "-" {
            if StandardStreams.isOutputClosed {
                throw CasediffError.output(path: "-", detail: CasediffError.fileReason(errno: EBADF))
            }
            return try produce { data in
                if let code = writeAll(scrubber.scrub(data), to: STDOUT_FILENO) {
                    throw CasediffError.output(path: "-", detail: CasediffError.fileReason(errno: code))
                }
            }
        }
        switch try writableMethod(for: path) {
        case .refuse(let reason):  // writableMethod(for:) throws it first
            throw CasediffError.output(path: path, detail: reason)
        case .direct(let target, let append):
            let descriptor = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC | (append ? O_APPEND : 0))
            guard descriptor >= 0 else {
                throw CasediffError.output(path: path, detail: CasediffError.fileReason(errno: errno))
            }
            try writeAndClose(produce, scrubber: scrubber, to: descriptor, shownAs: path)
        case .descriptor(let number):
            let descriptor = fcntl(number, F_DUPFD_CLOEXEC, 0)
            guard descriptor >= 0 else {
                throw CasediffError.output(path: path, detail: CasediffError.fileReason(errno: errno))
            }
            try writeAndClose(produce, scrubber: scrubber, to: descriptor, shownAs: path)
        case .replace(let target, let mode):
            try replace(target, with: produce, scrubber: scrubber, mode: mode, shownAs: path)
        }
    }

    /// Writes every piece `produce` emits, scrubbed, to `descriptor`; the `errno` of the first failure, or nil (an
    /// error `produce` throws itself is rethrown).
    private static func emitAll(
        _ produce: ((Data) throws -> Void) throws -> Void, scrubber: SecretScrubber, to descriptor: Int32
    ) throws -> Int32? {
        struct WriteFailed: Error { var code: Int32 }
        do {
            try produce { data in
                if let code = writeAll(scrubber.scrub(data), to: descriptor) { throw WriteFailed(code: code) }
            }
            return nil
        } catch let failure as WriteFailed {
            return failure.code
        }
    }

    /// How `path` is written; a path that cannot be (a directory, a failed `lstat`) is its ``CasediffError``.
    static func writableMethod(for path: String) throws -> Method {
        let method: Method
        do {
            method = try Self.method(for: path)
        } catch let error as POSIXError {
            throw CasediffError.output(path: path, detail: CasediffError.fileReason(errno: error.code.rawValue))
        }
        if case .refuse(let reason) = method { throw CasediffError.output(path: path, detail: reason) }
        return method
    }

    /// What `path` is, following symlinks to their final target or to the first open descriptor on the way.
    ///
    /// A descriptor on the way (`/dev/stdout` is a link to `/proc/self/fd/1`) is written in place (``OpenDescriptor``),
    /// and so is a kernel link whose text is no path: neither is ever followed to what its text names.
    ///
    /// - Throws: the `POSIXError` of a failed `lstat` or `readlink` other than a missing final file.
    static func method(for path: String) throws -> Method {
        var target = path
        for _ in 0..<40 {
            if let descriptor = OpenDescriptor(path: target) { return try method(for: descriptor, at: target) }
            var info = stat()
            guard lstat(target, &info) == 0 else {
                let code = errno
                if code == ENOENT { return .replace(path: target, mode: nil) }
                throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .replace(path: target, mode: info.st_mode & 0o777)
            case S_IFDIR: return .refuse("it is a directory")
            case S_IFLNK:
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let count = readlink(target, &buffer, buffer.count - 1)
                guard count >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let next =
                    link.hasPrefix("/")
                    ? link
                    : (NSString(string: target).deletingLastPathComponent as NSString)
                        .appendingPathComponent(link)
                // A kernel link that opens but whose text is no path (`socket:[123]`, `/tmp/x (deleted)`): written
                // through the link, decided by what it opens.
                var resolved = stat()
                var beyond = stat()
                if stat(target, &resolved) == 0, lstat(next, &beyond) != 0 {
                    switch resolved.st_mode & S_IFMT {
                    case S_IFDIR: return .refuse("it is a directory")
                    case let kind: return .direct(path: target, append: kind == S_IFREG)
                    }
                }
                target = next
            default: return .direct(path: target, append: false)
            }
        }
        return .refuse("too many levels of symbolic links")
    }

    /// Writes all `produce` emits to `descriptor` and closes it; a failed write or close is the error.
    private static func writeAndClose(
        _ produce: ((Data) throws -> Void) throws -> Void, scrubber: SecretScrubber, to descriptor: Int32,
        shownAs path: String
    ) throws {
        let failure: Int32?
        do {
            failure = try emitAll(produce, scrubber: scrubber, to: descriptor)
        } catch {
            close(descriptor)
            throw error
        }
        let closed = close(descriptor) == 0 ? nil : errno
        if let code = failure ?? closed {
            throw CasediffError.output(path: path, detail: CasediffError.fileReason(errno: code))
        }
    }

    /// Writes a temp file beside `target` and renames it over `target`; on any failure the temp file goes and the
    /// target is untouched.
    private static func replace(
        _ target: String, with produce: ((Data) throws -> Void) throws -> Void, scrubber: SecretScrubber,
        mode: mode_t?, shownAs path: String
    ) throws {
        let folder = NSString(string: target).deletingLastPathComponent
        let name = NSString(string: target).lastPathComponent
        var template = Array("\(folder.isEmpty ? "." : folder)/.\(name).casediff-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            let code = errno
            let detail =
                code == ENOENT
                ? "its directory \(folder.isEmpty ? "." : folder) does not exist"
                : CasediffError.fileReason(errno: code)
            throw CasediffError.output(path: path, detail: detail)
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure = fchmod(descriptor, mode ?? defaultMode()) == 0 ? nil : errno
        do {
            if failure == nil { failure = try emitAll(produce, scrubber: scrubber, to: descriptor) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        failure = failure ?? (fsync(descriptor) == 0 ? nil : errno)
        let closed = close(descriptor) == 0 ? nil : errno
        failure = failure ?? closed ?? (rename(temporary, target) == 0 ? nil : errno)
        if let failure {
            unlink(temporary)
            throw CasediffError.output(path: path, detail: CasediffError.fileReason(errno: failure))
        }
    }

    /// A new file's mode: what `open(…, 0666)` would give under the process's umask.
    private static func defaultMode() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    /// Writes all of `data`, retrying short writes and EINTR; the `errno` of a failure, or nil.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { buffer -> Int32? in
            guard var pointer = buffer.baseAddress else { return nil }
            var remaining = buffer.count
            while remaining > 0 {
                let written = Foundation.write(descriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                remaining -= written
                pointer += written
            }
            return nil
        }
    }
}
