import CasediffCore
import Foundation
import Synchronization

/// `--log-file`: log lines appended to a file (created private, 0600), one write per line.
final class FileLogOutput: LogOutput, Sendable {
    private let handle: Mutex<FileHandle>
    let path: String

    init(path: String) throws {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw CasediffError.output(path: path, detail: "cannot create the log file") }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CasediffError.output(path: path, detail: "cannot open the log file for writing")
        }
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func write(line: String) {
        handle.withLock { $0.write(Data((line + "\n").utf8)) }
    }

    func close() {
        handle.withLock { try? $0.close() }
    }
}
