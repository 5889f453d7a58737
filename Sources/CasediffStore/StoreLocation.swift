import Foundation

/// Where the store lives when `--store` does not say: `$XDG_CACHE_HOME/casediff/store.sqlite`, else
/// `~/.cache/casediff/store.sqlite` (the XDG base-directory default).
public enum StoreLocation {
    /// | environment                          | path                                      |
    /// |--------------------------------------|-------------------------------------------|
    /// | `XDG_CACHE_HOME=/var/cache/ci`       | `/var/cache/ci/casediff/store.sqlite`     |
    /// | `HOME=/home/qa` (no XDG_CACHE_HOME)  | `/home/qa/.cache/casediff/store.sqlite`   |
    /// | `XDG_CACHE_HOME=relative` (invalid)  | falls back to `$HOME/.cache/…`            |
    public static func defaultPath(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return cache + "/casediff/store.sqlite"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.cache/casediff/store.sqlite"
    }
}
