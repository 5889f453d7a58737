import CasediffCore
import Foundation
import TestRailAPI
import TestRailSimulator

/// The process's memory, from /proc/self/status (Linux).
enum Memory {
    static func residentMegabytes() -> Double { field("VmRSS") }
    static func peakMegabytes() -> Double { field("VmHWM") }

    /// Hands memory freed inside malloc's arenas back to the kernel, so the resident size is what is in use.
    static func releaseFreed() {
        #if os(Linux)
            _ = mallocTrim(0)
        #endif
    }

    /// Resets the peak (VmHWM) to the current RSS, so a peak measures what came after.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    private static func field(_ name: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}

#if os(Linux)
    /// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export).
    @_silgen_name("malloc_trim")
    private func mallocTrim(_ pad: Int) -> Int32
#endif
