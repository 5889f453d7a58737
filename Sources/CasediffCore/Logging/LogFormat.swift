/// How log lines are written: `text` for people (`key=value`), `json` for log pipelines (one object per line).
public enum LogFormat: String, Sendable, CaseIterable {
    case text
    case json
}
