import Foundation
import Testing

@testable import TestRailAPI

@Suite struct TestRailBaseURLTests {
    @Test(arguments: [
        ("https://x.testrail.io", "https://x.testrail.io/"),
        ("https://x.testrail.io/", "https://x.testrail.io/"),
        ("https://host/testrail", "https://host/testrail/"),
        ("https://host/testrail/", "https://host/testrail/"),
        ("  https://host/testrail/index.php  ", "https://host/testrail/"),
        ("https://host/testrail/index.php?/dashboard", "https://host/testrail/"),
        ("HTTP://127.0.0.1:8080", "http://127.0.0.1:8080/"),
    ])
    func normalisesTheRoot(input: String, expected: String) throws {
        #expect(try TestRailBaseURL(input).description == expected)
    }

    @Test func buildsTheQueryStyleAPIURL() throws {
        let root = try TestRailBaseURL("https://host/testrail")
        let url = root.url(for: .getCases(projectID: 1, suiteID: 2, offset: 250, limit: 250))
        #expect(
            url.absoluteString == "https://host/testrail/index.php?/api/v2/get_cases/1&suite_id=2&limit=250&offset=250")
        let bare = try TestRailBaseURL("https://x.testrail.io/")
        #expect(bare.url(for: .getProjects()).absoluteString == "https://x.testrail.io/index.php?/api/v2/get_projects")
        #expect(bare.url(for: .getCaseTypes).absoluteString == "https://x.testrail.io/index.php?/api/v2/get_case_types")
    }

    @Test func namesTheInstanceByHostAndPort() throws {
        #expect(try TestRailBaseURL("https://x.testrail.io/a/").instance == "x.testrail.io")
        #expect(try TestRailBaseURL("http://127.0.0.1:9000").instance == "127.0.0.1:9000")
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("ftp://host/", "it must start with https:// or http://"),
        ("x.testrail.io", "it must start with https:// or http://"),
        ("https://", "it has no host name"),
        ("https://host/#x", "it has a #fragment"),
        ("https://host/?a=b", "it has a query; give the TestRail root URL"),
    ])
    func rejectsWhatIsNotARoot(input: String, reason: String) {
        #expect(throws: TestRailError.invalidBaseURL(input, reason: reason)) { try TestRailBaseURL(input) }
    }

    @Test func neverEchoesCredentialsEmbeddedInTheURL() throws {
        let error = try #require(throws: TestRailError.self) { try TestRailBaseURL("https://me:s3cret@host/tr/") }
        #expect(
            error
                == .invalidBaseURL(
                    "https://***@host/tr/",
                    reason: "it carries credentials; set TESTRAIL_USER and TESTRAIL_API_KEY instead"))
        #expect(!error.description.contains("s3cret"))
        #expect(!error.description.contains("me:"))
    }
}

@Suite struct TestRailBaseURLMaskingTests {
    @Test(arguments: [
        ("http://user:pw@ho st/", "http://***@ho st/"),
        ("ftp://user:pw@host/x", "ftp://***@host/x"),
        ("user:pw@host:8080", "***@host:8080"),
        ("https://user:pw@host/tr/", "https://***@host/tr/"),
        ("https://host/tr/?a@b", "https://host/tr/?a@b"),
        ("https://u:p#ss@host/", "https://***@host/"),
        ("https://u:p/ss?x@host/", "https://***@host/"),
    ])
    func everyMessageMasksTheUserinfo(input: String, shown: String) throws {
        let error = try #require(throws: TestRailError.self) { try TestRailBaseURL(input) }
        guard case .invalidBaseURL(let url, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(url == shown)
        #expect(!error.description.contains("pw"))
    }
}
