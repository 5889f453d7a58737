import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// The one place outcomes become exit codes: 0 same, 1 drift, 2 error or incomplete data, 64 usage error, 128 + the
/// signal's number for a run a signal ended (130 for Ctrl-C, as shells expect).
///
/// Every error prints exactly one line on stderr, `casediff: error: …`, with every credential ``Redaction`` knows
/// redacted (an error may quote a server's text, and a server may echo the key); a usage error's line is followed by
/// ArgumentParser's usage text.
enum ExitStatus {
    static let same: Int32 = 0
    static let drift: Int32 = 1
    static let failure: Int32 = 2
    static let usage: Int32 = 64

    static func exit(for error: any Error, command: Casediff.Type) -> Never {
        switch error {
        case let code as ExitCode:
            Foundation.exit(code.rawValue)
        case CasediffError.interrupted(let progress):
            fail("interrupted; \(progress); no result was produced", code: Interrupts.exitCode)
        case let error as CasediffError:
            fail(error.description)
        case let error as TestRailError:
            fail(error.description)
        case is CancellationError, TestRailError.cancelled:
            fail("interrupted; no result was produced", code: Interrupts.exitCode)
        case let error as CocoaError:
            fail(CasediffError.fileReason(error))
        case let error as POSIXError:
            fail(CasediffError.fileReason(error))
        default:
            // Help and version: ArgumentParser prints them on stdout with 0. Anything else it would end with 1,
            // which means drift here: an unexpected error is one line and 2 instead.
            let code = command.exitCode(for: error)
            if code == .success { command.exit(withError: error) }
            guard code.rawValue != 1 else { fail(String(describing: error)) }
            usage(command.fullMessage(for: error), code: code.rawValue)
        }
    }

    /// A usage error: ArgumentParser's message on the error line every other error has, then its usage lines.
    static func usage(_ message: String, code: Int32) -> Never {
        var lines = Redaction.scrub(message).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first {
            lines[0] = "casediff: error: " + (first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first)
        }
        Console.standardError(lines.joined(separator: "\n") + (message.hasSuffix("\n") ? "" : "\n"))
        Foundation.exit(code)
    }

    static func fail(_ message: String, code: Int32 = failure) -> Never {
        let line = Redaction.scrub(message).replacingOccurrences(of: "\n", with: " ")
        Console.standardError("casediff: error: \(line)\n")
        Foundation.exit(code)
    }
}
