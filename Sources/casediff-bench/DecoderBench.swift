import CasediffCore
import Foundation
import TestRailAPI

/// `--decode-page FILE`: one `get_cases` page decoded by each decoder casediff weighed (docs/benchmarks.md,
/// "Decoding"), the median of many rounds on the same bytes.
enum DecoderBench {
    static func run(_ path: String) throws {
        let body = try Data(contentsOf: URL(fileURLWithPath: path))
        let cases = try Page<TestCase>.decode(body, itemsKey: "cases").items.count
        print("decoding \(path): \(body.count) bytes, \(cases) cases; median of 40 rounds")
        report("scanner (casediff's JSONScanner)", body: body, cases: cases) {
            _ = try Page<TestCase>.decode(body, itemsKey: "cases")
        }
        report("JSONSerialization + TestCase(jsonObject:)", body: body, cases: cases) {
            guard let root = try JSONSerialization.jsonObject(with: body) as? [String: Any],
                let objects = root["cases"] as? [[String: Any]]
            else { throw CocoaError(.coderReadCorrupt) }
            _ = try objects.map(TestCase.init(jsonObject:))
        }
        report("JSONDecoder (swift-foundation) + Decodable", body: body, cases: cases) {
            _ = try JSONDecoder().decode(Envelope.self, from: body)
        }
    }

    private struct Envelope: Decodable {
        var cases: [TestCase]
    }

    private static func report(_ name: String, body: Data, cases: Int, _ decode: () throws -> Void) {
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<40 {
            let elapsed = clock.measure {
                do { try decode() } catch { print("  \(name) fails: \(error)") }
            }
            times.append(elapsed.inSeconds)
        }
        let median = times.sorted()[times.count / 2]
        print(
            String(
                format: "  %@ %6.2f ms per page  %6.2f µs per case  %6.1f MB/s",
                name.padding(toLength: 44, withPad: " ", startingAt: 0), median * 1000, median / Double(cases) * 1e6,
                Double(body.count) / median / 1e6))
    }
}
