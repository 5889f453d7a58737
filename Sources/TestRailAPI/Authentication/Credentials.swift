import Foundation

/// A user and API key for HTTP Basic auth; the key never appears in descriptions, logs or dumps.
public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public let user: String
    private let apiKey: String

    public init(user: String, apiKey: String) {
        self.user = user
        self.apiKey = apiKey
    }

    /// The `Authorization` header value.
    public var authorizationHeader: String {
        "Basic " + Data("\(user):\(apiKey)".utf8).base64EncodedString()
    }

    /// Every form in which the key can appear in text: alone, as `user:key`, base64 of `user:key` (the
    /// `Authorization` value), and percent-encoded; for ``SecretScrubber``.
    public var secretForms: [String] {
        guard !apiKey.isEmpty else { return [] }
        let pair = "\(user):\(apiKey)"
        let basic = Data(pair.utf8).base64EncodedString()
        var forms = [apiKey, pair, basic]
        // Percent-encoded too (a server may echo them into a URL): the key, `user:key` and the base64 value.
        let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        for form in forms {
            for allowed in [CharacterSet.alphanumerics, unreserved] {
                if let encoded = form.addingPercentEncoding(withAllowedCharacters: allowed), encoded != form {
                    forms.append(encoded)
                }
            }
        }
        return Array(Set(forms)).sorted()
    }

    public var description: String { "\(user) (API key hidden)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["user": user, "apiKey": "<hidden>"]) }
}
