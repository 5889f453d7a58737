import Foundation
import TestRailAPI

extension SecretScrubber {
    /// `data` (UTF-8 text: a report, a snapshot, a listing) with every secret redacted; bytes that are not UTF-8 pass
    /// unchanged (casediff writes none).
    func scrub(_ data: Data) -> Data {
        guard !isEmpty, let text = String(data: data, encoding: .utf8) else { return data }
        let scrubbed = scrub(text)
        return scrubbed == text ? data : Data(scrubbed.utf8)
    }
}
