import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// `casediff check`: is the instance reachable, its API enabled, the login accepted, and at what rate will casediff
/// call it. Prints what it found on stdout; exits 2 with one line when the instance is not usable now.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Test the URL and credentials, and report what casediff can tell about the instance.",
        discussion: """
            Sends one request (get_projects). Exit codes: 0 usable, 2 not (the last line says why).

            Examples:
              casediff check --url https://example.testrail.io --user qa@example.com
              casediff check --profile cloud
            """
    )

    @OptionGroup var options: DiscoveryOptions

    func run() async throws {
        let (lines, failure) = try await options.run { client, rate, settings, _, _ in
            let check = await InstanceCheck.run(client: client)
            return (Self.lines(check, client: client, rate: rate, settings: settings), check.failure)
        }
        if options.format == .json {
            let object = Dictionary(
                uniqueKeysWithValues: lines.map { ($0.key.replacingOccurrences(of: " ", with: "_"), $0.value) })
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            try options.print(data + Data("\n".utf8))
        } else {
            let width = (lines.map(\.key.count).max() ?? 0) + 2
            let text = lines.map { $0.key.padding(toLength: width, withPad: " ", startingAt: 0) + $0.value + "\n" }
            try options.print(Data(text.joined().utf8))
        }
        if let failure { throw CasediffError.request(failure, context: "check failed") }
    }

    static func lines(
        _ check: InstanceCheck, client: TestRailClient, rate: RateChoice, settings: SettingsResolver.Resolved
    ) -> [(key: String, value: String)] {
        func answer(_ value: InstanceCheck.Answer, yes: String, no: String) -> String {
            switch value {
            case .yes: return yes
            case .no: return no
            case .unknown: return "unknown"
            }
        }
        var lines: [(key: String, value: String)] = [("instance", client.baseURL.description)]
        let latency = check.latency.map { String(format: " in %.0f ms", $0.inSeconds * 1000) } ?? ""
        lines.append(("reachable", answer(check.reachable, yes: "yes\(latency)", no: "no")))
        lines.append(("api", answer(check.apiEnabled, yes: "enabled", no: "not available at this URL")))
        if case .forbidden(let message)? = check.failure, check.apiEnabled == .no {
            lines[lines.count - 1].value = "disabled (\(message))"
        }
        let user = settings.user.map { "\($0.value) (from \($0.source))" } ?? "?"
        let key = settings.apiKey.map { "key from \($0.source)" } ?? "no key"
        lines.append(
            (
                "credentials",
                answer(check.authenticated, yes: "accepted for \(user); \(key)", no: "rejected for \(user); \(key)")
            ))
        if let visible = check.projectsVisible {
            lines.append(("projects", "\(visible.count)\(visible.more ? "+" : "") visible"))
        }
        lines.append(("rate limit", rate.description))
        var profile = settings.profile.map { "'\($0)'" } ?? "none"
        if let skipped = settings.profileSkipped { profile += " (\(skipped))" }
        lines.append(("profile", profile))
        return lines
    }
}
