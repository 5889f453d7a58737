import TestRailAPI

extension Page: PageEnvelope {
    var itemCount: Int { items.count }
}
