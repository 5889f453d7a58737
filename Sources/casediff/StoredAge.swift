import ArgumentParser
import CasediffCore

/// A `--max-age` value.
struct StoredAge: ExpressibleByArgument {
    var duration: Duration

    init?(argument: String) {
        guard let duration = DurationText.parse(argument) else { return nil }
        self.duration = duration
    }
}
