import Testing

@testable import TestRailAPI

@Suite struct TestRailEndpointTests {
    @Test func printsMethodArgumentsAndParametersInOrder() {
        let endpoint = TestRailEndpoint.getCases(projectID: 7, suiteID: 3, offset: 500, limit: 250)
        #expect(endpoint.apiPath == "/api/v2/get_cases/7&suite_id=3&limit=250&offset=500")
        #expect(endpoint.description == "get_cases/7&suite_id=3&limit=250&offset=500")
        #expect(TestRailEndpoint.getCases(projectID: 7, suiteID: nil).apiPath == "/api/v2/get_cases/7")
    }

    @Test func parsesANextLinkAndKeepsItsFilters() throws {
        let link = "/api/v2/get_cases/1&suite_id=2&section_id=9&limit=250&offset=250"
        let endpoint = try TestRailEndpoint(apiPath: link)
        #expect(endpoint.method == "get_cases")
        #expect(endpoint.arguments == [1])
        #expect(endpoint.parameter("suite_id") == "2")
        #expect(endpoint.parameter("section_id") == "9")
        #expect(endpoint.parameter("offset") == "250")
        #expect(endpoint.apiPath == link)
    }

    @Test func escapesParameterValuesThatWouldBreakTheQuery() throws {
        let endpoint = TestRailEndpoint(method: "get_cases", arguments: [1], parameters: [.init("filter", "a&b=c d")])
        #expect(endpoint.apiPath == "/api/v2/get_cases/1&filter=a%26b%3Dc%20d")
        #expect(try TestRailEndpoint(apiPath: endpoint.apiPath).parameter("filter") == "a&b=c d")
    }

    @Test func replacesAParameter() {
        let endpoint = TestRailEndpoint.getCases(projectID: 1, suiteID: 2, offset: 0, limit: 250)
            .setting("offset", to: "750")
        #expect(endpoint.apiPath == "/api/v2/get_cases/1&suite_id=2&limit=250&offset=750")
    }

    @Test(arguments: ["/api/v1/get_cases/1", "/api/v2/get_cases/x", "/foo"])
    func rejectsLinksOutsideTheAPI(link: String) {
        #expect(throws: TestRailError.self) { try TestRailEndpoint(apiPath: link) }
    }
}
