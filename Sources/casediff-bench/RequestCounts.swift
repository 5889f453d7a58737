import TestRailSimulator

/// Requests and 429s as the server saw them: the simulator's request log, one entry per request it answered.
struct RequestCounts: Sendable, Equatable {
    var requests: Int
    var rateLimited: Int

    init(requests: Int, rateLimited: Int) {
        self.requests = requests
        self.rateLimited = rateLimited
    }

    init(_ log: some Collection<RequestLogEntry>) {
        requests = log.count
        rateLimited = log.count { $0.status == 429 }
    }
}
