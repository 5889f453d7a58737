import Foundation

/// The instance's shared mutable state: the rate window, per-call counters, the request log.
///
/// It only decides and records; the caller sleeps (latency) outside the actor.
actor SimulatorState {
    enum Gate: Sendable, Equatable {
        case pass
        case maintenance
        case rateLimited(retryAfterSeconds: Int)
    }

    struct Admission: Sendable {
        var sequence: Int
        var occurrence: Int
        var gate: Gate
    }

    private var window: RateWindow?
    private let maintenanceWindows: [Range<Duration>]
    private var maintenanceOverride: Bool?
    private var occurrences: [String: Int] = [:]
    private var sequence = 0
    private var entries: [RequestLogEntry] = []
    private let logFile: FileHandle?

    init(configuration: SimulatorConfiguration) throws {
        window = configuration.rateLimitPerMinute.map { RateWindow(limit: $0) }
        maintenanceWindows = configuration.maintenanceWindows
        if let path = configuration.requestLogPath {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw DatasetError.unreadable(path, "cannot open the request log for writing")
            }
            handle.seekToEndOfFile()
            logFile = handle
        } else {
            logFile = nil
        }
    }

    /// Numbers the request and passes it through maintenance and the rate window; a rejected request spends no
    /// budget.
    func admit(path: String, at now: Duration) -> Admission {
        sequence += 1
        let occurrence = occurrences[path, default: 0]
        occurrences[path] = occurrence + 1
        let inMaintenance = maintenanceOverride ?? maintenanceWindows.contains { $0.contains(now) }
        if inMaintenance {
            return Admission(sequence: sequence, occurrence: occurrence, gate: .maintenance)
        }
        if var limiter = window {
            let decision = limiter.decide(at: now)
            window = limiter
            if case .reject(let seconds) = decision {
                return Admission(
                    sequence: sequence, occurrence: occurrence, gate: .rateLimited(retryAfterSeconds: seconds))
            }
        }
        return Admission(sequence: sequence, occurrence: occurrence, gate: .pass)
    }

    /// A number for a request that never reached the API (bad path, failed authentication).
    func nextSequence() -> Int {
        sequence += 1
        return sequence
    }

    func record(_ entry: RequestLogEntry) {
        entries.append(entry)
        if let logFile, var line = try? Self.encoder.encode(entry) {
            line.append(UInt8(ascii: "\n"))
            logFile.write(line)
        }
    }

    func log() -> [RequestLogEntry] {
        entries.sorted { $0.sequence < $1.sequence }
    }

    func setMaintenance(_ on: Bool?) {
        maintenanceOverride = on
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
