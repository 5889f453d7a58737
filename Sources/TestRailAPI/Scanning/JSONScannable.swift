/// A model the page scanner builds straight from a page's bytes (``JSONScanner``).
protocol JSONScannable: Sendable {
    /// Reads one item, an object, from `scanner`; throws ``ScanFallback`` for any form the reference decoder must
    /// judge (a missing id, an odd type).
    init(scanning scanner: inout JSONScanner) throws(ScanFallback)
}
