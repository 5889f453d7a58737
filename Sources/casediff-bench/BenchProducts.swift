import Foundation

/// The release binaries the bench spawns: `testrail-sim` for every fetch scenario and `casediff` for W1.
///
/// They are found next to the bench's own executable (`.build/release/`), where `make bench` builds them.
struct BenchProducts: Sendable {
    let folder: URL

    /// `folder`, or the folder of the running executable.
    init(folder: String? = nil) {
        if let folder {
            self.folder = URL(fileURLWithPath: folder, isDirectory: true)
        } else {
            let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
            self.folder = executable.resolvingSymlinksInPath().deletingLastPathComponent()
        }
    }

    func simulator() throws -> URL { try product("testrail-sim") }
    func casediff() throws -> URL { try product("casediff") }

    private func product(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw BenchError.missingProduct(name: name, folder: folder.path)
        }
        return url
    }
}
