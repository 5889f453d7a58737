/// The version `casediff --version` prints and the JSON export records.
enum CasediffVersion {
    static let current = "0.6.0"
}
