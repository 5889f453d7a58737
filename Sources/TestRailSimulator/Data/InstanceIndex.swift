import Foundation
import TestRailAPI

/// A dataset indexed for serving: records pre-encoded once, lists in TestRail's order, lookups by id.
///
/// Pre-encoding each record makes a page a concatenation of bytes, so the simulator stays far faster than the
/// latency it simulates, and the bytes are identical on every request.
struct InstanceIndex: Sendable {
    struct Record: Sendable {
        var id: Int
        var json: Data
        var fields: [String: JSONValue]
    }

    struct ProjectEntry: Sendable {
        var record: Record
        var suiteMode: Int
        var suiteIDs: [Int]
    }

    var projects: [Record] = []
    var projectsByID: [Int: ProjectEntry] = [:]
    var suitesByID: [Int: (projectID: Int, record: Record)] = [:]
    var sectionsBySuite: [Int: [Record]] = [:]
    var casesBySuite: [Int: [Record]] = [:]
    var casesByID: [Int: Record] = [:]
    /// Suites whose cases are written on request (``GeneratedCases``); a suite is here or in ``casesBySuite``.
    var generated: GeneratedCases?
    var caseTypes: Data
    var priorities: Data
    var caseFields: Data
    var resources: ProjectResourceIndex

    init(_ dataset: Dataset) {
        resources = ProjectResourceIndex(dataset)
        generated = dataset.generatedCases
        func encode(_ fields: [String: JSONValue]) -> Data {
            (try? Self.encoder.encode(fields)) ?? Data("{}".utf8)
        }
        func record(_ fields: [String: JSONValue]) -> Record {
            Record(id: fields["id"]?.intValue ?? 0, json: encode(fields), fields: fields)
        }
        caseTypes = (try? Self.encoder.encode(dataset.caseTypes)) ?? Data("[]".utf8)
        priorities = (try? Self.encoder.encode(dataset.priorities)) ?? Data("[]".utf8)
        caseFields = (try? Self.encoder.encode(dataset.caseFields)) ?? Data("[]".utf8)

        for fields in dataset.projects.sorted(by: { ($0["id"]?.intValue ?? 0) < ($1["id"]?.intValue ?? 0) }) {
            let entry = record(fields)
            projects.append(entry)
            projectsByID[entry.id] = ProjectEntry(
                record: entry, suiteMode: fields["suite_mode"]?.intValue ?? 1, suiteIDs: [])
        }
        for fields in dataset.suites.sorted(by: { ($0["id"]?.intValue ?? 0) < ($1["id"]?.intValue ?? 0) }) {
            let entry = record(fields)
            let projectID = fields["project_id"]?.intValue ?? 0
            suitesByID[entry.id] = (projectID, entry)
            projectsByID[projectID]?.suiteIDs.append(entry.id)
        }
        // Sections in tree order: parents before children, siblings by display_order then id.
        var children: [Int: [[String: JSONValue]]] = [:]
        var roots: [Int: [[String: JSONValue]]] = [:]
        for fields in dataset.sections {
            let suiteID = fields["suite_id"]?.intValue ?? 0
            if let parent = fields["parent_id"]?.intValue {
                children[parent, default: []].append(fields)
            } else {
                roots[suiteID, default: []].append(fields)
            }
        }
        func sorted(_ list: [[String: JSONValue]]) -> [[String: JSONValue]] {
            list.sorted {
                (($0["display_order"]?.intValue ?? 0), ($0["id"]?.intValue ?? 0))
                    < (($1["display_order"]?.intValue ?? 0), ($1["id"]?.intValue ?? 0))
            }
        }
        var sectionRank: [Int: Int] = [:]
        for (suiteID, list) in roots {
            var ordered: [Record] = []
            func visit(_ fields: [String: JSONValue]) {
                let entry = record(fields)
                sectionRank[entry.id] = sectionRank.count
                ordered.append(entry)
                for child in sorted(children[entry.id] ?? []) { visit(child) }
            }
            for root in sorted(list) { visit(root) }
            sectionsBySuite[suiteID] = ordered
        }
        // Cases in the order TestRail lists them: by section tree position, then display_order, then id.
        var grouped: [Int: [(rank: Int, order: Int, record: Record)]] = [:]
        for fields in dataset.cases {
            var entry = record(fields)
            if let raw = dataset.rawCaseFields[entry.id], !raw.isEmpty {
                entry.json = Self.splicing(raw, into: fields.filter { raw[$0.key] == nil })
            }
            let suiteID = fields["suite_id"]?.intValue ?? 0
            let rank = fields["section_id"]?.intValue.flatMap { sectionRank[$0] } ?? Int.max
            grouped[suiteID, default: []].append((rank, fields["display_order"]?.intValue ?? 0, entry))
            casesByID[entry.id] = entry
        }
        for (suiteID, list) in grouped {
            casesBySuite[suiteID] = list.sorted {
                ($0.rank, $0.order, $0.record.id) < ($1.rank, $1.order, $1.record.id)
            }
            .map(\.record)
        }
    }

    /// `fields` encoded, then each raw field appended verbatim (keys sorted) before the closing brace.
    static func splicing(_ raw: [String: Data], into fields: [String: JSONValue]) -> Data {
        var json = (try? encoder.encode(fields)) ?? Data("{}".utf8)
        json.removeLast()
        for (key, value) in raw.sorted(by: { $0.key < $1.key }) {
            if json.count > 1 { json.append(UInt8(ascii: ",")) }
            json.append((try? encoder.encode(key)) ?? Data())
            json.append(UInt8(ascii: ":"))
            json.append(value)
        }
        json.append(UInt8(ascii: "}"))
        return json
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
