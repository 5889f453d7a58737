import ArgumentParser

/// What `compare` writes as its result.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table
    case json
    case markdown
    case csv
    case junit
    case html

    /// The format a file's extension names (`diff.json`, `drift.xml`), case-insensitively; nil for any other.
    init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "json": self = .json
        case "md", "markdown": self = .markdown
        case "csv": self = .csv
        case "xml": self = .junit
        case "txt": self = .table
        case "html", "htm": self = .html
        default: return nil
        }
    }
}
