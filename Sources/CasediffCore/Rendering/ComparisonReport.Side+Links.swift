import TestRailAPI

extension ComparisonReport.Side {
    /// Where a case of this side is shown on its instance, `<root>index.php?/cases/view/` followed by the case's
    /// id; nil when the side has no TestRail URL (a snapshot written by hand, or one whose instance is not a URL).
    public var caseLinkPrefix: String? { linkPrefix("cases") }

    /// Where a suite of this side is shown, `<root>index.php?/suites/view/` followed by the suite's id; nil when
    /// the side has no TestRail URL.
    public var suiteLinkPrefix: String? { linkPrefix("suites") }

    /// The instance's root URL as a link (`https://x.testrail.io/`); nil when the side has no TestRail URL.
    public var instanceLink: String? { (try? TestRailBaseURL(instance))?.description }

    /// `<root>index.php?/PAGE/view/`; nil when the side has no TestRail URL.
    private func linkPrefix(_ page: String) -> String? {
        instanceLink.map { $0 + "index.php?/\(page)/view/" }
    }

    /// The link to case `id` on this side's instance; nil when the side has no URL.
    public func caseLink(_ id: Int) -> String? {
        caseLinkPrefix.map { $0 + String(id) }
    }
}
