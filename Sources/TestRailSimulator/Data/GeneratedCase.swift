import Foundation
import TestRailAPI

/// One generated test case as plain values: what ``DatasetGenerator`` turns into a record and what the simulator
/// writes straight into a page for a lazily generated suite (``GeneratedCase/write(into:)``), so both give one case.
///
/// Its content comes from a random stream keyed by (seed, the suite it was first generated in, its index there)
/// alone, so a case is the same whichever page, request or process asks for it first.
struct GeneratedCase: Sendable, Hashable {
    var id: Int
    var suiteID: Int
    var sectionID: Int
    /// The case's index in the suite it was first generated in: its title number, display order and refs.
    var index: Int
    /// The suite the case was first generated in (a left suite for a drifted copy): its automation id.
    var originSuiteID: Int
    /// `created_on` and `updated_on`: 1 700 000 000 + the id the case had where it was first generated.
    var timestamp: Int
    var verb: Int
    var noun: Int
    var steps: Int
    var typeID: Int
    var priorityID: Int
    /// The drift that changed the preconditions of a right-side copy.
    var changedPreconditions: Bool

    /// What one case's random stream decides, in the order it is drawn; ``roll`` picks a right-side copy's drift.
    struct Draws: Sendable {
        var section: Int
        var verb: Int
        var noun: Int
        var steps: Int
        var typeID: Int
        var priorityID: Int
        var roll: Double

        init(seed: UInt64, suiteID: Int, index: Int, sections: Int) {
            var random = SeededRandom(seed: Self.key(seed: seed, suiteID: suiteID, index: index))
            section = Int(random.next() % UInt64(max(1, sections)))
            verb = Int(random.next() % UInt64(GeneratedCase.verbs.count))
            noun = Int(random.next() % UInt64(GeneratedCase.nouns.count))
            steps = Int(1 + random.next() % 3)
            typeID = Int(1 + random.next() % 12)
            priorityID = Int(1 + random.next() % 4)
            roll = Double(random.next() >> 11) / Double(1 << 53)
        }

        /// The stream's seed: (seed, suite, index) mixed through SplitMix64's finaliser twice, so neighbouring keys
        /// start streams far apart.
        static func key(seed: UInt64, suiteID: Int, index: Int) -> UInt64 {
            func mix(_ value: UInt64) -> UInt64 {
                var z = value
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            return mix(seed &+ mix(UInt64(truncatingIfNeeded: suiteID) << 32 ^ UInt64(truncatingIfNeeded: index)))
        }
    }

    /// The record as the simulator serves it.
    var fields: [String: JSONValue] {
        let verb = Self.verbs[self.verb]
        let noun = Self.nouns[self.noun]
        let steps = (0..<steps).map { step -> JSONValue in
            .object([
                "content": .string("Step \(step + 1): \(verb.lowercased()) the \(noun)"),
                "expected": .string("The \(noun) is \(step == 0 ? "shown" : "updated")"),
            ])
        }
        return [
            "id": .int(Int64(id)), "title": .string("\(verb) \(noun) #\(index + 1)"),
            "section_id": .int(Int64(sectionID)), "suite_id": .int(Int64(suiteID)), "template_id": 2,
            "type_id": .int(Int64(typeID)), "priority_id": .int(Int64(priorityID)),
            "milestone_id": nil, "refs": index % 7 == 0 ? .string("REQ-\(index)") : nil,
            "created_by": 1, "created_on": .int(Int64(timestamp)), "updated_by": 1,
            "updated_on": .int(Int64(timestamp)), "estimate": nil, "estimate_forecast": nil,
            "display_order": .int(Int64(index + 1)), "is_deleted": 0,
            "custom_preconds": .string(
                changedPreconditions ? Self.changedPreconditionsText : "A signed-in user with access to the \(noun)."),
            "custom_steps_separated": .array(steps),
            "custom_automation_id": .string("auto.\(originSuiteID).\(index + 1)"),
        ]
    }

    static let changedPreconditionsText = "Changed after migration."
    static let verbs = ["Create", "Edit", "Delete", "View", "Export", "Import", "Search", "Filter", "Share", "Archive"]
    static let nouns = [
        "order", "invoice", "profile", "cart", "coupon", "report", "user", "address", "payment method", "wishlist",
        "receipt", "refund",
    ]
}
