import Foundation
import Testing

/// Every API key a CLI test hands casediff, in the forms a careless server or client might print it.
enum TestSecrets {
    static let all = [CompareCommandTests.key] + HostileDatasets.secrets
}

/// The one check of a run that fails as casediff promises: exit 2 (or `status`), nothing on stdout, a single
/// `casediff: error:` line holding each of `texts`, and no test key in any form.
func expectOneErrorLine(
    _ result: CLIResult, status: Int32 = 2, containing texts: String...,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("casediff: error: "), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    for text in texts {
        #expect(result.stderr.contains(text), "stderr: \(result.stderr)", sourceLocation: sourceLocation)
    }
    for secret in TestSecrets.all {
        #expect(!result.stderr.contains(secret), "leaked \(secret)", sourceLocation: sourceLocation)
    }
}
