import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TestRailAPI
import UnixSignals

/// A TestRail instance on loopback, served over real HTTP by Hummingbird.
///
/// `withRunning` is the scoped form tests use: the server is up for exactly the body's duration.
public struct TestRailSimulator: Sendable {
    public let core: SimulatorCore
    let configuration: SimulatorConfiguration

    public init(dataset: Dataset, configuration: SimulatorConfiguration = SimulatorConfiguration()) throws {
        self.configuration = configuration
        core = try SimulatorCore(dataset: dataset, configuration: configuration)
    }

    /// Serves until one of `shutdownSignals` arrives (or the task is cancelled); `onReady` receives the instance's
    /// root URL once the port is bound. Signals shut down gracefully: requests in flight are answered first.
    public func run(
        shutdownSignals: [UnixSignal] = [.sigterm, .sigint], onReady: @escaping @Sendable (URL) async -> Void
    ) async throws {
        try await makeServiceGroup(shutdownSignals: shutdownSignals, onReady: onReady).run()
    }

    func makeServiceGroup(
        shutdownSignals: [UnixSignal], onReady: @escaping @Sendable (URL) async -> Void
    ) -> ServiceGroup {
        let core = self.core
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            var headers: [String: String] = [:]
            for field in request.headers {
                let name = field.name.canonicalName
                headers[name] = headers[name].map { $0 + ", " + field.value } ?? field.value
            }
            let reply = await core.handle(
                httpMethod: request.method.rawValue, path: request.uri.path, query: request.uri.query,
                authorization: request.headers[.authorization], headers: headers)
            return Self.response(for: reply, stopping: core.stopping)
        }
        let host = configuration.host
        let basePath = configuration.basePath
        let logger = Logger(label: "testrail-sim", factory: { _ in SwiftLogNoOpLogHandler() })
        let app = Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await onReady(URL(string: "http://\(host):\(port)\(basePath)")!)
            },
            logger: logger
        )
        var group = ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: shutdownSignals, logger: logger)
        group.maximumGracefulShutdownDuration = .seconds(5)
        return ServiceGroup(configuration: group)
    }

    /// Starts the simulator, runs `body` against it, and stops it, whatever `body` does.
    ///
    /// The server stops by graceful shutdown, not by cancellation: cancelling a NIO server while a client's
    /// connections are still being accepted traps in NIO (apple/swift-nio#3481), and clients such as casediff
    /// may leave connections behind when they stop early.
    public static func withRunning<Result: Sendable>(
        dataset: Dataset, configuration: SimulatorConfiguration = SimulatorConfiguration(),
        _ body: @Sendable (RunningSimulator) async throws -> Result
    ) async throws -> Result {
        let simulator = try TestRailSimulator(dataset: dataset, configuration: configuration)
        let (ready, continuation) = AsyncStream.makeStream(of: URL.self)
        let server = simulator.makeServiceGroup(shutdownSignals: []) { url in continuation.yield(url) }
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                try await server.run()
                return nil
            }
            var iterator = ready.makeAsyncIterator()
            guard let url = await iterator.next() else {
                simulator.core.stopping.set()
                await server.triggerGracefulShutdown()
                throw CancellationError()
            }
            let outcome: Swift.Result<Result, any Error>
            do {
                outcome = .success(try await body(RunningSimulator(baseURL: url, core: simulator.core)))
            } catch {
                outcome = .failure(error)
            }
            simulator.core.stopping.set()
            await server.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }

    static func response(for reply: SimulatorCore.Reply, stopping: StopFlag) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = reply.contentType
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let buffer = ByteBuffer(bytes: reply.body)
        switch reply.delivery {
        case .whole, .truncated:
            return Response(status: .init(code: reply.status), headers: headers, body: .init(byteBuffer: buffer))
        case .dropped:
            // Promise the whole body, send a third of it, then fail the write so the connection closes.
            let partial = buffer.getSlice(at: 0, length: buffer.readableBytes / 3) ?? ByteBuffer()
            let body = ResponseBody(contentLength: buffer.readableBytes) { writer in
                try await writer.write(partial)
                throw SimulatedConnectionDrop()
            }
            return Response(status: .init(code: reply.status), headers: headers, body: body)
        case .trickled(let length, let rate):
            // A tenth of the rate every 100 ms: never idle long enough for an idle timeout.
            let step = max(1, rate / 10)
            let body = ResponseBody(contentLength: length) { writer in
                var sent = 0
                while sent < length {
                    guard !stopping.isSet, !Task.isCancelled else { throw SimulatedConnectionDrop() }
                    let end = min(length, sent + step)
                    try await writer.write(ByteBuffer(bytes: SimulatorCore.streamedBytes(sent..<end, total: length)))
                    sent = end
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            return Response(status: .init(code: reply.status), headers: headers, body: body)
        case .oversized(let length):
            let chunk = 1 << 20
            let body = ResponseBody(contentLength: length) { writer in
                var sent = 0
                while sent < length {
                    guard !stopping.isSet, !Task.isCancelled else { throw SimulatedConnectionDrop() }
                    let end = min(length, sent + chunk)
                    try await writer.write(ByteBuffer(bytes: SimulatorCore.streamedBytes(sent..<end, total: length)))
                    sent = end
                }
            }
            return Response(status: .init(code: reply.status), headers: headers, body: body)
        }
    }
}
