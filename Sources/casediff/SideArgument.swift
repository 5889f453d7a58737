import CasediffCore
import Foundation

/// A side of `casediff compare` (and the project of `casediff snapshot`): a snapshot file, a project on the
/// instance the flags and environment name, or a project on a configuration profile's instance.
///
/// | argument                        | read as                                                        |
/// |---------------------------------|----------------------------------------------------------------|
/// | `./base.json`, `/x`, `~/x`      | a snapshot file (a path that starts like a path)               |
/// | `baseline/shop.json`            | a snapshot file when it exists, else a project of that name    |
/// | `12`, `P12`, `Storefront`       | a project on the instance of `--url` / `TESTRAIL_URL` / the profile |
/// | `source:12`, `cloud:Storefront` | a project on profile `source`'s instance (its own URL and key)  |
/// | `:Release: 2.0`                 | the project named `Release: 2.0` (a leading `:` means no profile) |
struct SideArgument {
    enum Kind: Equatable {
        case snapshot(path: String)
        case project(ProjectReference, profile: String?)
    }

    var text: String
    var kind: Kind

    init(text: String, fileExists: (String) -> Bool = SideArgument.isFile) {
        self.text = text
        if ["./", "../", "/", "~/"].contains(where: { text.hasPrefix($0) }) {
            kind = .snapshot(path: NSString(string: text).expandingTildeInPath)
        } else if fileExists(text) {
            kind = .snapshot(path: text)
        } else if text.hasPrefix(":") {
            // A name, even one that reads like an id (a project called "12").
            kind = .project(.name(String(text.dropFirst())), profile: nil)
        } else if let colon = text.firstIndex(of: ":"), Self.isProfileName(text[..<colon]),
            !text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces).isEmpty
        {
            kind = .project(
                ProjectReference(String(text[text.index(after: colon)...])), profile: String(text[..<colon]))
        } else {
            kind = .project(ProjectReference(text), profile: nil)
        }
    }

    /// A project argument that could have been meant as a snapshot file that does not exist.
    var looksLikePath: Bool {
        guard case .project(_, nil) = kind else { return false }
        return text.contains("/") || text.lowercased().hasSuffix(".json")
    }

    static func isFile(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && !directory.boolValue
    }

    private static func isProfileName(_ name: Substring) -> Bool {
        guard let first = name.first, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// Reads a snapshot file; a failure is one plain line (`snapshot ./dir: cannot read it (it is a directory)`).
    static func readSnapshot(_ path: String) throws -> ProjectData {
        var directory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &directory), directory.boolValue {
            throw CasediffError.snapshot(path: path, detail: "cannot read it (it is a directory)")
        }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CasediffError.snapshot(path: path, detail: "cannot read it (\(CasediffError.fileReason(error)))")
        }
        return try ProjectSnapshot.decode(bytes, path: path).data
    }
}
