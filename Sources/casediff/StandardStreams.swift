import Foundation
import Synchronization

/// stdin, stdout and stderr as the process found them.
///
/// A descriptor the parent closed (`casediff compare … >&-`) would be taken by the first file or socket casediff
/// opens, and the result written into it; ``secure()`` parks `/dev/null` there instead and remembers that stdout was
/// closed, so writing the result fails with one line rather than going anywhere else.
enum StandardStreams {
    private static let outputClosed = Mutex(false)

    /// Run first, before anything opens a file.
    static func secure() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            if descriptor == STDOUT_FILENO { outputClosed.withLock { $0 = true } }
            let null = open("/dev/null", O_RDWR)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }

    /// True when stdout was closed at start.
    static var isOutputClosed: Bool { outputClosed.withLock { $0 } }
}
