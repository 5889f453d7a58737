import ArgumentParser

extension StoredAge {
    /// `--max-age`'s value, or an error that says what an age is (`--max-age -1h` is a wrong value, not a missing
    /// one).
    static func parseArgument(_ text: String) throws -> StoredAge {
        guard let age = StoredAge(argument: text) else {
            throw ValidationError(
                "an age is a whole number of seconds, minutes, hours or days, 0 or more: 30s, 10m, 2h, 1d")
        }
        return age
    }
}
