import CasediffCore
import Foundation

extension OutputFile {
    /// Checks, before the first request, that `path` can be written as ``write(to:scrubber:produce:)`` would write
    /// it: a run of many minutes must not end on a missing directory or a directory given as the file.
    ///
    /// | at the path                      | found                                                  |
    /// |----------------------------------|--------------------------------------------------------|
    /// | `-`, a descriptor, a FIFO, a TTY | fine: written in place, nothing to check ahead         |
    /// | a new or regular file            | its directory must exist and be writable and listable  |
    /// | a directory                      | `it is a directory`                                    |
    ///
    /// Nothing is created: a mistyped directory is reported, not made.
    static func preflight(_ path: String) throws {
        guard path != "-" else { return }
        switch try writableMethod(for: path) {
        case .refuse, .direct, .descriptor:  // a refusal is thrown by writableMethod(for:)
            return
        case .replace(let target, _):
            let parent = NSString(string: target).deletingLastPathComponent
            let folder = parent.isEmpty ? "." : parent
            var info = stat()
            guard stat(folder, &info) == 0 else {
                let code = errno
                let detail =
                    code == ENOENT
                    ? "its directory \(folder) does not exist" : CasediffError.fileReason(errno: code)
                throw CasediffError.output(path: path, detail: detail)
            }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw CasediffError.output(path: path, detail: "\(folder) is not a directory")
            }
            guard access(folder, W_OK | X_OK) == 0 else {
                throw CasediffError.output(
                    path: path,
                    detail: "cannot write in its directory \(folder): \(CasediffError.fileReason(errno: errno))")
            }
        }
    }
}
