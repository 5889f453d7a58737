/// Who is asking, and what else in the request beyond its API path changes TestRail's answer.
struct APICaller: Sendable, Hashable {
    /// The authenticated user's email, lowercased.
    var email: String
    var isAdmin: Bool
    /// The request carried `x-api-ident: beta`, which servers 6.7–7.2.0 required before they paginated.
    var sentBetaHeader: Bool

    init(email: String, isAdmin: Bool = true, sentBetaHeader: Bool = false) {
        self.email = email.lowercased()
        self.isAdmin = isAdmin
        self.sentBetaHeader = sentBetaHeader
    }
}
