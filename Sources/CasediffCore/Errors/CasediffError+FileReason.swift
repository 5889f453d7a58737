import Foundation

extension CasediffError {
    /// A file-system error in plain words, for a one-line message: never Foundation's `NSCocoaErrorDomain … UserInfo`
    /// dump.
    ///
    /// | error                                      | reason                      |
    /// |--------------------------------------------|-----------------------------|
    /// | `CocoaError(.fileReadNoSuchFile)`, ENOENT  | `no such file`              |
    /// | EISDIR                                     | `it is a directory`         |
    /// | `CocoaError(.fileWriteNoPermission)`, EACCES | `permission denied`       |
    /// | ENOSPC                                     | `no space left on device`   |
    /// | EPIPE                                      | `the reader closed the pipe` |
    public static func fileReason(_ error: any Error) -> String {
        if let error = error as? POSIXError { return fileReason(errno: error.code.rawValue) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain
        {
            return fileReason(errno: Int32(underlying.code))
        }
        if nsError.domain == NSPOSIXErrorDomain { return fileReason(errno: Int32(nsError.code)) }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file"
            case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "no space left on device"
            case .fileWriteVolumeReadOnly: return "read-only file system"
            case .fileReadTooLarge: return "it is too large"
            case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding: return "it is not UTF-8 text"
            case .fileWriteFileExists: return "a file is in the way"
            default: break
            }
        }
        // Whatever else: its first line, without the domain and code.
        let text = nsError.localizedDescription
        return String(text.prefix { $0 != "\n" })
    }

    /// An `errno` value in plain words (lower case, no trailing period).
    public static func fileReason(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EISDIR: return "it is a directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "no space left on device"
        case EDQUOT: return "disk quota exceeded"
        case EROFS: return "read-only file system"
        case EPIPE: return "the reader closed the pipe"
        case EBADF: return "it is closed"
        case EFBIG: return "the file is too large"
        default:
            let text = String(cString: strerror(code))
            return text.prefix(1).lowercased() + text.dropFirst()
        }
    }
}
