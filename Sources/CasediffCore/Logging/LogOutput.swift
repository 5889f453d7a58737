/// Where finished log lines go (a file, or stderr above the live progress block); writes must be thread-safe.
public protocol LogOutput: Sendable {
    func write(line: String)
}
