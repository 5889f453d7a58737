import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// The flags every command that talks to TestRail shares.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "TestRail root URL (default: $TESTRAIL_URL).")
    var url: String?

    @Option(name: .long, help: "TestRail user email (default: $TESTRAIL_USER).")
    var user: String?

    @Option(name: .long, help: "Seconds to wait for one response.")
    var timeout: Int = 30

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    /// Builds a client from flags over the environment; the API key only ever comes from the environment.
    /// `--offline` sends nothing, so it needs only the URL (the store's key for the instance).
    func client(environment: [String: String], offline: Bool = false) throws -> TestRailClient {
        guard let urlText = url ?? environment["TESTRAIL_URL"], !urlText.isEmpty else {
            throw CasediffError.missingSetting("no TestRail URL: set TESTRAIL_URL or pass --url")
        }
        let baseURL = try TestRailBaseURL(urlText)
        if offline {
            return TestRailClient(
                baseURL: baseURL, credentials: Credentials(user: "", apiKey: ""), transport: URLSessionTransport(),
                timeout: .seconds(timeout))
        }
        guard let user = user ?? environment["TESTRAIL_USER"], !user.isEmpty else {
            throw CasediffError.missingSetting("no TestRail user: set TESTRAIL_USER or pass --user")
        }
        guard let key = environment["TESTRAIL_API_KEY"], !key.isEmpty else {
            throw CasediffError.missingSetting("no API key: set TESTRAIL_API_KEY")
        }
        return TestRailClient(
            baseURL: baseURL, credentials: Credentials(user: user, apiKey: key), transport: URLSessionTransport(),
            timeout: .seconds(timeout))
    }
}
