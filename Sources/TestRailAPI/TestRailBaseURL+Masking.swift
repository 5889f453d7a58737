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
    /// | `https://u:p#ss@host/`        | `https://***@host/`      |
    public static func masked(_ text: String) -> String {
        guard let range = userinfoRange(in: text) else { return text }
        return text.replacingCharacters(in: range, with: "***")
    }

    /// Where `text`'s userinfo is: after `scheme://` (or from the start) up to the `@` before the host. A password
    /// may hold a raw `/`, `?` or `#` (not valid in a URL, but typed so), so when the authority has no `@`, the last
    /// `@` of the text counts if a `:` comes before it: no password shows, at worst a path's `@` is masked too.
    public static func userinfoRange(in text: String) -> Range<String.Index>? {
        let start = text.range(of: "://")?.upperBound ?? text.startIndex
        let authorityEnd = text[start...].firstIndex(where: { "/?#".contains($0) }) ?? text.endIndex
        if let at = text[start..<authorityEnd].lastIndex(of: "@") {
            return at > start ? start..<at : nil
        }
        guard let at = text[start...].lastIndex(of: "@"), text[start..<at].contains(":") else { return nil }
        return start..<at
    }
}
