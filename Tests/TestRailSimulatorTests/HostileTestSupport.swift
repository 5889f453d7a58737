import Foundation
import TestRailSimulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A plain HTTP client for hostile modes: it never follows a redirect, and its timeouts are the caller's.
enum HostileTestSupport {
    /// One GET of `apiPath` as the demo user; `idle` is the longest silence allowed (URLSession's request
    /// timeout; whole seconds: FoundationNetworking on Linux times a fraction out at once).
    static func get(
        _ simulator: RunningSimulator, _ apiPath: String, idle: TimeInterval = 10
    ) async throws -> (response: HTTPURLResponse, body: Data) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = idle
        let session = URLSession(configuration: configuration, delegate: RedirectRefuser(), delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = URLRequest(url: URL(string: simulator.baseURL.absoluteString + "index.php?" + apiPath)!)
        let user = SimulatorConfiguration.demoUser
        let token = Data("\(user.email):\(user.key)".utf8).base64EncodedString()
        request.setValue("Basic \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        return (http, data)
    }

    /// Whether the GET is still going after `deadline`: neither answered in full nor failed (then cancelled).
    static func isStillGoing(
        _ simulator: RunningSimulator, _ apiPath: String, idle: TimeInterval, after deadline: Duration
    ) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                _ = try? await get(simulator, apiPath, idle: idle)
                return false
            }
            group.addTask {
                try? await Task.sleep(for: deadline)
                return true
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// A list page's `_links.next` (nil when null) and `size`.
    static func links(_ simulator: RunningSimulator, _ apiPath: String) async throws -> (next: String?, size: Int?) {
        let (_, body) = try await get(simulator, apiPath)
        let object = try JSONSerialization.jsonObject(with: body) as? [String: Any]
        let links = object?["_links"] as? [String: Any]
        return (links?["next"] as? String, object?["size"] as? Int)
    }
}

/// Refuses every redirect, so the client sees the 3xx and its `Location` itself.
final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
