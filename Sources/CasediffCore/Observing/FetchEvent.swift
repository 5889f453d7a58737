/// What the engine tells its observers while it runs; the live progress block and the request log are built from
/// these events alone, so the engine knows nothing of terminals or log files.
public enum FetchEvent: Sendable, Hashable {
    /// One HTTP attempt ended (answered, refused or failed), with what the engine does next.
    case request(RequestRecord)
    /// Where each side stands; sent after every page the planner accepts.
    case progress(FetchProgressReport)
    /// Something worth knowing that does not stop the run (a store that failed to save, a refresh that fell back).
    case warning(String)
}
