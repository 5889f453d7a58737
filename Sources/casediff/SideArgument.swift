import CasediffCore
import Foundation

/// A side of `casediff compare`: a project on the instance, or a snapshot file.
///
/// An argument is a snapshot when it ends in `.json` or names a path (contains `/`); anything else is a project
/// id, `P<id>` or name.
struct SideArgument {
    var text: String

    var snapshotPath: String? {
        text.lowercased().hasSuffix(".json") || text.contains("/") ? text : nil
    }

    /// The side's source, reading the snapshot file when it is one.
    func source() throws -> CompareJob.Source {
        guard let path = snapshotPath else { return .live(ProjectReference(text)) }
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CasediffError.snapshot(path: path, detail: "cannot read it (\(Self.reason(error)))")
        }
        return .snapshot(try ProjectSnapshot.decode(bytes, path: path).data)
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        return nsError.localizedDescription
    }
}
