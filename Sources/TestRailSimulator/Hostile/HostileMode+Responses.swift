import Foundation
import TestRailAPI

extension HostileMode {
    /// The `Location` of a redirect: the same `index.php?query` on `origin`.
    static func redirectLocation(origin: URL, query: String) -> String {
        var root = origin.absoluteString
        if !root.hasSuffix("/") { root += "/" }
        return root + "index.php?" + query
    }

    /// An error body that quotes the credentials the request carried, raw and decoded.
    static func echoBody(authorization: String?) -> Data {
        let header = authorization ?? "(none)"
        var decoded = "(none)"
        if let authorization, authorization.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(authorization.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8)
        {
            decoded = text
        }
        let message =
            "Invalid request from \(decoded). Debug: Authorization: \(header); please check your credentials."
        return (try? InstanceIndex.encoder.encode(["error": message])) ?? Data()
    }

    /// `body` with its `_links.next` (if not null) pointing where `target` says; any other body unchanged.
    ///
    /// Works on the bytes the router writes (`"_links":{"next":"/api/v2/…"`, slashes unescaped), so a page keeps
    /// its exact shape apart from the link.
    static func tampering(_ body: Data, toward target: NextLink) -> Data {
        let marker = Data(#""_links":{"next":""#.utf8)
        guard let start = body.firstRange(of: marker),
            let end = body[start.upperBound...].firstIndex(of: UInt8(ascii: "\"")),
            let link = String(data: body[start.upperBound..<end], encoding: .utf8),
            let next = try? TestRailEndpoint(apiPath: link)
        else { return body }
        let replacement: String
        switch target {
        case .otherProject(let projectID, let suiteID):
            var moved = next
            moved.arguments = [projectID]
            replacement = moved.setting("suite_id", to: String(suiteID)).apiPath
        case .otherCall(let call):
            replacement = "/api/v2/" + call
        case .otherHost(let origin):
            replacement = redirectLocation(origin: origin, query: next.apiPath)
        }
        var tampered = Data(body[..<start.upperBound])
        tampered.append(contentsOf: replacement.utf8)
        tampered.append(body[end...])
        return tampered
    }
}
