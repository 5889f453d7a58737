import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One request of ``URLSessionTransport``: its body so far, and the continuation that ends it exactly once —
/// with the answer, an error from the delegate, its deadline, or the caller's cancellation, whichever comes first.
final class TransportExchange: Sendable {
    /// Scheme, host and port: where credentials may go.
    struct Origin: Sendable, Hashable {
        var scheme: String
        var host: String
        var port: Int?

        init(_ url: URL) {
            scheme = url.scheme?.lowercased() ?? ""
            host = url.host?.lowercased() ?? ""
            port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : nil)
        }
    }

    private struct State {
        var continuation: CheckedContinuation<HTTPResponse, any Error>?
        var task: URLSessionTask?
        var body = Data()
        var finished = false
        /// A redirect to another origin that was refused: the exchange ends with it once the task completes.
        var refusedRedirect: String?
        /// The session asked about a redirect and has not yet been heard from since: the task must not be cancelled
        /// until it has (see ``beginRedirect()``).
        var redirecting = false
    }

    let origin: Origin
    let call: String
    let maximumBodySize: Int
    private let state = Mutex(State())

    init(origin: Origin, call: String, maximumBodySize: Int) {
        self.origin = origin
        self.call = call
        self.maximumBodySize = maximumBodySize
    }

    func attach(_ continuation: CheckedContinuation<HTTPResponse, any Error>) {
        let early = state.withLock { state -> Bool in
            state.continuation = continuation
            return state.finished
        }
        // Cancelled before the continuation existed: end it now.
        if early { continuation.resume(throwing: TestRailError.cancelled) }
    }

    /// Starts the task and the deadline; a task whose exchange already ended is cancelled instead.
    func start(_ task: URLSessionTask, deadline seconds: Double) {
        let finished = state.withLock { state -> Bool in
            state.task = task
            return state.finished
        }
        if finished {
            Self.cancelLater(task)
            return
        }
        task.resume()
        // The timer holds the exchange weakly: one that ended long ago is not kept alive until it fires.
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) { [weak self] in
            self?.finish(.failure(.timedOut))
        }
    }

    /// Whether a body of `expectedLength` bytes (-1 when unknown) is within the cap; ends the exchange if not.
    func accepts(expectedLength: Int64) -> Bool {
        endRedirect()
        guard expectedLength > Int64(maximumBodySize) else { return true }
        finish(.failure(.responseTooLarge(call: call, limit: maximumBodySize)))
        return false
    }

    func append(_ data: Data) {
        let overflow = state.withLock { state -> Bool in
            guard !state.finished else { return false }
            guard state.body.count + data.count <= maximumBodySize else { return true }
            state.body.append(data)
            return false
        }
        if overflow { finish(.failure(.responseTooLarge(call: call, limit: maximumBodySize))) }
    }

    /// The session asks whether to follow a redirect. False when the exchange has already ended — its task may be
    /// being cancelled, and answering corelibs then traps ("Received callback for HTTP redirection, but we're not
    /// waiting for it"), so the question is left unanswered. True otherwise, and the task is then not cancelled
    /// until the session calls back again (`endRedirect`): a cancel between the answer and corelibs taking it
    /// traps as well.
    func beginRedirect() -> Bool {
        state.withLock { state -> Bool in
            guard !state.finished else { return false }
            state.redirecting = true
            return true
        }
    }

    /// The session calls back after a redirect with the new response (`accepts`, which comes before any of its
    /// body): corelibs has taken the answer, so the task may be cancelled again — and is, now, if the exchange ended meanwhile (its deadline, the caller's
    /// cancellation).
    private func endRedirect() {
        let task = state.withLock { state -> URLSessionTask? in
            guard state.redirecting else { return nil }
            state.redirecting = false
            return state.finished ? state.task : nil
        }
        if let task, task.state == .running || task.state == .suspended { Self.cancelLater(task) }
    }

    /// A redirect to `location` (another origin) was refused; the exchange ends with that once the task completes.
    func refuse(redirectTo location: String) {
        state.withLock { $0.refusedRedirect = location }
    }

    /// The task finished: the response with the body collected, or the refused redirect.
    func complete(_ response: HTTPURLResponse) {
        let (body, refused) = state.withLock { ($0.body, $0.refusedRedirect) }
        if let refused {
            finish(.failure(.redirected(to: TestRailBaseURL.masked(refused))))
            return
        }
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            if let name = name as? String, let value = value as? String {
                headers[name.lowercased()] = value
            }
        }
        finish(.success(HTTPResponse(status: response.statusCode, headers: headers, body: body)))
    }

    /// Ends the exchange (only the first call counts) and cancels its task if it is still running — at once, or,
    /// while the session is being answered about a redirect, as soon as it calls back.
    func finish(_ result: Result<HTTPResponse, TestRailError>) {
        let taken = state.withLock { state -> (CheckedContinuation<HTTPResponse, any Error>?, URLSessionTask?)? in
            guard !state.finished else { return nil }
            state.finished = true
            state.body = Data()
            defer { state.continuation = nil }
            return (state.continuation, state.redirecting ? nil : state.task)
        }
        guard let (continuation, task) = taken else { return }
        continuation?.resume(with: result.mapError { $0 as any Error })
        if let task, task.state == .running || task.state == .suspended {
            Self.cancelLater(task)
        }
    }

    /// On Linux, cancelling a task can call back into the session's queue while a lock is held; another queue
    /// keeps that away from the caller.
    private static func cancelLater(_ task: URLSessionTask) {
        DispatchQueue.global().async { task.cancel() }
    }
}
