import Foundation
import Testing

@testable import CasediffCore

/// The live block and the plain line, drawn on a fake terminal (a style with a width and a colour switch).
@Suite struct ProgressRendererTests {
    static func makeView(
        leftName: String = "P1 Storefront", rateLimited: Int = 0, eta: Duration? = .seconds(72),
        planKnown: Bool = true, hold: (left: Duration, reason: String)? = nil
    ) -> ProgressView {
        ProgressView(
            sides: [
                (
                    .left,
                    SideProgress(
                        project: leftName, suitesDone: 3, suitesTotal: 10, cases: 12_340, casesExpected: 36_017,
                        pages: 52, pagesPlanned: 160)
                ),
                (
                    .right,
                    SideProgress(
                        project: "P2 Storefront (migrated)", suitesDone: 0, cases: 250, pages: 1, pagesPlanned: 2)
                ),
            ],
            ratePerMinute: 178, limitPerMinute: 180, requests: 64, rateLimited: rateLimited, retries: 1,
            elapsed: .seconds(42), eta: eta, planKnown: planKnown, hold: hold)
    }

    static func visible(_ line: String) -> String {
        line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    /// A project named in CJK is measured in columns, as the terminal draws it.
    @Test(arguments: [120, 80, 60, 40])
    func aWideProjectNameStaysOneColumnShortOfTheWidth(width: Int) {
        let view = Self.makeView(leftName: "P1 在线商店（迁移后的新版本）😀")
        let lines = ProgressRenderer(style: TerminalStyle(width: width, color: true)).liveLines(view)
        for line in lines {
            #expect(DisplayWidth.columns(Self.visible(line)) <= width - 1, "\(Self.visible(line))")
        }
        // The two project lines' counts start in the same column.
        let starts = zip(lines.prefix(2), ["3/10 suites", "0/? suites"]).map { line, counts -> Int? in
            let plain = Self.visible(line)
            return plain.range(of: counts).map { DisplayWidth.columns(plain[..<$0.lowerBound]) }
        }
        if width == 120 { #expect(starts[0] != nil && starts[0] == starts[1], "\(lines)") }
    }

    @Test(arguments: [120, 80, 60, 40])
    func everyLineStaysOneColumnShortOfTheWidth(width: Int) {
        let lines = ProgressRenderer(style: TerminalStyle(width: width, color: true)).liveLines(Self.makeView())
        #expect(lines.count == 3)
        for line in lines {
            #expect(Self.visible(line).count <= width - 1, "\(Self.visible(line))")
        }
    }

    @Test func aWideTerminalShowsEverythingWithBars() {
        let lines = ProgressRenderer(style: TerminalStyle(width: 160, color: false)).liveLines(Self.makeView())
        #expect(
            lines[0]
                == "left  P1 Storefront             3/10 suites  12340/36017 cases  52/160 pages  ██████░░░░░░░░░░░░░░  32%"
        )
        #expect(lines[1].hasPrefix("right P2 Storefront (migrated)  0/? suites  250 cases  1/2 pages  ██████████"))
        #expect(lines[2] == "rate 178/min (limit 180/min) · 0 × 429 · 1 retry · 64 requests · 42s · ETA 1m12s")
    }

    @Test func aNarrowTerminalDropsTheBarThenShortensTheName() {
        let lines = ProgressRenderer(style: TerminalStyle(width: 70, color: false)).liveLines(Self.makeView())
        #expect(!lines[0].contains("█") && !lines[0].contains("░"))
        #expect(lines[0].contains("12340/36017 cases") && lines[0].contains("52/160 pages"))
        let narrower = ProgressRenderer(style: TerminalStyle(width: 60, color: false)).liveLines(Self.makeView())
        #expect(narrower[1] == "right P2 Storefront (mig…  0/? suites  250 cases  1/2 pages", "\(narrower)")
    }

    @Test func noColourMeansNoEscapeSequences() {
        let coloured = ProgressRenderer(style: TerminalStyle(width: 120, color: true)).liveLines(
            Self.makeView(rateLimited: 2))
        #expect(coloured.joined().contains("\u{1B}[33m2 × 429"))
        let plain = ProgressRenderer(style: TerminalStyle(width: 120, color: false)).liveLines(
            Self.makeView(rateLimited: 2))
        #expect(!plain.joined().contains("\u{1B}"))
        // NO_COLOR on a terminal gives such a style.
        let detected = TerminalStyle.detect(environment: ["NO_COLOR": "1"], isTTY: true, terminalWidth: 100)
        #expect(detected.color == false && detected.width == 100)
    }

    @Test func theNonTerminalLineIsPlainAndComplete() {
        let line = ProgressRenderer(style: .plain).plainLine(Self.makeView())
        #expect(
            line
                == "progress: left P1 Storefront: 3/10 suites 12340/36017 cases 52/160 pages; right P2 Storefront "
                + "(migrated): 0/? suites 250 cases 1/2 pages; rate 178/min (limit 180/min), 0 × 429, 1 retry, "
                + "64 requests, 42s, ETA 1m12s")
        #expect(TerminalStyle.detect(environment: [:], isTTY: false, terminalWidth: nil) == .plain)
    }

