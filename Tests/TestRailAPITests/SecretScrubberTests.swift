import Foundation
import Testing

@testable import TestRailAPI

struct SecretScrubberTests {
    let credentials = Credentials(user: "qa@example.com", apiKey: "s3cr3t/Key+9")

    @Test func everyFormOfTheKeyIsRedacted() {
        let scrubber = SecretScrubber(credentials: [credentials])
        let header = credentials.authorizationHeader
        let echoed = """
            {"error": "bad auth \(header) for qa@example.com:s3cr3t/Key+9, key s3cr3t/Key+9, url k=s3cr3t%2FKey%2B9"}
            """
        let scrubbed = scrubber.scrub(echoed)
        #expect(!scrubbed.contains("s3cr3t"))
        #expect(!scrubbed.contains(String(header.dropFirst("Basic ".count))))
        #expect(scrubbed.contains("Basic <redacted>"))
        #expect(scrubbed.contains("for <redacted>, key <redacted>"))
        // The user name alone is not a secret.
        #expect(scrubber.scrub("user qa@example.com") == "user qa@example.com")
    }

    @Test func tooShortASecretIsLeftAlone() {
        let scrubber = SecretScrubber(secrets: ["abc"])
        #expect(scrubber.isEmpty)
        #expect(scrubber.scrub("abcabc") == "abcabc")
    }

    @Test func bodiesAreScrubbedAsBytesEvenAroundInvalidUTF8() {
        let scrubber = SecretScrubber(credentials: [credentials])
        var body = Data([0xFF, 0xFE])
        body += Data(#"{"title": "s3cr3t\/Key+9 and s3cr3t/Key+9", "id": 1}"#.utf8)
        body += Data([0xC3])
        let scrubbed = scrubber.scrub(body)
        #expect(scrubbed.prefix(2) == Data([0xFF, 0xFE]) && scrubbed.last == 0xC3)
        #expect(
            scrubbed.dropFirst(2).dropLast() == Data(#"{"title": "<redacted> and <redacted>", "id": 1}"#.utf8))
        let clean = Data(#"{"id": 2}"#.utf8)
        #expect(scrubber.scrub(clean) == clean)
    }

    @Test func aClientWithoutAKeyScrubsNothing() {
        #expect(Credentials(user: "", apiKey: "").secretForms.isEmpty)
    }

    @Test func aServerEchoingTheKeyInItsDataGetsItNoFurtherThanTheClient() async throws {
        let header = credentials.authorizationHeader
        let client = TestRailClient(
            baseURL: try TestRailBaseURL("https://acme.testrail.io/"), credentials: credentials,
            transport: ClosureTransport { request in
                let echoed = request.headers["Authorization"] ?? ""
                return HTTPResponse(status: 200, body: Data(#"{"id": 1, "name": "\#(echoed)"}"#.utf8))
            })
        let body = try await client.data(for: .getProject(1))
        let text = String(decoding: body, as: UTF8.self)
        #expect(text == #"{"id": 1, "name": "Basic <redacted>"}"#)
        #expect(!text.contains(String(header.dropFirst(6))))
    }

    /// Percent-encoded, as a server may echo them into a URL: the key, `user:key` and the base64 value.
    @Test func percentEncodedFormsAreRedactedToo() {
        let scrubber = SecretScrubber(credentials: [credentials])
        let basic = Data("qa@example.com:s3cr3t/Key+9".utf8).base64EncodedString()
        let encodedBasic = basic.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let text = "Location: https://x/?auth=\(encodedBasic)&u=qa%40example.com%3As3cr3t%2FKey%2B9"
        let scrubbed = scrubber.scrub(text)
        #expect(!scrubbed.contains(encodedBasic) && !scrubbed.contains("s3cr3t"), "\(scrubbed)")
    }

    /// Bodies full of near misses (the key's prefix, its rarest byte, overlaps) scrub exactly as a plain text
    /// replacement does.
    @Test(arguments: 0..<50)
    func bytesScrubExactlyAsTextReplacementDoes(seed: UInt64) {
        var random = TestRandom(seed: seed)
        let key = "dem-K3y/x"
        let scrubber = SecretScrubber(secrets: [key])
        let pieces = ["dem", "dem-", "dem-K", "K3y", "dem-K3y/", key, key + key, "d" + key, "a", " ", "\\/", "-"]
        let body = (0..<60).map { _ in pieces.randomElement(using: &random)! }.joined()
        let expected = scrubber.scrub(body)
        #expect(String(decoding: scrubber.scrub(Data(body.utf8)), as: UTF8.self) == expected, "\(body)")
    }
}
