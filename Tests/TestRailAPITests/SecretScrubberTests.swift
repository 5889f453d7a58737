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
}
