import Foundation
import TestRailAPI

/// `casediff check`: one request to the instance, and what its answer tells about it.
///
/// | answer                      | reachable | API      | credentials | verdict                      |
/// |-----------------------------|-----------|----------|-------------|------------------------------|
/// | 200                         | yes       | enabled  | accepted    | ok                           |
/// | 401                         | yes       | enabled  | rejected    | fail                         |
/// | 403 "The API is disabled…"  | yes       | disabled | unknown     | fail                         |
/// | 403 other                   | yes       | enabled  | accepted    | fail (no permission)         |
/// | 404, or HTML                | yes       | not found at this URL | unknown | fail              |
/// | 409                         | yes       | unknown  | unknown     | fail (maintenance)           |
/// | 429                         | yes       | enabled  | unknown     | fail (rate limited now)      |
/// | 5xx                         | yes       | unknown  | unknown     | fail                         |
/// | timeout, refused, DNS, TLS  | no        | unknown  | unknown     | fail                         |
public struct InstanceCheck: Sendable {
    public enum Answer: Sendable, Hashable {
        case yes
        case no
        case unknown
    }

    public var reachable: Answer
    public var apiEnabled: Answer
    public var authenticated: Answer
    /// Projects on the first page the user can see; `more` when the list goes on.
    public var projectsVisible: (count: Int, more: Bool)?
    public var latency: Duration?
    /// Why the instance is not usable now; nil when it is.
    public var failure: TestRailError?

    /// Sends `get_projects` once (no retry: the check reports what the instance says now).
    public static func run(client: TestRailClient, clock: any EngineClock = SystemEngineClock()) async -> InstanceCheck
    {
        let started = clock.now
        do {
            let data = try await client.data(for: .getProjects())
            let latency = clock.now - started
            var check = classify(.success(data))
            check.latency = latency
            return check
        } catch let error as TestRailError {
            var check = classify(.failure(error))
            if check.reachable == .yes { check.latency = clock.now - started }
            return check
        } catch {
            return classify(.failure(.connectionFailed(String(describing: error))))
        }
    }

    /// What one answer to `get_projects` says (the table above).
    public static func classify(_ answer: Result<Data, TestRailError>) -> InstanceCheck {
        switch answer {
        case .success(let data):
            do {
                let page = try Page<Project>.decode(data, itemsKey: PageKey.Resource.projects.itemsKey)
                return InstanceCheck(
                    reachable: .yes, apiEnabled: .yes, authenticated: .yes,
                    projectsVisible: (page.items.count, page.next != nil))
            } catch let error as TestRailError {
                return InstanceCheck(reachable: .yes, apiEnabled: .no, authenticated: .unknown, failure: error)
            } catch {
                return InstanceCheck(
                    reachable: .yes, apiEnabled: .no, authenticated: .unknown,
                    failure: .malformedResponse(String(describing: error)))
            }
        case .failure(let error):
            switch error {
            case .unauthorized:
                return InstanceCheck(reachable: .yes, apiEnabled: .yes, authenticated: .no, failure: error)
            case .forbidden(let message) where message.localizedCaseInsensitiveContains("API is disabled"):
                return InstanceCheck(reachable: .yes, apiEnabled: .no, authenticated: .unknown, failure: error)
            case .forbidden:
                return InstanceCheck(reachable: .yes, apiEnabled: .yes, authenticated: .yes, failure: error)
            case .notFound, .malformedResponse, .truncatedResponse, .badRequest, .htmlPage:
                return InstanceCheck(reachable: .yes, apiEnabled: .no, authenticated: .unknown, failure: error)
            case .rateLimited:
                return InstanceCheck(reachable: .yes, apiEnabled: .yes, authenticated: .unknown, failure: error)
            case .maintenance, .serverError, .unexpectedStatus, .redirected, .responseTooLarge, .refusedMethod:
                return InstanceCheck(reachable: .yes, apiEnabled: .unknown, authenticated: .unknown, failure: error)
            case .timedOut, .unreachable, .connectionFailed, .tlsFailure, .invalidBaseURL, .cancelled:
                return InstanceCheck(reachable: .no, apiEnabled: .unknown, authenticated: .unknown, failure: error)
            }
        }
    }

    init(
        reachable: Answer, apiEnabled: Answer, authenticated: Answer, projectsVisible: (Int, Bool)? = nil,
        latency: Duration? = nil, failure: TestRailError? = nil
    ) {
        self.reachable = reachable
        self.apiEnabled = apiEnabled
        self.authenticated = authenticated
        self.projectsVisible = projectsVisible.map { (count: $0.0, more: $0.1) }
        self.latency = latency
        self.failure = failure
    }
}
