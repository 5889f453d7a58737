/// How near two titles are, for rename detection: 1 − (Levenshtein distance ÷ the longer length), over Unicode
/// scalars of the normalised titles.
///
/// | left                        | right                        | distance | similarity |
/// |-----------------------------|------------------------------|----------|------------|
/// | `Reject an expired coupon`  | `Reject expired coupon`      | 3        | 0.875      |
/// | `Sign in with Google`       | `Sign in with Google SSO`    | 4        | 0.826      |
/// | `Pay by credit card`        | `Pay by debit card`          | 3        | 0.833      |
/// | `Export orders to CSV`      | `Import orders from CSV`     | 5        | 0.773      |
/// | `Pay by card`               | `Refund an order`            | 12       | 0.2        |
///
/// The default threshold (``ComparisonOptions/defaultRenameThreshold``, 0.8) takes the first three as renames.
enum TitleSimilarity {
    /// The similarity of `a` and `b`, or nil when it is below `threshold` (decided early where the lengths allow).
    static func similarity(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atLeast threshold: Double) -> Double? {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        // The most edits the threshold allows; the length difference alone costs that many.
        let budget = Int((1 - threshold) * Double(longest) + 1e-9)
        guard abs(a.count - b.count) <= budget else { return nil }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > budget { return nil }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        guard distance <= budget else { return nil }
        return 1 - Double(distance) / Double(longest)
    }
}
