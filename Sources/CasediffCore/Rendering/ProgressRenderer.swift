import Foundation

/// Draws ``ProgressView`` frames: a live block (one line per project and an overall line, fitted to the terminal's
/// width, coloured unless `NO_COLOR`) for a terminal, or one plain line for a log (`--progress plain`).
///
/// A project's live line that is too wide first loses its bar, then shortens the project's name, then is cut with
/// `…`; the overall line drops its least useful fields first, keeping elapsed time and the ETA. Every line stays one column
/// short of the width so the terminal never wraps it (a wrap would break the redraw).
public struct ProgressRenderer: Sendable {
    public var style: TerminalStyle
    /// Cells of the progress bar.
    public static let barWidth = 20

    public init(style: TerminalStyle) {
        self.style = style
    }

    /// A text piece with an optional ANSI colour code; widths are measured on the text alone, in terminal columns
    /// (``DisplayWidth``), so the escape sequences take no room and a wide project name is measured as drawn.
    struct Piece {
        var text: String
        var code: String?
        init(_ text: String, _ code: String? = nil) {
            self.text = text
            self.code = code
        }
    }

    // MARK: Live block

    public func liveLines(_ view: ProgressView) -> [String] {
        let limit = style.width.map { $0 - 1 }
        let single = view.sides.count == 1
        let nameWidth = min(30, view.sides.map { DisplayWidth.columns($0.progress.project) }.max() ?? 0)
        var lines: [String] = []
        for (side, progress) in view.sides {
            var name = Self.pad(progress.project, nameWidth)
            let head =
                single
                ? [Piece(name)]
                : [Piece(side.rawValue, "1"), Piece(String(repeating: " ", count: 6 - side.rawValue.count) + name)]
            let counts = [Piece(Self.counts(progress))]
            let bar = bar(progress)
            var pieces = head + counts + bar
            if let limit, Self.width(pieces) > limit {
                let counts = [Piece(String(Self.counts(progress).dropLast(2)))]
                pieces = head + counts
                let excess = Self.width(pieces) - limit
                if excess > 0 {
                    name = Self.shorten(progress.project, to: max(8, DisplayWidth.columns(name) - excess))
                    pieces = (single ? [] : [head[0], Piece(" ")]) + [Piece(name)] + counts
                }
            }
            lines.append(join(pieces, limit: limit))
        }
        lines.append(join(overall(view, limit: limit), limit: limit))
        return lines
    }

    private func bar(_ progress: SideProgress) -> [Piece] {
        let fraction = Self.fraction(progress)
        let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
        return [
            Piece(String(repeating: "█", count: filled), "32"),
            Piece(String(repeating: "░", count: Self.barWidth - filled) + String(format: " %3.0f%%", fraction * 100)),
        ]
    }

    /// A field of the overall line: its pieces, how much it is worth keeping, and whether it follows the field
    /// before without the ` · ` separator (the limit after the rate).
    struct Field {
        var pieces: [Piece]
        var priority: Int
        var attached = false
    }

    /// The overall line: rate (or the `Retry-After` countdown), 429s, retries, requests, elapsed time and ETA.
    ///
    /// Too wide for the terminal, it drops its least useful fields first, the later of equals first, so elapsed
    /// time and the ETA (or the countdown) survive on any width a terminal has:
    ///
    /// | width | line (the tests' view)                                                               |
    /// |-------|--------------------------------------------------------------------------------------|
    /// | 120   | `rate 178/min (limit 180/min) · 0 × 429 · 1 retry · 64 requests · 42s · ETA 1m12s`   |
    /// | 60    | `rate 178/min (limit 180/min) · 0 × 429 · 42s · ETA 1m12s`                           |
    /// | 40    | `rate 178/min · 42s · ETA 1m12s`                                                     |
    /// | 40    | `waiting 42 s (429 Retry-After) · 42s` (during a hold)                               |
    private func overall(_ view: ProgressView, limit: Int?) -> [Piece] {
        var fields: [Field] = []
        if let hold = view.hold {
            fields.append(Field(pieces: [Piece(Self.holdText(hold.left), "33")], priority: 6))
            fields.append(Field(pieces: [Piece(" (\(hold.reason))")], priority: 4, attached: true))
        } else {
            fields.append(Field(pieces: [Piece(Self.currentRateText(view))], priority: 4))
            fields.append(Field(pieces: [Piece(" (\(Self.limitText(view)))")], priority: 2, attached: true))
        }
        fields.append(
            Field(
                pieces: [Piece("\(view.rateLimited) × 429", view.rateLimited > 0 ? "33" : nil)],
                priority: view.rateLimited > 0 ? 3 : 1))
        fields.append(Field(pieces: [Piece("\(view.retries) \(view.retries == 1 ? "retry" : "retries")")], priority: 1))
        fields.append(Field(pieces: [Piece("\(view.requests) requests")], priority: 0))
        fields.append(Field(pieces: [Piece(DurationText.format(view.elapsed))], priority: 5))
        if view.hold == nil {
            fields.append(Field(pieces: [Piece(Self.etaText(view), "1")], priority: 6))
        }
        func pieces(_ fields: [Field]) -> [Piece] {
            var pieces: [Piece] = []
            for (index, field) in fields.enumerated() {
                if index > 0 && !field.attached { pieces.append(Piece(" · ")) }
                pieces += field.pieces
            }
            return pieces
        }
        while let limit, Self.width(pieces(fields)) > limit, fields.count > 1 {
            // The least useful field goes; of equals, the later one.
            let lowest = fields.map(\.priority).min()!
            fields.remove(at: fields.lastIndex { $0.priority == lowest }!)
            if fields.first?.attached == true { fields[0].attached = false }
        }
        return pieces(fields)
    }

