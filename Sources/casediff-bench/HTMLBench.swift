import CasediffCore
import Foundation

/// Scenario H1: the HTML report of C1's two projects (2 × `cases` cases, about 2% drift of every kind), rendered
/// here and opened and filtered in headless Chromium.
///
/// Target (issue 20): the report opens and every filter answers in under 2 s. The floors are measured in the same
/// run, in the same browser: for opening, the same document without its page script (the browser still reads and
/// tokenizes every byte, the cases' JSON included, but runs nothing) from navigation start to its load event; for a
/// filter, one loop over every record of every suite's parsed data comparing one field. The browser side is
/// `Tests/Browser/measure_report.py` (standard library Python over the DevTools pipe, `cdp.py`); this type renders,
/// writes both files, runs it and reads its JSON.
enum HTMLBench {
    struct Result {
        /// The median of three renders of the same report to a String.
        var renderSeconds: Double
        var megabytes: Double
        var totals: StatusCounts
        /// What the browser measured, or why it could not be used (Chromium missing).
        var browser: Outcome
    }

    enum Outcome {
        case measured(BrowserTimings)
        case unavailable(String)
    }

    /// `measure_report.py`'s answer, in seconds (see its doc string).
    struct BrowserTimings: Decodable {
        struct Open: Decodable {
            /// Navigation start to `dataset.ready` (the page's script done), in the page.
            var ready: Double
            /// Navigation start to the first frame after ready, layout done.
            var frame: Double
            var load: Double
            var wall: Double
        }

        struct FloorOpen: Decodable {
            var load: Double
            var wall: Double
        }

        struct Filter: Decodable {
            var fragment: String
            /// Setting the fragment to the first frame after the page's handler, layout done.
            var seconds: Double
            var handlerSeconds: Double
            /// The cases the view matches (`#shown`'s `data-count`) and the rows drawn.
            var count: Int
            var rows: Int

            enum CodingKeys: String, CodingKey {
                case fragment, seconds, count, rows
                case handlerSeconds = "handler_seconds"
            }
        }

        struct FilterFloor: Decodable {
            var seconds: Double
            var records: Int
        }

        var open: Open
        var floorOpen: FloorOpen
        var openingCount: Int
        /// The page's JS heap after the last open (`Runtime.getHeapUsage`).
        var heapMegabytes: Double
        var filters: [String: Filter]
        var filterFloor: FilterFloor
        var errors: [String]

        enum CodingKeys: String, CodingKey {
            case open, filters, errors
            case floorOpen = "floor_open"
            case openingCount = "opening_count"
            case heapMegabytes = "heap_mb"
            case filterFloor = "filter_floor"
        }
    }

    /// The measures a reader waits on, each under 2 s.
    static let target = 2.0
    /// The filters measured, in the order the bench prints them (keys of `measure_report.py`'s `filters`).
    static let filterNames = ["kind", "search", "all", "suite", "search_all"]

    static func run(cases: Int) throws -> Result {
        let (left, right) = CompareBench.makeProjects(cases: cases)
        let report = try ProjectComparator().compare(left, right)
        let clock = ContinuousClock()
        var renders: [Double] = []
        var document = ""
        for _ in 0..<3 {
            document = ""  // the previous render is freed before the next
            let start = clock.now
            document = HTMLRenderer().render(report, context: RenderContext(toolVersion: "bench"))
            renders.append((clock.now - start).inSeconds)
        }
        let bytes = Array(document.utf8)
        document = ""
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "casediff-bench-h1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let reportURL = folder.appendingPathComponent("report.html")
        let floorURL = folder.appendingPathComponent("floor.html")
        try Data(bytes).write(to: reportURL)
        try Data(withoutPageScript(bytes)).write(to: floorURL)
        return Result(
            renderSeconds: renders.sorted()[1], megabytes: Double(bytes.count) / 1e6, totals: report.totals,
            browser: try measure(report: reportURL, floor: floorURL))
    }

    /// The document without its page script, the last `<script>` with no type before `</body>`: what the browser must
    /// read and tokenize with nothing to run.
    static func withoutPageScript(_ bytes: [UInt8]) -> [UInt8] {
        guard let body = lastIndex(of: "</body>", in: bytes, before: bytes.count),
            let open = lastIndex(of: "<script>\n", in: bytes, before: body),
            let close = lastIndex(of: "</script>", in: bytes, before: body), close > open
        else { preconditionFailure("the HTML report has no page script before </body>") }
        return Array(bytes[..<open]) + Array(bytes[(close + "</script>".utf8.count)...])
    }

    /// Where `pattern` last starts in `bytes` such that it ends at or before `end`.
    static func lastIndex(of pattern: String, in bytes: [UInt8], before end: Int) -> Int? {
        let needle = Array(pattern.utf8)
        var start = end - needle.count
        while start >= 0 {
            if bytes[start] == needle[0], bytes[start..<start + needle.count].elementsEqual(needle) { return start }
            start -= 1
        }
        return nil
    }

    /// Runs `measure_report.py` on the two files; its JSON, or why the browser could not be used.
    static func measure(report: URL, floor: URL) throws -> Outcome {
        let browserFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/Browser")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", browserFolder.appendingPathComponent("measure_report.py").path, report.path, floor.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = browserFolder.path
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        let diagnostics = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        struct Failure: Decodable { var error: String }
        if let failure = try? JSONDecoder().decode(Failure.self, from: answer) {
            return .unavailable(failure.error)
        }
        guard process.terminationStatus == 0 else {
            throw BenchError.processFailed(
                command: "python3 measure_report.py", status: process.terminationStatus,
                stderr: String(decoding: diagnostics, as: UTF8.self))
        }
        return .measured(try JSONDecoder().decode(BrowserTimings.self, from: answer))
    }
}
