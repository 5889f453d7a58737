import CasediffCore
import Foundation
import Synchronization

/// `--log-file`: log lines appended to a file (created private, 0600), one write per line.
///
/// A failed write (a full disk) is not a crash: the first failure is kept and ``check()`` reports it when the run
/// ends, so an incomplete log never goes unnoticed.
final class FileLogOutput: LogOutput, Sendable {
    private struct State {
        var descriptor: Int32
        var failure: Int32?
    }

    private let state: Mutex<State>
    let path: String

    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0o600)
        guard descriptor >= 0 else {
            throw CasediffError.output(path: path, detail: CasediffError.fileReason(errno: errno))
        }
        state = Mutex(State(descriptor: descriptor))
    }

    func write(line: String) {
        state.withLock { state in
            guard state.descriptor >= 0, state.failure == nil else { return }
            state.failure = OutputFile.writeAll(Data((line + "\n").utf8), to: state.descriptor)
        }
    }

    /// Throws the first write failure, if any.
    func check() throws {
        if let code = state.withLock({ $0.failure }) {
            throw CasediffError.output(path: path, detail: CasediffError.fileReason(errno: code))
        }
    }

    func close() {
        state.withLock { state in
            if state.descriptor >= 0, Foundation.close(state.descriptor) != 0, state.failure == nil {
                state.failure = errno
            }
            state.descriptor = -1
        }
    }
}
