import Foundation
import TestRailAPI
import TestRailSimulator
import Testing

/// Real servers' quirks by version: bare `get_suites`, the beta pagination header, the authentication banner,
/// `limit=0` in next links.
@Suite struct SimulatorDialectTests {
    typealias Support = SimulatorTestSupport
    /// Two suites of 260 and 3 cases in a multi-suite project.
    let dataset = SimulatorTestSupport.makeDataset(suiteSizes: [260, 3])

    @Test func getSuitesIsABareArrayByDefaultAsBefore931() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let (status, body) = try await Support.get(simulator, "/api/v2/get_suites/1&limit=1")
            #expect(status == 200)
            #expect(Support.ids(try JSONSerialization.jsonObject(with: body)) == [1, 2], "limit is ignored")
            let client = try Support.makeClient(simulator)
            let page: Page<Suite> = try await client.page(.getSuites(projectID: 1), itemsKey: "suites")
            #expect(page.isLegacy && page.items.map(\.id) == [1, 2])
            // Other lists keep their envelope.
            let cases = try JSONSerialization.jsonObject(
                with: try await Support.get(simulator, "/api/v2/get_cases/1&suite_id=2").body)
            #expect((cases as? [String: Any])?["size"] as? Int == 3)
        }
    }

    @Test func paginatedSuitesServeTheEnvelopeAsFrom931() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(suitesPaginated: true)) {
            simulator in
            let client = try Support.makeClient(simulator)
            let first = try #require(try await Support.json(client, "/api/v2/get_suites/1&limit=1") as? [String: Any])
            #expect(Set(first.keys) == ["offset", "limit", "size", "_links", "suites"])
            #expect(Support.ids(first["suites"]) == [1])
            #expect((first["_links"] as? [String: Any])?["next"] as? String == "/api/v2/get_suites/1&limit=1&offset=1")
            #expect(try await client.suites(projectID: 1).map(\.id) == [1, 2])
        }
    }

    @Test func betaHeaderServersAnswerBareArraysUnlessAskedForTheEnvelope() async throws {
        let configuration = SimulatorConfiguration(suitesPaginated: true, betaHeaderPagination: true)
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: configuration) { simulator in
            let path = "/api/v2/get_cases/1&suite_id=1"
            let plain = try await Support.get(simulator, path)
            let whole = try #require(try JSONSerialization.jsonObject(with: plain.body) as? [[String: Any]])
            #expect(plain.status == 200 && whole.count == 260)

            let beta = try await Support.get(simulator, path, headers: ["X-API-Ident": "beta"])
            let page = try #require(try JSONSerialization.jsonObject(with: beta.body) as? [String: Any])
            #expect(page["size"] as? Int == 250)
            #expect((page["_links"] as? [String: Any])?["next"] as? String == path + "&limit=250&offset=250")

            let suites = try await Support.get(simulator, "/api/v2/get_suites/1")
            #expect(try JSONSerialization.jsonObject(with: suites.body) is [Any])
            let betaSuites = try await Support.get(simulator, "/api/v2/get_suites/1", headers: ["x-api-ident": "beta"])
            #expect(try JSONSerialization.jsonObject(with: betaSuites.body) is [String: Any])

            let log = await simulator.requestLog()
            #expect(log.map(\.apiIdent) == [nil, "beta", nil, "beta"])
            #expect(log.map(\.items) == [260, 250, 2, 2])
        }
    }

    @Test func theBetaHeaderMattersOnlyToBetaHeaderServers() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset) { simulator in
            let beta = try await Support.get(simulator, "/api/v2/get_projects", headers: ["x-api-ident": "beta"])
            #expect(try JSONSerialization.jsonObject(with: beta.body) is [String: Any])
            let plain = try await Support.get(simulator, "/api/v2/get_projects")
            #expect(try JSONSerialization.jsonObject(with: plain.body) is [String: Any])
        }
    }

    @Test func theAuthenticationBannerPrefixesEverySuccessfulBody() async throws {
        let banner = Data("USER AUTHENTICATION SUCCESSFUL!\n".utf8)
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(authenticationBanner: true)) {
            simulator in
            for path in ["/api/v2/get_projects", "/api/v2/get_case/1", "/api/v2/get_case_fields"] {
                let (status, body) = try await Support.get(simulator, path)
                #expect(status == 200 && body.starts(with: banner), "\(path)")
                #expect(try JSONSerialization.jsonObject(with: body.dropFirst(banner.count)) is NSObject)
            }
            let missing = try await Support.get(simulator, "/api/v2/get_case/99999")
            #expect(missing.status == 400 && missing.body.first == UInt8(ascii: "{"), "errors carry no banner")
            let log = await simulator.requestLog()
            #expect(log[0].bytes > banner.count)
        }
    }

    @Test func zeroLimitLinksSayLimit0AndFollowingThemVerbatimIsA400() async throws {
        try await TestRailSimulator.withRunning(dataset: dataset, configuration: .init(zeroLimitNextLinks: true)) {
            simulator in
            let client = try Support.makeClient(simulator)
            let body = try await client.data(for: .getCases(projectID: 1, suiteID: 1))
            let envelope = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            let link = try #require((envelope["_links"] as? [String: Any])?["next"] as? String)
            #expect(link == "/api/v2/get_cases/1&suite_id=1&limit=0&offset=250")
            await #expect(throws: TestRailError.badRequest("Field :limit is not a valid integer between 1 and 250.")) {
                let _: Page<TestCase> = try await client.page(try TestRailEndpoint(apiPath: link), itemsKey: "cases")
            }
            // casediff's client reads such a link with the page size put back.
            let first: Page<TestCase> = try await client.page(.getCases(projectID: 1, suiteID: 1), itemsKey: "cases")
            let next = try #require(first.next)
            #expect(next.apiPath == "/api/v2/get_cases/1&suite_id=1&limit=250&offset=250")
            // With the real limit put back (as trcli does), the page is there, and its prev link is untouched.
            let second: Page<TestCase> = try await client.page(next.setting("limit", to: "250"), itemsKey: "cases")
            #expect(second.items.count == 10 && second.isLast)
            #expect(second.previous?.apiPath == "/api/v2/get_cases/1&suite_id=1&limit=250&offset=0")
        }
    }
}
