import Foundation
import TestRailAPI
import TestRailSimulator

extension SimulatorProcess {
    /// A real client (URLSession over loopback) signed in as the simulator's demo user.
    func demoClient() throws -> TestRailClient {
        TestRailClient(
            baseURL: try TestRailBaseURL(baseURL.absoluteString),
            credentials: Credentials(
                user: SimulatorConfiguration.demoUser.email, apiKey: SimulatorConfiguration.demoUser.key),
            transport: URLSessionTransport())
    }

    /// The environment a `casediff` process needs to reach this instance as the demo user, and nothing else (no
    /// configuration file, no profile).
    var environment: [String: String] {
        [
            "TESTRAIL_URL": baseURL.absoluteString, "TESTRAIL_USER": SimulatorConfiguration.demoUser.email,
            "TESTRAIL_API_KEY": SimulatorConfiguration.demoUser.key,
        ]
    }

    /// Throws unless the simulator says it serves `cases` cases: the bench's data and the simulator's are the same.
    func expect(cases: Int) throws {
        guard summary.contains(" \(cases) cases") else {
            throw BenchError.wrongDataset(expected: "\(cases) cases", served: summary)
        }
    }
}