    @Test func anUnknownEtaAndAFinishedRunSaySo() {
        let renderer = ProgressRenderer(style: TerminalStyle(width: 200, color: false))
        #expect(renderer.liveLines(Self.makeView(eta: nil))[2].hasSuffix("ETA –"))
        #expect(renderer.liveLines(Self.makeView(eta: .zero))[2].hasSuffix("done"))
        #expect(renderer.liveLines(Self.makeView(eta: nil, planKnown: false))[2].hasSuffix("ETA ?"))
        #expect(ProgressRenderer(style: .plain).plainLine(Self.makeView(eta: nil, planKnown: false)).hasSuffix("ETA ?"))
    }

    /// The overall line at the widths a terminal has: the least useful fields go first, and elapsed time and the
    /// ETA always stay (the 60 columns cut it to `…50 re…`).
    @Test(arguments: [
        (120, "rate 178/min (limit 180/min) · 0 × 429 · 1 retry · 64 requests · 42s · ETA 1m12s"),
        (80, "rate 178/min (limit 180/min) · 0 × 429 · 1 retry · 42s · ETA 1m12s"),
        (60, "rate 178/min (limit 180/min) · 0 × 429 · 42s · ETA 1m12s"),
        (40, "rate 178/min · 42s · ETA 1m12s"),
    ])
    func theOverallLineKeepsElapsedAndEta(width: Int, expected: String) {
        let lines = ProgressRenderer(style: TerminalStyle(width: width, color: false)).liveLines(Self.makeView())
        #expect(lines[2] == expected)
    }

    /// 429s seen are worth more than the limit; none seen, less.
    @Test func rateLimitsSeenOutrankTheLimit() {
        let renderer = ProgressRenderer(style: TerminalStyle(width: 41, color: false))
        #expect(renderer.liveLines(Self.makeView(rateLimited: 5))[2] == "rate 178/min · 5 × 429 · 42s · ETA 1m12s")
        #expect(renderer.liveLines(Self.makeView(rateLimited: 0))[2] == "rate 178/min · 42s · ETA 1m12s")
    }

    /// During a Retry-After hold the countdown replaces the rate and the ETA, live and plain.
    @Test(arguments: [
        (120, "waiting 30 s (429 Retry-After) · 2 × 429 · 1 retry · 64 requests · 42s"),
        (60, "waiting 30 s (429 Retry-After) · 2 × 429 · 1 retry · 42s"),
        (40, "waiting 30 s (429 Retry-After) · 42s"),
    ])
    func aHoldIsCountedDown(width: Int, expected: String) {
        let view = Self.makeView(rateLimited: 2, hold: (.seconds(29.2), "429 Retry-After"))
        let lines = ProgressRenderer(style: TerminalStyle(width: width, color: false)).liveLines(view)
        #expect(lines[2] == expected)
        let plain = ProgressRenderer(style: .plain).plainLine(view)
        #expect(plain.hasSuffix("; waiting 30 s (429 Retry-After), 2 × 429, 1 retry, 64 requests, 42s"), "\(plain)")
    }

    @Test func aSingleProjectHasNoSideLabel() {
        var view = Self.makeView()
        view.sides.removeLast()
        let lines = ProgressRenderer(style: TerminalStyle(width: 160, color: false)).liveLines(view)
        #expect(lines.count == 2 && lines[0].hasPrefix("P1 Storefront  3/10 suites"))
    }
}
