/// The error texts TestRail sends, so clients that match on them behave as they would against the real thing.
enum TestRailMessages {
    static let authenticationFailed =
        "Authentication failed: invalid or missing user/password or session cookie."
    static let apiDisabled =
        "The API is disabled for your installation. It can be enabled in the administration area in TestRail under "
        + "Administration > Site Settings > API."
    static let maintenance =
        "TestRail is currently undergoing maintenance. Please try again in a few minutes."
    static let internalError = "An internal error occurred. Please try again later."
    static let invalidProject = "Field :project_id is not a valid or accessible project."
    static let invalidSuite = "Field :suite_id is not a valid test suite."
    static let suiteRequired = "Field :suite_id is a required field."
    static let invalidSection = "Field :section_id is not a valid section."
    static let invalidCase = "Field :case_id is not a valid test case."
    static let invalidLimit = "Field :limit is not a valid integer between 1 and 250."
    static let invalidOffset = "Field :offset is not a valid integer (0 or greater)."
    static let invalidMilestone = "Field :milestone_id is not a valid milestone."
    static let invalidSharedStep = "Field :shared_step_id is not a valid shared step."
    static let invalidLabel = "Field :label_id is not a valid label."
    static let invalidUser = "Field :user_id is not a valid user."
    /// trcli matches this text to tell "no such user" from other failures of `get_user_by_email`.
    static let invalidEmail = "Field :email is not a valid email address."
    static let emailRequired = "Field :email is a required field."
    /// `get_users` without a project, asked by a non-administrator (TestRail 6.4+; text from a real server).
    static let notAdministrator =
        "Access Denied. You are not a TestRail administrator. Field:project_id is a required field."
    /// `get_user`/`get_user_by_email` for someone else, asked by a non-administrator (the wording is ours).
    static let otherUserDenied =
        "Access Denied. You are not a TestRail administrator and may only retrieve your own user account."
    static let readOnly = "This TestRail simulator is read-only: only GET methods are available."

    static func unknownMethod(_ method: String) -> String { "Unknown method '\(method)'" }
    static func invalidInteger(_ field: String) -> String { "Field :\(field) is not a valid integer." }
    static func invalidBoolean(_ field: String) -> String { "Field :\(field) is not a valid boolean." }

    static func rateLimited(limit: Int, retryAfter: Int) -> String {
        "API Rate Limit Exceeded - \(limit) per minute maximum allowed. Retry after \(retryAfter) seconds."
    }
}
