/// The scanner met a form it leaves to the reference decoder: the page is decoded again by `JSONSerialization`,
/// which gives the same result or the error the user sees.
struct ScanFallback: Error {}
