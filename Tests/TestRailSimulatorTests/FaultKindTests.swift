import Testing

@testable import TestRailSimulator

@Suite struct FaultKindTests {
    @Test func faultKindsParseFromTheirFlagNames() {
        #expect(FaultKind.parse("all") == FaultKind.allCases)
        #expect(FaultKind.parse("5xx, html,429") == [.serverError, .html, .rateLimit])
        #expect(FaultKind.parse("409,409") == [.maintenance])
        #expect(FaultKind.parse("5xx,teapot") == nil)
        #expect(FaultKind.parse("") == nil)
    }
}
