import ArgumentParser
import CasediffCore
import Foundation
import TestRailAPI

/// The one place outcomes become exit codes: 0 same, 1 drift, 2 error or incomplete data, 64 usage error.
///
/// Every error prints exactly one line on stderr, `casediff: error: …`, with every credential ``Redaction`` knows
/// redacted (an error may quote a server's text, and a server may echo the key); usage errors keep ArgumentParser's
/// message and usage text.
enum ExitStatus {
    static let same: Int32 = 0
    static let drift: Int32 = 1
    static let failure: Int32 = 2
    static let usage: Int32 = 64

    static func exit(for error: any Error, command: Casediff.Type) -> Never {
        switch error {
        case let code as ExitCode:
            Foundation.exit(code.rawValue)
        case let error as CasediffError:
            fail(error.description)
        case let error as TestRailError:
            fail(error.description)
        case is CancellationError:
            fail("interrupted; no result was produced")
        case let error as CocoaError:
            fail(CasediffError.fileReason(error))
        case let error as POSIXError:
            fail(CasediffError.fileReason(error))
        default:
            // Help, version and usage errors: ArgumentParser prints them and picks 0 or 64. Anything else it would
            // end with 1, which means drift here: an unexpected error is one line and 2 instead.
            guard command.exitCode(for: error).rawValue != 1 else { fail(String(describing: error)) }
            command.exit(withError: error)
        }
    }

    static func fail(_ message: String) -> Never {
        let line = Redaction.scrub(message).replacingOccurrences(of: "\n", with: " ")
        Console.standardError("casediff: error: \(line)\n")
        Foundation.exit(failure)
    }
}
