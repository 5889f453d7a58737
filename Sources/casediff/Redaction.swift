import CasediffCore
import Synchronization
import TestRailAPI

/// The run's one ``SecretScrubber``: every credential registered as soon as it is known (the environment's at start,
/// a configuration file's when it is read, each instance's once its settings resolve), and read by every output
/// path: stderr lines, the log, reports, snapshots and the final error line.
///
/// Process-wide because the last error line is printed from a static path (``ExitStatus``) that may run before or
/// after any value could have been handed to it; everything else takes ``current`` explicitly.
enum Redaction {
    private static let scrubber = Mutex(SecretScrubber.none)

    /// The scrubber with everything registered so far.
    static var current: SecretScrubber { scrubber.withLock { $0 } }

    static func register(_ forms: [String]) {
        scrubber.withLock { $0.add(forms) }
    }

    static func scrub(_ text: String) -> String {
        current.scrub(text)
    }
}
