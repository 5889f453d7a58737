import Foundation

/// A way the simulated server abuses its client, so tests can prove the client holds: where credentials go, which
/// links it follows, what it prints, how long it waits and how much it reads.
///
/// Applied before authentication (a redirect or an echo needs no login) to every call whose method is in `methods`
/// (nil: every call); ``SimulatorConfiguration/hostility`` lists modes, and the first that matches a call wins.
public struct HostileMode: Sendable, Hashable {
    public enum Behaviour: Sendable, Hashable {
        /// Answers `status` (301, 302, 307, 308) with `Location:` the same call on `origin`, another instance.
        case redirect(origin: URL, status: Int)
        /// Answers normally, but rewrites every non-null `_links.next` to leave the listed resource.
        case tamperNextLinks(NextLink)
        /// Answers `status` with TestRail's error body quoting the request's `Authorization` header and the
        /// `user:key` it decodes to, as a debugging proxy or a careless error page might.
        case echoAuthorization(status: Int)
        /// Answers 200 promising `contentLength` bytes, then sends them at `bytesPerSecond` (an idle timeout never
        /// fires).
        case trickle(contentLength: Int, bytesPerSecond: Int)
        /// Answers 200 with a valid JSON object of `bytes` bytes, sent as fast as the client reads.
        case oversizedBody(bytes: Int)
        /// Accepts the request and never answers (until the simulator stops).
        case silence
    }

    /// Where a tampered `_links.next` points.
    public enum NextLink: Sendable, Hashable {
        /// The same method and page, in another project and suite: `get_cases/2&suite_id=21&limit=250&offset=250`.
        case otherProject(projectID: Int, suiteID: Int)
        /// Another call altogether, e.g. `delete_case/10000` (a write, which no reader may send).
        case otherCall(String)
        /// The same call on another origin: `http://127.0.0.2:8080/index.php?/api/v2/get_cases/…`.
        case otherHost(URL)
    }

    public var behaviour: Behaviour
    /// The API methods this applies to (`get_project`); nil for every call.
    public var methods: Set<String>?

    public init(_ behaviour: Behaviour, methods: Set<String>? = nil) {
        self.behaviour = behaviour
        self.methods = methods
    }

    /// Whether this mode applies to a call of `method`.
    public func applies(to method: String) -> Bool {
        methods?.contains(method) ?? true
    }

    /// The request log's `fault` for a call this mode answered.
    public var logName: String {
        switch behaviour {
        case .redirect: return "redirect"
        case .tamperNextLinks: return "next_link"
        case .echoAuthorization: return "echo_auth"
        case .trickle: return "trickle"
        case .oversizedBody: return "oversized"
        case .silence: return "silence"
        }
    }
}
