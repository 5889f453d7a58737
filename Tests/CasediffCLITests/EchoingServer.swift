import Foundation

/// A hostile TestRail on loopback: every request is answered 400 with an error body that echoes the request's
/// `Authorization` header, the `user:key` it decodes to and the key alone, as a careless server or proxy might.
final class EchoingServer: Sendable {
    let port: UInt16
    private let listener: Int32

    var url: String { "http://127.0.0.1:\(port)/" }

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard listener >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = UInt16(bigEndian: address.sin_port)
        self.listener = listener
        Thread.detachNewThread {
            while true {
                let connection = accept(listener, nil, nil)
                guard connection >= 0 else { return }
                Self.answer(connection)
            }
        }
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private static func answer(_ connection: Int32) {
        defer { close(connection) }
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.contains("\r\n\r\n".utf8) {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return }
            request.append(contentsOf: buffer[..<count])
        }
        let header = String(decoding: request, as: UTF8.self).split(separator: "\r\n")
            .first { $0.lowercased().hasPrefix("authorization: basic ") }
        let basic = header.map { String($0.dropFirst("authorization: basic ".count)) } ?? ""
        let pair = Data(base64Encoded: basic).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let key = pair.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
        let message = "Field :auth is invalid (Authorization: Basic \(basic); login \(pair); key \(key))"
        let body = (try? JSONSerialization.data(withJSONObject: ["error": message])) ?? Data()
        let head =
            "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        let response = Data(head.utf8) + body
        _ = response.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }
}
