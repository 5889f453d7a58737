/// Which TestRail server the router imitates, as far as the shape of its lists and links goes.
///
/// Real instances differ by version: bare arrays before 6.7, envelopes on request (`x-api-ident: beta`) from 6.7 to
/// 7.2.0, envelopes always from 7.2.1, and `get_suites` in an envelope only from 9.3.1. Some also write `limit=0`
/// into `_links.next`.
struct ServerDialect: Sendable, Hashable {
    /// Bare arrays for every list, as servers before 6.7 sent them.
    var legacyArrays = false
    /// `get_suites` in an envelope (TestRail 9.3.1+); a bare array otherwise.
    var suitesPaginated = false
    /// Envelopes only for requests that carry `x-api-ident: beta` (TestRail 6.7–7.2.0).
    var betaHeaderPagination = false
    /// `_links.next` carries `limit=0` instead of the page's limit.
    var zeroLimitNextLinks = false

    init(
        legacyArrays: Bool = false, suitesPaginated: Bool = false, betaHeaderPagination: Bool = false,
        zeroLimitNextLinks: Bool = false
    ) {
        self.legacyArrays = legacyArrays
        self.suitesPaginated = suitesPaginated
        self.betaHeaderPagination = betaHeaderPagination
        self.zeroLimitNextLinks = zeroLimitNextLinks
    }

    init(_ configuration: SimulatorConfiguration) {
        self.init(
            legacyArrays: configuration.legacyArrays, suitesPaginated: configuration.suitesPaginated,
            betaHeaderPagination: configuration.betaHeaderPagination,
            zeroLimitNextLinks: configuration.zeroLimitNextLinks)
    }

    /// Whether a list method answers with one page in the envelope (true) or with the whole list as a bare array.
    ///
    /// | server                       | `x-api-ident: beta` | `get_suites`        | other lists |
    /// |------------------------------|---------------------|---------------------|-------------|
    /// | legacy (before 6.7)          | either              | bare                | bare        |
    /// | beta header (6.7–7.2.0)      | absent              | bare                | bare        |
    /// | beta header (6.7–7.2.0)      | present             | bare                | envelope    |
    /// | default (7.2.1 – 9.3.0)      | either              | bare                | envelope    |
    /// | `suitesPaginated` (9.3.1+)   | either              | envelope            | envelope    |
    ///
    /// (`suitesPaginated` with the beta header mode pages suites only when the header is present.)
    func paginates(_ method: String, betaHeader: Bool) -> Bool {
        if legacyArrays { return false }
        if betaHeaderPagination && !betaHeader { return false }
        if method == "get_suites" { return suitesPaginated }
        return true
    }
}
