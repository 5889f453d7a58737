/// Who is asking, and what else in the request beyond its API path changes TestRail's answer.
struct APICaller: Sendable, Hashable {
    /// The authenticated user's email, lowercased.
    var email: String
    /// The request carried `x-api-ident: beta`, which servers 6.7–7.2.0 required before they paginated.
    var sentBetaHeader: Bool

    init(email: String, sentBetaHeader: Bool = false) {
        self.email = email.lowercased()
        self.sentBetaHeader = sentBetaHeader
    }
}
