import ArgumentParser

/// `--color`: whether ANSI colour is used. `auto` colours a terminal unless `NO_COLOR` is set or `TERM` is `dumb`;
/// `always` and `never` are the user's explicit word and win over both (no-color.org: a flag overrides the variable).
enum ColorMode: String, CaseIterable, ExpressibleByArgument, Sendable {
    case auto
    case always
    case never
}
