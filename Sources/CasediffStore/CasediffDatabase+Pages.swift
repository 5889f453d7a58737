import CasediffCore
import Foundation
import GRDB

/// Pages: one row per fetched page, keyed by ``PageKey``; a batch of pages is written in one transaction.
extension CasediffDatabase: PageStore {
    public func page(_ key: PageKey) async throws -> StoredPage? {
        let found = try await reading { db -> (StoredRow, Int64)? in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT \(StoredRow.columns), checksum FROM page
                    WHERE instance = ? AND resource = ? AND project_id = ? AND suite_id = ? AND page_offset = ?
                    """, arguments: [key.instance, key.resource.rawValue, key.projectID, key.suiteID, key.offset]
            ).map { row in (StoredRow(row), row[12]) }
        }
        guard let (stored, checksum) = found else { return nil }
        guard stored.computedChecksum == checksum else { throw DamagedPage(key: key) }
        do {
            let payload = try PagePayloadCodec.decode(key.resource, offset: key.offset, row: stored.content)
            return StoredPage(payload: payload, fetchedAt: Date(timeIntervalSince1970: stored.fetchedAt))
        } catch {
            // A whole row this casediff cannot read (an older format) counts as absent: fetched again, overwritten.
            return nil
        }
    }

    public func save(_ payload: UnitPayload, for key: PageKey, fetchedAt: Date) async throws {
        try await save([(key, StoredPage(payload: payload, fetchedAt: fetchedAt))])
    }

    /// The pages in one transaction: all of them or none. The rows are encoded before the transaction, and the
    /// write completes even when the calling task is cancelled, so the pages a run fetched before Ctrl-C are kept
    /// and the next run resumes from them.
    public func save(_ pages: [(key: PageKey, page: StoredPage)]) async throws {
        guard !pages.isEmpty else { return }
        let rows = try pages.map { key, page in
            let row = StoredRow(
                key: key, content: try PagePayloadCodec.encode(page.payload), fetchedAt: page.fetchedAt)
            return (row: row, checksum: row.computedChecksum)
        }
        try await writingToCompletion { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO page (\(StoredRow.columns), checksum)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for (row, checksum) in rows {
                try statement.execute(arguments: [
                    row.instance, row.resource, row.projectID, row.suiteID, row.offset, row.content.itemCount,
                    row.content.limit, row.content.next, row.content.legacy, row.content.format, row.fetchedAt,
                    row.content.payload, checksum,
                ])
            }
        }
    }

    public func suitesStored(instance: String, since: Date) async throws -> [StoredSuite] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT project_id, suite_id FROM page
                    WHERE instance = ? AND resource = 'cases' AND page_offset = 0 AND fetched_at >= ?
                    ORDER BY project_id, suite_id
                    """, arguments: [instance, since.timeIntervalSince1970]
            ).map { StoredSuite(projectID: $0[0], suiteID: $0[1]) }
        }
    }

    /// Every page stored for `instance`, for tests and `casediff store`: keys and fetch times.
    public func pageKeys(instance: String) async throws -> [StoredPageKey] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT resource, project_id, suite_id, page_offset, fetched_at FROM page WHERE instance = ?
                    ORDER BY resource, project_id, suite_id, page_offset
                    """, arguments: [instance]
            ).compactMap { row in
                guard let resource = PageKey.Resource(rawValue: row[0]) else { return nil }
                return StoredPageKey(
                    key: PageKey(
                        instance: instance, resource: resource, projectID: row[1], suiteID: row[2], offset: row[3]),
                    fetchedAt: Date(timeIntervalSince1970: row[4]))
            }
        }
    }
}

/// A stored page's key and when it was fetched.
public struct StoredPageKey: Sendable, Hashable {
    public var key: PageKey
    public var fetchedAt: Date
}

extension CasediffDatabase {
    /// Reads every stored payload of `instance` and returns their total size: the least a warm-store run must
    /// do (the benchmark's floor), and the store's size per instance.
    public func payloadBytes(instance: String) async throws -> Int {
        try await reading { db in
            var total = 0
            let rows = try Row.fetchCursor(
                db, sql: "SELECT payload FROM page WHERE instance = ?", arguments: [instance])
            while let row = try rows.next() {
                total += try row.withUnsafeData(atIndex: 0) { $0?.count ?? 0 }
            }
            return total
        }
    }
}
