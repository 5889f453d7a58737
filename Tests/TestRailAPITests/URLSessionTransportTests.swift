import Foundation
import NIOCore
import Testing

@testable import TestRailAPI

/// The production transport against a hostile server on loopback: redirects, endless bodies, silence.
/// Serialized: a flood test saturates a loaded machine's cores and would stretch the others' timings.
@Suite(.serialized) struct URLSessionTransportTests {
    static let authorization = "Basic " + Data("qa@acme.test:s3cret-key".utf8).base64EncodedString()

    func request(
        _ port: Int, path: String = "/index.php?/api/v2/get_project/1", timeout: Duration = .seconds(5),
        maximumBodySize: Int = TestRailClient.defaultMaximumResponseSize
    ) -> HTTPRequest {
        HTTPRequest(
            url: URL(string: "http://127.0.0.1:\(port)\(path)")!, headers: ["Authorization": Self.authorization],
            timeout: timeout, maximumBodySize: maximumBodySize)
    }

    static func ok(_ body: String) -> LoopbackServer.Reply {
        .raw("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
    }

    /// A redirect to another port is another origin: refused before anything, let alone the key, is sent there.
    @Test func aRedirectToAnotherOriginIsRefusedAndSendsItNothing() async throws {
        try await LoopbackServer.withRunning(reply: { _ in Self.ok("{}") }) { other in
            let location = "http://user:pw@127.0.0.1:\(other.port)/index.php?/api/v2/get_project/1"
            try await LoopbackServer.withRunning(reply: { _ in
                .raw("HTTP/1.1 302 Found\r\nLocation: \(location)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            }) { server in
                let error = try await #require(throws: TestRailError.self) {
                    try await URLSessionTransport().send(request(server.port))
                }
                #expect(error == .redirected(to: "http://***@127.0.0.1:\(other.port)/index.php?/api/v2/get_project/1"))
                #expect(!error.isRetryable)
                #expect(
                    error.description
                        == "TestRail redirected to http://***@127.0.0.1:\(other.port)/index.php?/api/v2/get_project/1; use that URL"
                )
                #expect(server.requests.count == 1)
            }
            #expect(other.requests.isEmpty, "the other origin received \(other.requests.map(\.line))")
        }
    }

    /// corelibs-foundation copies every header into a redirected request; on the same origin, for the same API
    /// call (another path to TestRail's root), that is wanted.
    @Test func aSameOriginRedirectIsFollowedWithTheCredentials() async throws {
        try await LoopbackServer.withRunning(reply: { request in
            request.line.contains("/moved/")
                ? Self.ok(#"{"id":1}"#)
                : .raw(
                    "HTTP/1.1 301 Moved\r\nLocation: /moved/index.php?/api/v2/get_project/1\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n")
        }) { server in
            let response = try await URLSessionTransport().send(request(server.port))
            #expect(response.status == 200 && response.body == Data(#"{"id":1}"#.utf8))
            #expect(server.requests.count == 2)
            #expect(server.requests.allSatisfy { $0.headers["authorization"] == Self.authorization })
        }
    }

    /// A redirect within the origin to another API call (another project's list, or a write) is refused like one
    /// to another host: nothing is sent to it.
    @Test func aSameOriginRedirectToAnotherCallIsRefused() async throws {
        try await LoopbackServer.withRunning(reply: { _ in
            .raw(
                "HTTP/1.1 302 Found\r\nLocation: /index.php?/api/v2/delete_case/1\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n")
        }) { server in
            await #expect(throws: TestRailError.self) {
                _ = try await URLSessionTransport().send(request(server.port))
            }
            #expect(server.requests.count == 1)
            #expect(!server.requests.contains { $0.line.contains("delete_case") })
        }
    }

    /// URLSession's timeout is an idle timeout: a body trickled a byte at a time would never trip it.
    @Test func aTrickledBodyEndsWithinTheTimeout() async throws {
        try await LoopbackServer.withRunning(reply: { _ in
            .trickle(head: "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n", interval: .milliseconds(50))
        }) { server in
            let started = ContinuousClock.now
            await #expect(throws: TestRailError.timedOut) {
                try await URLSessionTransport().send(request(server.port, timeout: .milliseconds(800)))
            }
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    /// After a followed redirect the task is not cancelled while the session takes the answer (corelibs traps);
    /// a body that then trickles forever still ends the exchange within its timeout.
    @Test func aTrickledBodyAfterARedirectEndsWithinTheTimeout() async throws {
        try await LoopbackServer.withRunning(reply: { request in
            request.line.contains("/moved/")
                ? .trickle(head: "HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n", interval: .milliseconds(50))
                : .raw(
                    "HTTP/1.1 302 Found\r\nLocation: /moved/index.php?/api/v2/get_project/1\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n")
        }) { server in
            let started = ContinuousClock.now
            await #expect(throws: TestRailError.timedOut) {
                try await URLSessionTransport().send(request(server.port, timeout: .milliseconds(800)))
            }
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(server.requests.count == 2)
        }
    }

    @Test func aSilentServerEndsWithinTheTimeout() async throws {
        try await LoopbackServer.withRunning(reply: { _ in .silent }) { server in
            let started = ContinuousClock.now
            await #expect(throws: TestRailError.timedOut) {
                try await URLSessionTransport().send(request(server.port, timeout: .milliseconds(800)))
            }
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    @Test func cancellingReturnsAtOnce() async throws {
        try await LoopbackServer.withRunning(reply: { _ in .silent }) { server in
            let transport = URLSessionTransport()
            let started = ContinuousClock.now
            let task = Task { try await transport.send(request(server.port, timeout: .seconds(30))) }
            try await Task.sleep(for: .milliseconds(200))
            task.cancel()
            await #expect(throws: TestRailError.cancelled) { try await task.value }
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }

    /// A declared length over the cap is refused from the header, before the body (the 10 MB sent are under the cap).
    @Test func aBodyDeclaredLargerThanTheCapIsRefused() async throws {
        try await LoopbackServer.withRunning(reply: { _ in
            .flood(head: "HTTP/1.1 200 OK\r\nContent-Length: 2000000000\r\n\r\n", chunks: 10)
        }) { server in
            let error = try await #require(throws: TestRailError.self) {
                try await URLSessionTransport().send(request(server.port))
            }
            #expect(error == .responseTooLarge(call: "get_project/1", limit: 64 << 20))
            #expect(error.description == "the response to get_project/1 is larger than 64 MB")
            #expect(!error.isRetryable)
        }
    }

    /// Without a length, the bytes are counted as they arrive.
    @Test func anUndeclaredBodyIsCutAtTheCap() async throws {
        try await LoopbackServer.withRunning(reply: { _ in
            .flood(head: "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n", chunks: 200)
        }) { server in
            let started = ContinuousClock.now
            await #expect(throws: TestRailError.responseTooLarge(call: "get_project/1", limit: 4 << 20)) {
                try await URLSessionTransport().send(request(server.port, maximumBodySize: 4 << 20))
            }
            #expect(ContinuousClock.now - started < .seconds(5))
        }
    }
}
