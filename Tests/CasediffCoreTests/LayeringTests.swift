import Foundation
import Testing

/// The engine's folders form a stack (docs/architecture.md draws it): each folder uses types declared in lower tiers
/// only, never a neighbour on its own tier or anything above. A move that ties two folders both ways fails here.
@Suite struct LayeringTests {
    /// Bottom to top; folders on one tier do not use each other.
    static let tiers: [[String]] = [
        ["Support"],
        ["Model"],
        ["Errors"],
        ["Selection"],
        ["Observing", "Queue"],
        ["Planning"],
        ["Aggregation"],
        ["Metrics", "RateLimiting"],
        ["Caching"],
        ["Controller"],
        ["Comparison", "Discovery"],
        ["Configuration", "Logging", "Rendering", "Snapshots"],
        ["Jobs"],
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/CasediffCore")

    /// Each Swift file of the engine, by folder, with comments and string literals removed.
    static func sources() throws -> [(folder: String, file: String, code: String)] {
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.map { url in
            let folder = url.deletingLastPathComponent().lastPathComponent
            return (folder, url.lastPathComponent, stripped(try String(contentsOf: url, encoding: .utf8)))
        }
    }

    static func stripped(_ source: String) -> String {
        source.replacing(#/"""[\s\S]*?"""/#, with: "\"\"")
            .replacing(#/"(?:\\.|[^"\\\n])*"/#, with: "\"\"")
            .replacing(#/\/\*[\s\S]*?\*\//#, with: "")
            .replacing(#/\/\/[^\n]*/#, with: "")
    }

    @Test func everyFolderIsOnATierAndNoFileSitsAtTheRoot() throws {
        let folders = Set(try Self.sources().map(\.folder))
        #expect(folders == Set(Self.tiers.joined()))
        #expect(!folders.contains("CasediffCore"), "a file at the target's root belongs in a folder")
    }

    @Test func eachFolderUsesOnlyTheTiersBelowIt() throws {
        let sources = try Self.sources()
        let tier = Dictionary(
            uniqueKeysWithValues: Self.tiers.enumerated().flatMap { index, folders in folders.map { ($0, index) } })
        let declaration =
            #/(?m)^(?:@\w+\s+)*(?:(?:public|internal|private|fileprivate|package|final|indirect)\s+)*(?:struct|enum|class|actor|protocol|typealias)\s+(\w+)/#
        var owner: [String: String] = [:]
        for source in sources {
            for match in source.code.matches(of: declaration) { owner[String(match.output.1)] = source.folder }
        }
        #expect(owner.count > 100, "the declarations were found")
        var violations: [String] = []
        for source in sources {
            let names = Set(source.code.matches(of: #/\b[A-Z]\w*\b/#).map { String($0.output) })
            for name in names.sorted() {
                guard let used = owner[name], used != source.folder, let mine = tier[source.folder],
                    let theirs = tier[used]
                else { continue }
                if theirs >= mine {
                    violations.append("\(source.folder)/\(source.file) uses \(name) from \(used)/")
                }
            }
        }
        #expect(violations.isEmpty, "\(violations.joined(separator: "\n"))")
    }
}
