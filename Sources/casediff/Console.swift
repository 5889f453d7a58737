import CasediffCore
import Foundation
import Synchronization

/// casediff's stderr: notes and log lines, and below them the live progress block, which is redrawn in place.
///
/// Every write is one `write(2)` of a whole frame: the cursor goes up to the block's first line, each line is
/// written over the old one and cleared to its end (`ESC[K`), and whatever is left below is cleared (`ESC[J`), so
/// nothing is ever blanked and drawn again (no flicker). A line printed while the block is up goes where the block
/// began and the block is drawn again under it, so warnings and logs never interleave with it.
final class Console: LogOutput, Sendable {
    /// The block's lines as last drawn.
    private let block = Mutex<[String]>([])
    private let write: @Sendable (String) -> Void

    init(write: @escaping @Sendable (String) -> Void = Console.standardError) {
        self.write = write
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Prints a line above the live block (or plainly, when there is none).
    func write(line: String) {
        block.withLock { lines in
            // Off a terminal (no block drawn) the line goes out as it is, without escape sequences.
            write(lines.isEmpty ? line + "\n" : Self.up(lines.count) + line + "\u{1B}[K\n" + Self.frame(lines))
        }
    }

    /// Replaces the live block with `lines`.
    func draw(_ lines: [String]) {
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
