import Foundation
import TestRailAPI

extension SimulatorCore {
    /// The answer a hostile mode gives in place of the API's, logged like any other; nil when the mode only alters
    /// the API's own answer (next-link tampering).
    func hostileReply(
        _ mode: HostileMode, query: String, authorization: String?, arrived: Duration, call: TestRailEndpoint
    ) async -> Reply? {
        if case .tamperNextLinks = mode.behaviour { return nil }
        let admission = await state.admit(path: call.apiPath, at: arrived)
        let response: APIResponse
        var delivery: Reply.Delivery?
        switch mode.behaviour {
        case .tamperNextLinks:
            return nil
        case .redirect(let origin, let status):
            let location = HostileMode.redirectLocation(origin: origin, query: query)
            response = APIResponse(
                status: status, body: Data("Moved to \(location)\n".utf8), headers: [("Location", location)],
                contentType: "text/plain; charset=UTF-8")
        case .echoAuthorization(let status):
            response = APIResponse(status: status, body: HostileMode.echoBody(authorization: authorization))
        case .trickle(let length, let rate):
            response = APIResponse(status: 200, body: Self.streamPrefix)
            delivery = .trickled(contentLength: length, bytesPerSecond: rate)
        case .oversizedBody(let bytes):
            response = APIResponse(status: 200, body: Data())
            delivery = .oversized(bytes: bytes)
        case .silence:
            while !stopping.isSet && !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(50))
            }
            response = .error(503, TestRailMessages.internalError)
        }
        return await finish(
            response, sequence: admission.sequence, arrived: arrived, method: call.method, path: call.apiPath,
            fault: nil, occurrence: admission.occurrence, faultName: mode.logName,
            carriedAuthorization: authorization != nil, delivery: delivery)
    }

    /// Bytes `range` of a streamed hostile body `total` bytes long: ``streamPrefix``, `x` padding, then `"}`, so the
    /// whole is one valid JSON object.
    static func streamedBytes(_ range: Range<Int>, total: Int) -> [UInt8] {
        // Filled whole, then the few special positions patched: a byte-by-byte map costs seconds per 64 MB in a
        // debug build, on the threads every other test in the process shares.
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: range.count)
        for position in range.lowerBound..<max(range.lowerBound, min(range.upperBound, streamPrefix.count)) {
            bytes[position - range.lowerBound] = streamPrefix[streamPrefix.startIndex + position]
        }
        for (position, byte) in [(total - 2, UInt8(ascii: "\"")), (total - 1, UInt8(ascii: "}"))]
        where range.contains(position) && position >= streamPrefix.count {
            bytes[position - range.lowerBound] = byte
        }
        return bytes
    }

    /// How a streamed hostile body (trickled or oversized) starts: a plausible TestRail envelope, so only its
    /// length or its pace gives it away.
    static let streamPrefix = Data(
        #"{"offset":0,"limit":250,"size":0,"_links":{"next":null,"prev":null},"cases":[],"padding":""#.utf8)
}
