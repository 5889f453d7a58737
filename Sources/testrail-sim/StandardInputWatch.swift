import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--stop-when-stdin-closes`: a simulator spawned by another program (the benchmark) never outlives it.
///
/// The parent holds the only write end of the pipe on the simulator's stdin. Closing it, or the parent's exit for
/// any reason (a crash or SIGKILL included), ends the input; the simulator then shuts down as on SIGTERM, answering
/// the requests in flight first.
enum StandardInputWatch {
    /// Reads and discards stdin on a thread of its own (a blocking read has no place on Swift's few cooperative
    /// threads) until end of input or a read error, then sends this process SIGTERM.
    static func start() {
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count > 0 || (count < 0 && errno == EINTR) { continue }
                break
            }
            kill(getpid(), SIGTERM)
        }
    }
}