    private func join(_ pieces: [Piece], limit: Int?) -> String {
        let plain = pieces.map(\.text).joined()
        if let limit, DisplayWidth.columns(plain) > limit {
            // Too narrow for the pieces: cut the plain text (colour is dropped rather than cut mid-sequence).
            return DisplayWidth.fit(plain, columns: limit)
        }
        return pieces.map { piece in
            guard let code = piece.code, !piece.text.isEmpty else { return piece.text }
            return style.paint(piece.text, code)
        }.joined()
    }

    // MARK: Plain line

    /// One line for a log or CI console: every side and the overall figures, never coloured or cut.
    public func plainLine(_ view: ProgressView) -> String {
        var parts = view.sides.map { side, progress in
            (view.sides.count == 1 ? "" : "\(side.rawValue) ") + "\(progress.project): "
                + Self.counts(progress)
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        // During a hold the countdown takes the place of the rate and the ETA, as on the live line.
        let lead = view.hold.map { Self.holdText($0.left) + " (\($0.reason))" } ?? Self.rateText(view)
        parts.append(
            lead + ", \(view.rateLimited) × 429, \(view.retries) " + (view.retries == 1 ? "retry" : "retries")
                + ", \(view.requests) requests, " + DurationText.format(view.elapsed)
                + (view.hold == nil ? ", " + Self.etaText(view) : ""))
        return "progress: " + parts.joined(separator: "; ")
    }

    // MARK: Texts

    static func counts(_ progress: SideProgress) -> String {
        let suites = "\(progress.suitesDone)/\(progress.suitesTotal.map(String.init) ?? "?") suites"
        let cases = progress.casesExpected.map { "\(progress.cases)/\($0) cases" } ?? "\(progress.cases) cases"
        let pages = "\(progress.pages)/\(progress.pagesPlanned) pages"
        return "  \(suites)  \(cases)  \(pages)  "
    }

    static func fraction(_ progress: SideProgress) -> Double {
        if progress.isDone { return 1 }
        guard progress.pagesPlanned > 0 else { return 0 }
        return min(1, Double(progress.pages) / Double(progress.pagesPlanned))
    }

    static func rateText(_ view: ProgressView) -> String {
        "\(currentRateText(view)) (\(limitText(view)))"
    }

    /// Requests sent in the last minute (``FetchProgress/rateWindow``).
    static func currentRateText(_ view: ProgressView) -> String {
        "rate " + (view.ratePerMinute.map { String(format: "%.0f/min", $0) } ?? "–/min")
    }

    static func limitText(_ view: ProgressView) -> String {
        view.limitPerMinute.map { String(format: "limit %.0f/min", $0) } ?? "no limit"
    }

    /// `waiting 42 s`: whole seconds left, rounded up so the count never shows 0 while requests still wait.
    static func holdText(_ left: Duration) -> String {
        "waiting \(Int(left.inSeconds.rounded(.up))) s"
    }

    /// `ETA 1m12s`; `ETA ?` while the plan may still grow (no estimate would be honest); `ETA –` before pages flow.
    static func etaText(_ view: ProgressView) -> String {
        guard let eta = view.eta else { return view.planKnown ? "ETA –" : "ETA ?" }
        if eta == .zero { return "done" }
        return "ETA " + DurationText.format(eta)
    }

    /// The pieces' width in terminal columns.
    static func width(_ pieces: [Piece]) -> Int { pieces.reduce(0) { $0 + DisplayWidth.columns($1.text) } }

    /// The text in exactly `width` columns: padded with spaces, or shortened (and then padded when a wide character
    /// did not fit the last column).
    static func pad(_ text: String, _ width: Int) -> String {
        let fitted = shorten(text, to: width)
        return fitted + DisplayWidth.padding(fitted, to: width)
    }

    /// The text in at most `width` columns (at least one character and the `…`), cut with `…`.
    static func shorten(_ text: String, to width: Int) -> String {
        DisplayWidth.fit(text, columns: max(2, width))
    }
}
