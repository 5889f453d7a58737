import CasediffCore
import Foundation
import Synchronization
import TestRailAPI

/// casediff's stderr: notes and log lines, and below them the live progress block, which is redrawn in place.
///
/// Every write is one `write(2)` of a whole frame: the cursor goes up to the block's first line, each line is
/// written over the old one and cleared to its end (`ESC[K`), and whatever is left below is cleared (`ESC[J`), so
/// nothing is ever blanked and drawn again (no flicker). A line printed while the block is up goes where the block
/// began and the block is drawn again under it, so warnings and logs never interleave with it. Every line and frame
/// passes through the run's ``SecretScrubber``.
final class Console: LogOutput, Sendable {
    /// The block's lines as last drawn.
    private let block = Mutex<[String]>([])
    private let write: @Sendable (String) -> Void
    private let scrubber: SecretScrubber

    init(scrubber: SecretScrubber, write: @escaping @Sendable (String) -> Void = Console.standardError) {
        self.scrubber = scrubber
        self.write = write
    }

    /// Writes to stderr; a failure is ignored, for there is nowhere left to report it (and it must not crash).
    static func standardError(_ text: String) {
        _ = OutputFile.writeAll(Data(text.utf8), to: STDERR_FILENO)
    }

    /// Prints a line above the live block (or plainly, when there is none).
    func write(line: String) {
        let line = scrubber.scrub(line)
        block.withLock { lines in
            // Off a terminal (no block drawn) the line goes out as it is, without escape sequences.
            write(lines.isEmpty ? line + "\n" : Self.up(lines.count) + line + "\u{1B}[K\n" + Self.frame(lines))
        }
    }

    /// Replaces the live block with `lines`.
    func draw(_ lines: [String]) {
        let lines = lines.map(scrubber.scrub)
        block.withLock { old in
            write(Self.up(old.count) + Self.frame(lines))
            old = lines
        }
    }

    /// Removes the live block (before the result, an error or the summary is printed).
    func clear() {
        block.withLock { lines in
            guard !lines.isEmpty else { return }
            write(Self.up(lines.count) + "\u{1B}[J")
            lines = []
        }
    }

    private static func up(_ count: Int) -> String {
        count > 0 ? "\u{1B}[\(count)A\r" : ""
    }

    private static func frame(_ lines: [String]) -> String {
        lines.map { $0 + "\u{1B}[K\n" }.joined() + (lines.isEmpty ? "" : "\u{1B}[J")
    }
}
