import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A raw HTTP/1.1 server on 127.0.0.1 (random port) that answers each request as a test scripts it — redirects,
/// bodies trickled forever, silence — and records every request head it received.
final class LoopbackServer: Sendable {
    /// What to do with one request.
    enum Reply: Sendable {
        /// Write these bytes and close.
        case raw(String)
        /// Write `head`, then one byte every `interval`, forever.
        case trickle(head: String, interval: TimeAmount)
        /// Write `head`, then `chunks` chunks of 1 MB as fast as the client reads.
        case flood(head: String, chunks: Int)
        /// Accept, read and never answer.
        case silent
    }

    struct Request: Sendable {
        var line: String
        /// Header names in lower case.
        var headers: [String: String]
    }

    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let log: Mutex<[Request]>

    var requests: [Request] { log.withLock { $0 } }

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel) {
        self.port = port
        self.group = group
        self.channel = channel
        log = Mutex([])
    }

    /// Runs `body` with a server answering every request through `reply`, then shuts it down.
    static func withRunning<T: Sendable>(
        reply: @escaping @Sendable (Request) -> Reply, _ body: (LoopbackServer) async throws -> T
    ) async throws -> T {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await start(group: group, reply: reply)
        do {
            let result = try await body(server)
            try await server.channel.close()
            try await group.shutdownGracefully()
            return result
        } catch {
            try? await server.channel.close()
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private static func start(
        group: MultiThreadedEventLoopGroup, reply: @escaping @Sendable (Request) -> Reply
    ) async throws -> LoopbackServer {
        let recorder = Recorder()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(recorder: recorder, reply: reply))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = LoopbackServer(port: channel.localAddress?.port ?? 0, group: group, channel: channel)
        recorder.sink.withLock { $0 = { request in server.log.withLock { $0.append(request) } } }
        return server
    }

    final class Recorder: Sendable {
        let sink = Mutex<(@Sendable (Request) -> Void)?>(nil)
        func record(_ request: Request) { sink.withLock { $0 }?(request) }
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let recorder: Recorder
        let reply: @Sendable (Request) -> Reply
        var received = ""
        var answered = false
        var trickle: RepeatedTask?

        init(recorder: Recorder, reply: @escaping @Sendable (Request) -> Reply) {
            self.recorder = recorder
            self.reply = reply
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            received += buffer.readString(length: buffer.readableBytes) ?? ""
            guard !answered, let end = received.range(of: "\r\n\r\n") else { return }
            answered = true
            let lines = received[..<end.lowerBound].components(separatedBy: "\r\n")
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                    .trimmingCharacters(in: .whitespaces)
            }
            let request = Request(line: lines.first ?? "", headers: headers)
            recorder.record(request)
            let channel = context.channel
            switch reply(request) {
            case .raw(let text):
                channel.writeAndFlush(ByteBuffer(string: text)).whenComplete { _ in channel.close(promise: nil) }
            case .trickle(let head, let interval):
                channel.writeAndFlush(ByteBuffer(string: head), promise: nil)
                trickle = channel.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { task in
                    guard channel.isActive else {
                        task.cancel()
                        return
                    }
                    channel.writeAndFlush(ByteBuffer(string: "x"), promise: nil)
                }
            case .flood(let head, let chunks):
                channel.writeAndFlush(ByteBuffer(string: head), promise: nil)
                let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1 << 20)
                @Sendable func send(_ left: Int) {
                    guard left > 0, channel.isActive else { return }
                    channel.writeAndFlush(chunk).whenSuccess { send(left - 1) }
                }
                send(chunks)
            case .silent:
                break
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            trickle?.cancel()
            context.fireChannelInactive()
        }
    }
}
