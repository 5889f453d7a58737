import Foundation

extension OutputFile {
    /// A path that names a descriptor already open in a process (`/dev/stdout`, `/dev/fd/63` from `>(cmd)`,
    /// `/proc/self/fd/1`), which must be written in place: replacing what it resolves to would leave the shell
    /// writing to an unlinked file, and a pipe's `pipe:[123]` is no path at all.
    ///
    /// | the path's folder, resolved | the name | descriptor                       |
    /// |-----------------------------|----------|----------------------------------|
    /// | `/proc/4242/fd`             | `1`      | process 4242, number 1           |
    /// | `/proc/4242/task/4243/fd`   | `63`     | process 4242, number 63          |
    /// | `/dev/fd` (BSD, macOS)      | `3`      | this process, number 3           |
    /// | `/proc/4242/fd`             | `x`      | none                             |
    /// | `/tmp`                      | `1`      | none                             |
    struct OpenDescriptor: Equatable {
        var process: pid_t
        var number: Int32

        /// The descriptor `name` in the folder `folder` names, with `folder` already resolved (no symlinks).
        init?(folder: String, name: String, currentProcess: pid_t = getpid()) {
            guard !name.isEmpty, name.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int32(name) else {
                return nil
            }
            let parts = folder.split(separator: "/", omittingEmptySubsequences: false)
            switch parts.count {
            case 4 where parts[1] == "proc" && parts[3] == "fd",
                6 where parts[1] == "proc" && parts[3] == "task" && parts[5] == "fd":
                guard parts[0].isEmpty, let process = pid_t(parts[2]) else { return nil }
                self.process = process
            case 3 where folder == "/dev/fd":
                self.process = currentProcess
            default:
                return nil
            }
            self.number = number
        }

        /// The descriptor `path` names, its folder resolved with `realpath` (`/dev/fd` is a link to
        /// `/proc/self/fd`, itself under the link `/proc/self`).
        init?(path: String) {
            let folder = NSString(string: path).deletingLastPathComponent
            guard let resolved = realpath(folder.isEmpty ? "." : folder, nil) else { return nil }
            defer { free(resolved) }
            self.init(folder: String(cString: resolved), name: NSString(string: path).lastPathComponent)
        }
    }

    /// How to write to `descriptor`, found at `path`.
    ///
    /// One of casediff's own descriptors is written through a duplicate, so the write shares the shell's offset and
    /// `O_APPEND`: `--junit /dev/stdout > out.txt` leaves the table and the JUnit in `out.txt`, and `>>` keeps what
    /// was there. Another process's descriptor can only be reopened, a new offset at 0: a regular file behind it is
    /// appended to rather than truncated, so nothing already written is lost.
    static func method(for descriptor: OpenDescriptor, at path: String) throws -> Method {
        guard descriptor.process == getpid() else {
            var info = stat()
            guard stat(path, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: return .refuse("it is a directory")
            case S_IFREG: return .direct(path: path, append: true)
            default: return .direct(path: path, append: false)
            }
        }
        let flags = fcntl(descriptor.number, F_GETFD)
        if flags < 0 || (descriptor.number == STDOUT_FILENO && StandardStreams.isOutputClosed) {
            throw POSIXError(.EBADF)
        }
        // Every descriptor a process inherits is open across exec; one marked close-on-exec was opened by casediff
        // itself (its store, its log), and the result must not land in it.
        if flags & FD_CLOEXEC != 0 { return .refuse("descriptor \(descriptor.number) was not given to casediff") }
        var info = stat()
        if fstat(descriptor.number, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            return .refuse("it is a directory")
        }
        return .descriptor(descriptor.number)
    }
}
