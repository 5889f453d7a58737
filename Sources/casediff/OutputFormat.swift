import ArgumentParser

/// What `compare` prints on stdout.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case table
    case json
    case markdown
    case csv
    case junit
}
