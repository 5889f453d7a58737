#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// CPU time and peak memory: of this process from `getrusage` (the client, now that the simulator runs in a process
/// of its own), or of one child from `wait4` (the `casediff` processes W1 and R6 run, ``TimedProcess``).
struct ResourceUsage: Sendable {
    /// User plus system CPU time, in seconds, over every thread.
    var cpuSeconds: Double
    /// The largest resident set size, in MB.
    var maxResidentMegabytes: Double

    static func ofSelf() -> ResourceUsage { read(RUSAGE_SELF) }

    #if canImport(Glibc)
        private static func read(_ who: __rusage_who) -> ResourceUsage {
            var usage = rusage()
            getrusage(__rusage_who_t(who.rawValue), &usage)
            return ResourceUsage(usage)
        }
    #else
        private static func read(_ who: Int32) -> ResourceUsage {
            var usage = rusage()
            getrusage(who, &usage)
            return ResourceUsage(usage)
        }
    #endif

    init(_ usage: rusage) {
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        cpuSeconds = seconds(usage.ru_utime) + seconds(usage.ru_stime)
        #if canImport(Darwin)
            maxResidentMegabytes = Double(usage.ru_maxrss) / 1_048_576  // bytes
        #else
            maxResidentMegabytes = Double(usage.ru_maxrss) / 1024  // kilobytes
        #endif
    }

    init(cpuSeconds: Double, maxResidentMegabytes: Double) {
        self.cpuSeconds = cpuSeconds
        self.maxResidentMegabytes = maxResidentMegabytes
    }
}
