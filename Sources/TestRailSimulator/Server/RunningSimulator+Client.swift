import Foundation
import TestRailAPI

extension RunningSimulator {
    /// A real client (URLSession over loopback) signed in as the demo user, as tests and the benchmark use it.
    public func demoClient() throws -> TestRailClient {
        TestRailClient(
            baseURL: try TestRailBaseURL(baseURL.absoluteString),
            credentials: Credentials(
                user: SimulatorConfiguration.demoUser.email, apiKey: SimulatorConfiguration.demoUser.key),
            transport: URLSessionTransport())
    }
}
