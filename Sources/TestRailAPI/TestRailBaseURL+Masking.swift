import Foundation

extension TestRailBaseURL {
    /// `text` with any userinfo (`user:password@`) in its authority replaced by `***@`, for messages that echo a URL.
    ///
    /// | text                          | masked                   |
    /// |-------------------------------|--------------------------|
    /// | `http://user:pw@ho st/`       | `http://***@ho st/`      |
    /// | `ftp://user:pw@host/x`        | `ftp://***@host/x`       |
    /// | `user:pw@host:8080`           | `***@host:8080`          |
    /// | `https://host/a@b`            | `https://host/a@b`       |
    public static func masked(_ text: String) -> String {
        let start: String.Index
        if let separator = text.range(of: "://") {
            start = separator.upperBound
        } else {
            start = text.startIndex
        }
        let authorityEnd = text[start...].firstIndex(where: { "/?#".contains($0) }) ?? text.endIndex
        guard let at = text[start..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<start]) + "***" + String(text[at...])
    }
}
