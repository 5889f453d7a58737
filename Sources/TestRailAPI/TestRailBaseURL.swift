import Foundation

/// The root of a TestRail instance, validated and normalised so every API URL is built the same way.
///
/// Accepts `https://x.testrail.io`, `https://x.testrail.io/`, `https://host/testrail/` and a pasted
/// `…/index.php` or `…/index.php?/dashboard`; always stores the form ending in `/`.
public struct TestRailBaseURL: Sendable, Hashable, CustomStringConvertible {
    /// The normalised root, ending in `/` (e.g. `https://host/testrail/`).
    public let root: URL

    /// Refuses a URL that carries userinfo (`https://user:key@host/`): credentials come from TESTRAIL_USER and
    /// TESTRAIL_API_KEY (or a profile), and every message here shows the URL with its userinfo masked.
    public init(_ string: String) throws {
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = Self.masked(string)
        guard !trimmed.isEmpty else {
            throw TestRailError.invalidBaseURL(string, reason: "it is empty")
        }
        guard var components = URLComponents(string: trimmed) else {
            throw TestRailError.invalidBaseURL(shown, reason: "it is not a URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw TestRailError.invalidBaseURL(shown, reason: "it must start with https:// or http://")
        }
        if components.user != nil || components.password != nil || shown != string {
            throw TestRailError.invalidBaseURL(
                shown, reason: "it carries credentials; set TESTRAIL_USER and TESTRAIL_API_KEY instead")
        }
        guard let host = components.host, !host.isEmpty else {
            throw TestRailError.invalidBaseURL(shown, reason: "it has no host name")
        }
        if components.fragment != nil {
            throw TestRailError.invalidBaseURL(shown, reason: "it has a #fragment")
        }
        var path = components.path
        if path.hasSuffix("/index.php") || path == "index.php" {
            path.removeLast("index.php".count)
            components.query = nil
        } else if components.query != nil {
            throw TestRailError.invalidBaseURL(shown, reason: "it has a query; give the TestRail root URL")
        }
        if !path.hasSuffix("/") { path += "/" }
        components.scheme = scheme
        components.path = path
        guard let url = components.url else {
            throw TestRailError.invalidBaseURL(shown, reason: "it is not a URL")
        }
        root = url
    }

    /// The instance's identity for rate limiting: TestRail's budget is per host, not per project.
    public var instance: String {
        let host = root.host ?? ""
        if let port = root.port { return "\(host):\(port)" }
        return host
    }

    public var description: String { root.absoluteString }

    /// The full URL of one API call: `<root>index.php?/api/v2/<method>/<id>&key=value`.
    public func url(for endpoint: TestRailEndpoint) -> URL {
        // The API path travels in the query, so it is appended as text rather than through URLComponents,
        // which would escape the `/` and `&` TestRail expects to see raw.
        URL(string: root.absoluteString + "index.php?" + endpoint.apiPath)!
    }
}
