import CasediffCore
import Foundation
import GRDB

/// Pages: one row per fetched page, keyed by ``PageKey``, each written in its own transaction.
extension CasediffDatabase: PageStore {
    public func page(_ key: PageKey) async throws -> StoredPage? {
        let found = try await reading { db -> (PagePayloadCodec.Row, Double)? in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT item_count, page_limit, next, legacy, format, fetched_at, payload FROM page
                    WHERE instance = ? AND resource = ? AND project_id = ? AND suite_id = ? AND page_offset = ?
                    """, arguments: [key.instance, key.resource.rawValue, key.projectID, key.suiteID, key.offset]
            ).map { row in
                (
                    PagePayloadCodec.Row(
                        itemCount: row[0], limit: row[1], next: row[2], legacy: row[3], format: row[4],
                        payload: row[6]),
                    row[5]
                )
            }
        }
        guard let (stored, fetchedAt) = found else { return nil }
        do {
            let payload = try PagePayloadCodec.decode(key.resource, offset: key.offset, row: stored)
            return StoredPage(payload: payload, fetchedAt: Date(timeIntervalSince1970: fetchedAt))
        } catch {
            // A row this casediff cannot read counts as absent: the page is fetched again and overwritten.
            return nil
        }
    }

    public func save(_ payload: UnitPayload, for key: PageKey, fetchedAt: Date) async throws {
        let row = try PagePayloadCodec.encode(payload)
        try await writing { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO page (instance, resource, project_id, suite_id, page_offset, item_count,
                        page_limit, next, legacy, format, fetched_at, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key.instance, key.resource.rawValue, key.projectID, key.suiteID, key.offset, row.itemCount,
                    row.limit, row.next, row.legacy, row.format, fetchedAt.timeIntervalSince1970, row.payload,
                ])
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
