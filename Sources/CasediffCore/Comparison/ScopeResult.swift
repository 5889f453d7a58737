/// What one scope (a suite pair, or both whole projects with `--cross-suite`) produced.
struct ScopeResult: Sendable {
    var records: [CaseRecord] = []
    var duplicates: [DuplicateKey] = []
    var keylessLeft = 0
    var keylessRight = 0
    /// Pairs made by title for keyless cases.
    var pairedByTitle = 0
}
