import Foundation
import Logging
import TestRailAPI
import Testing

@testable import CasediffCore

/// Log lines: both formats, typed JSON values, sorted keys, and secrets that never appear.
@Suite struct LogLineFormatterTests {
    static let time = Date(timeIntervalSince1970: 1_795_000_000.25)

    static let record = RequestRecord(
        id: RequestID(unit: "p30/s12/o500", attempt: 2), call: "get_cases/30&suite_id=12&limit=250&offset=500",
        status: 200, latency: .milliseconds(123), bytes: 4567, next: .done)

    @Test func requestIdsNameTheUnitAndTheAttempt() {
        #expect(RequestID(unit: "p30/s12/o500", attempt: 2).description == "p30/s12/o500#2")
        let unit = WorkUnit(
            kind: .cases(.left, suiteID: 12), endpoint: .getCases(projectID: 30, suiteID: 12, offset: 500),
            offset: 500)
        #expect(RequestID(unit: unit.label, attempt: 1).description == "p30/s12/o500#1")
    }

    @Test func aTextLineIsKeyValueInKeyOrder() {
        let line = LogLineFormatter(format: .text).line(
            at: Self.time, level: .info, message: "request", metadata: RequestLog.metadata(Self.record))
        #expect(
            line
                == "2026-11-18T11:06:40.250Z info request bytes=4567 call=\"get_cases/30&suite_id=12&limit=250&offset=500\" "
                + "latency_ms=123 next=done request_id=p30/s12/o500#2 status=200")
    }

    @Test func aJSONLineKeepsNumbersAsNumbers() throws {
        let line = LogLineFormatter(format: .json).line(
            at: Self.time, level: .notice, message: "request",
            metadata: RequestLog.metadata(
                RequestRecord(
                    id: RequestID(unit: "p1/s2/o0", attempt: 1), call: "get_cases/1&suite_id=2", status: 429,
                    error: "rate limited", latency: .milliseconds(40), bytes: 0, retryAfter: .seconds(3),
                    next: .waitForLimit)))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["request_id"] as? String == "p1/s2/o0#1")
        #expect(object["status"] as? Int == 429)
        #expect(object["latency_ms"] as? Int == 40)
        #expect(object["retry_after_s"] as? Double == 3)
        #expect(object["level"] as? String == "notice")
        #expect(object["next"] as? String == "wait for the rate limit")
        #expect(line.hasPrefix("{\"bytes\":0,\"call\":"))
    }

    @Test func secretsAreMaskedWhereverTheyAppear() {
        let formatter = LogLineFormatter(format: .text, scrubber: SecretScrubber(secrets: ["s3cr3t-key", ""]))
        let line = formatter.line(
            at: Self.time, level: .error, message: "server said s3cr3t-key", metadata: ["error": "echo s3cr3t-key"])
        #expect(!line.contains("s3cr3t-key"))
        #expect(line.contains("server said <redacted>") && line.contains("error=\"echo <redacted>\""))
    }

    /// A server that echoes the Authorization header: the key, `user:key` and its base64 form never reach a line,
    /// in either format, even inside a quoted or JSON-escaped value.
    @Test func everyFormOfTheCredentialsIsRedactedInBothFormats() throws {
        let credentials = Credentials(user: "qa@example.test", apiKey: "k3y\"quoted")
        let basic = Data("qa@example.test:k3y\"quoted".utf8).base64EncodedString()
        let echo = "Authorization: Basic \(basic); user qa@example.test:k3y\"quoted; key k3y\"quoted"
        for format in LogFormat.allCases {
            let formatter = LogLineFormatter(format: format, scrubber: SecretScrubber(credentials: [credentials]))
            let line = formatter.line(
                at: Self.time, level: .error, message: "run failed",
                metadata: ["error": "\(echo)", "nested": ["k3y\"quoted", .dictionary(["basic": "\(basic)"])]])
            #expect(!line.contains("k3y"), "\(format): \(line)")
            #expect(!line.contains(basic), "\(format): \(line)")
            #expect(line.contains("<redacted>"))
        }
    }

    @Test func theHandlerWritesThroughItsOutputAtItsLevel() async {
        final class Lines: LogOutput, @unchecked Sendable {
            var lines: [String] = []
            func write(line: String) { lines.append(line) }
        }
        let output = Lines()
        let logger = Logger(label: "test") { _ in
            CasediffLogHandler(output: output, formatter: LogLineFormatter(format: .text), level: .info) { Self.time }
        }
        await RequestLog(logger: logger).observe(.request(Self.record))
        logger.debug("not written")
        #expect(output.lines.count == 1 && output.lines[0].contains("request_id=p30/s12/o500#2"))
    }
}
