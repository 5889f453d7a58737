/// How a run ended, as the history records it: an interrupted run is resumed by the next.
public enum RunOutcome: String, Sendable, Hashable {
    case complete, failed, interrupted
}
