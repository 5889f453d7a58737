import CasediffCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The store's files before SQLite opens them: the path must name a regular file (or nothing yet), its folder is
/// made `0700` and the file `0600` before SQLite first writes, so the `-wal` and `-shm` files SQLite creates next to
/// it (with the database's own mode) are `0600` too. Failures are one plain line naming the path and the reason.
enum StoreFile {
    /// What is at a path, following symlinks.
    enum Kind: Equatable {
        case absent
        case regular(size: Int)
        /// A directory, device, FIFO or socket: not a place for a store.
        case other(String)
    }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .absent }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular(size: Int(info.st_size))
        case S_IFDIR: return .other("a directory")
        case S_IFCHR: return .other("a character device")
        case S_IFBLK: return .other("a block device")
        case S_IFIFO: return .other("a FIFO")
        case S_IFSOCK: return .other("a socket")
        default: return .other("not a regular file")
        }
    }

    /// Creates the folders leading to `path` (each new one `0700`).
    static func createDirectories(for path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 {
                let code = errno
                var info = stat()
                if code == EEXIST, stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { continue }
                throw CasediffError.storeUnavailable(
                    path: path,
                    detail:
                        "cannot create the folder \(prefix): \(code == EEXIST ? "not a folder" : CasediffError.fileReason(errno: code))"
                )
            }
        }
    }

    /// Creates an empty `0600` file at `path` unless something is there already.
    static func createIfAbsent(_ path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            close(descriptor)
            return
        }
        let code = errno
        if code == EEXIST { return }
        throw CasediffError.storeUnavailable(
            path: path, detail: "cannot create it: \(CasediffError.fileReason(errno: code))")
    }

    /// Makes the `-wal` and `-shm` files an earlier casediff left readable by others `0600`; missing files and
    /// files owned by someone else are left alone.
    static func tightenCompanions(of path: String) {
        for suffix in ["-wal", "-shm"] {
            var info = stat()
            let companion = path + suffix
            guard stat(companion, &info) == 0, info.st_mode & 0o077 != 0 else { continue }
            _ = chmod(companion, 0o600)
        }
    }
}
