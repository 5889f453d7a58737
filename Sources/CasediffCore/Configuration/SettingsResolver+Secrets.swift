import Foundation
import TestRailAPI

extension SettingsResolver {
    /// Every form of every credential the environment holds (`TESTRAIL_API_KEY` with `TESTRAIL_USER`, and a password
    /// written into `TESTRAIL_URL`), known before anything is resolved so even a settings error is scrubbed.
    public static func secretForms(environment: [String: String]) -> [String] {
        var forms = urlPasswordForms(environment["TESTRAIL_URL"])
        if let key = environment["TESTRAIL_API_KEY"], !key.isEmpty {
            forms += Credentials(user: environment["TESTRAIL_USER"] ?? "", apiKey: key).secretForms
        }
        return forms
    }

    /// A password written into a URL (`https://user:pw@host`, `user:pw@host:port`), alone and as `user:pw`.
    public static func urlPasswordForms(_ url: String?) -> [String] {
        guard let userinfo = url.flatMap(userinfo) else { return [] }
        guard let colon = userinfo.firstIndex(of: ":") else { return [userinfo] }
        let password = String(userinfo[userinfo.index(after: colon)...])
        return password.isEmpty ? [] : [userinfo, password, password.removingPercentEncoding ?? password]
    }

    /// The part of a URL before the host's `@` (``TestRailBaseURL/userinfoRange(in:)``).
    private static func userinfo(_ text: String) -> String? {
        TestRailBaseURL.userinfoRange(in: text).map { String(text[$0]) }
    }
}

extension SettingsResolver.Resolved {
    /// Every form in which this instance's credentials can appear in text (key, `user:key`, its base64), and a
    /// password written into its URL: what ``SecretScrubber`` removes from everything casediff prints or writes.
    public var secretForms: [String] {
        var forms = SettingsResolver.urlPasswordForms(url?.value)
        if let key = apiKey?.value, !key.isEmpty {
            forms += Credentials(user: user?.value ?? "", apiKey: key).secretForms
        }
        return forms
    }
}

extension ConfigFile {
    /// Every profile's key in all its forms (with the profile's user), and passwords written into profile URLs: a
    /// key in the file is scrubbed even when this run does not use it.
    public var secretForms: [String] {
        profiles.keys.sorted().flatMap { name -> [String] in
            let profile = profiles[name]!
            var forms = SettingsResolver.urlPasswordForms(profile.url)
            if let key = profile.apiKey {
                forms += Credentials(user: profile.user ?? "", apiKey: key).secretForms
            }
            return forms
        }
    }
}
