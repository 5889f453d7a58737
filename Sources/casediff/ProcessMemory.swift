#if canImport(Glibc)
    import Glibc
#endif

/// How the process treats its heap: casediff is a short-lived command that builds one large comparison and exits.
enum ProcessMemory {
    /// Grows the heap in large steps and keeps what it frees. glibc's defaults grow the heaps of the threads'
    /// arenas a little at a time (an `mprotect` call each: thousands in an offline comparison, 7 % of its time; under
    /// a hundred with these settings) and hand memory back as soon as the top of a heap is free, only to fault it in
    /// again for the next page.
    static func configure() {
        #if canImport(Glibc)
            // mallopt(3) is not in Swift's Glibc module (malloc.h): M_TRIM_THRESHOLD is -1, M_TOP_PAD -2,
            // M_MMAP_THRESHOLD -3. Setting any of them stops glibc adjusting the mmap threshold itself, which would
            // leave it at 128 KB and give every page body its own mmap; it is set to 32 MB, glibc's own ceiling.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
            let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
            _ = mallopt(-2, 64 << 20)
            _ = mallopt(-1, 512 << 20)
            _ = mallopt(-3, 32 << 20)
        #endif
    }

    /// Keeps `value` until the process exits: a comparison of 70 000 cases takes tens of milliseconds to free
    /// piece by piece, just before the process would return all of it at once.
    static func keepUntilExit(_ value: some Sendable) {
        _ = Unmanaged.passRetained(Held(value))
    }

    private final class Held<Value: Sendable>: Sendable {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }
}
