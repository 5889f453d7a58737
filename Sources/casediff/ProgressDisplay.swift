import CasediffCore
import Foundation

/// Draws the tracker's frames until cancelled: the live block ten times a second on a terminal, or a plain line
/// every five seconds (`--progress plain`) for a log or a CI console.
struct ProgressDisplay: Sendable {
    enum Mode: Sendable {
        case live
        case plain
    }

    let mode: Mode
    let tracker: ProgressTracker
    let console: Console
    let environment: [String: String]
    var color: ColorMode = .auto

    var interval: Duration { mode == .live ? .milliseconds(100) : .seconds(5) }

    func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let view = await tracker.view()
            switch mode {
            case .live:
                // The width is read each frame: the terminal may have been resized.
                let style = Terminal.style(of: STDERR_FILENO, environment: environment, color: color)
                console.draw(ProgressRenderer(style: style).liveLines(view))
            case .plain:
                console.write(line: "casediff: " + ProgressRenderer(style: .plain).plainLine(view))
            }
        }
    }
}
