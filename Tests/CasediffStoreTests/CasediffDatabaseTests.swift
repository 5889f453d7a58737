import CasediffCore
import Foundation
import GRDB
import TestRailAPI
import Testing

@testable import CasediffStore

@Suite struct CasediffDatabaseTests {
    static let instance = "https://example.testrail.io/"

    /// A store in a fresh temporary folder, removed after `body`.
    func withStorePath<Result>(_ body: (String) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-db-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder.appendingPathComponent("nested/store.sqlite").path)
    }

    func key(_ resource: PageKey.Resource = .cases, offset: Int = 0) -> PageKey {
        PageKey(instance: Self.instance, resource: resource, projectID: 1, suiteID: 2, offset: offset)
    }

    @Test func pagesAreSavedReadAndReplaced() async throws {
        try await withStorePath { path in
            let database = try CasediffDatabase(path: path)
            defer { try? database.close() }
            #expect(try database.schemaVersion() == StoreSchema.version)
            #expect(try await database.page(key()) == nil)
            let first = Page(items: [TestCase(id: 1, title: "a")], offset: 0, limit: 250, size: 1, next: nil)
            try await database.save(.cases(first), for: key(), fetchedAt: Date(timeIntervalSince1970: 100))
            let second = Page(items: [TestCase(id: 2, title: "b")], offset: 0, limit: 250, size: 1, next: nil)
            try await database.save(.cases(second), for: key(), fetchedAt: Date(timeIntervalSince1970: 200))
            let stored = try #require(try await database.page(key()))
            #expect(stored.fetchedAt == Date(timeIntervalSince1970: 200))
            guard case .cases(let page) = stored.payload else {
                Issue.record("not a cases page")
                return
            }
            #expect(page.items.map(\.id) == [2])
            let keys = try await database.pageKeys(instance: Self.instance)
            #expect(keys.map(\.key) == [key()])
        }
    }

    /// A batch is one transaction (all its pages or none), and it is written even from a cancelled task: what an
    /// interrupted run fetched is kept.
    @Test func aBatchIsOneTransactionAndOutlivesCancellation() async throws {
        try await withStorePath { path in
            let database = try CasediffDatabase(path: path)
            defer { try? database.close() }
            func batch(_ offsets: [Int]) -> [(key: PageKey, page: StoredPage)] {
                offsets.map { offset in
                    let page = Page(
                        items: [TestCase(id: offset + 1, title: "c")], offset: offset, limit: 250, size: 1, next: nil)
                    return (
                        key(offset: offset),
                        StoredPage(payload: .cases(page), fetchedAt: Date(timeIntervalSince1970: 100))
                    )
                }
            }
            let pages = batch([0, 250, 500])
            let task = Task {
                withUnsafeCurrentTask { $0?.cancel() }
                try await database.save(pages)
            }
            try await task.value
            #expect(try await database.pageKeys(instance: Self.instance).map(\.key.offset) == [0, 250, 500])

            try await database.pool.write { db in
                try db.execute(
                    sql: """
                        CREATE TEMP TRIGGER refuse BEFORE INSERT ON page WHEN NEW.page_offset = 1000
                        BEGIN SELECT RAISE(ABORT, 'refused'); END
                        """)
            }
            await #expect(throws: CasediffError.self) { try await database.save(batch([750, 1000])) }
            #expect(
                try await database.pageKeys(instance: Self.instance).map(\.key.offset) == [0, 250, 500],
                "the page before the refused one is not kept either")
        }
    }

    /// A store as casediff with schema 1 left it (JSON payloads, no runs) opens, migrates and keeps its data.
    @Test func aSchemaOneStoreMigratesWithoutLosingData() async throws {
        try await withStorePath { path in
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            do {
                let old = try DatabasePool(path: path)
                try StoreSchema.migrator(upTo: "v1-pages").migrate(old)
                let payload = try JSONEncoder().encode([TestCase(id: 5, title: "old case", sectionID: 1)])
                try await old.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO page (instance, resource, project_id, suite_id, page_offset, item_count,
                                page_limit, next, legacy, fetched_at, payload)
                            VALUES (?, 'cases', 1, 2, 0, 1, 250, NULL, 0, 1000, ?)
                            """, arguments: [Self.instance, payload])
                    try db.execute(
                        sql: "INSERT INTO suite_size VALUES (?, 1, 2, 1, 1, 1000)", arguments: [Self.instance])
                }
                #expect(
                    try await old.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") } == 1)
                try old.close()
            }
            let database = try CasediffDatabase(path: path)
            defer { try? database.close() }
            #expect(try database.schemaVersion() == StoreSchema.version)
            // Recognised by its tables, stamped, and its rows given checksums that hold.
            #expect(try await database.pool.read { db in try StoreSchema.identify(db) } == .casediff)
            let stored = try #require(try await database.page(key()))
            guard case .cases(let page) = stored.payload else {
                Issue.record("not a cases page")
                return
            }
            #expect(page.items == [TestCase(id: 5, title: "old case", sectionID: 1)])
            let hints = try await database.sizeHints(instance: Self.instance)
            #expect(hints.byProject == [1: [SuiteSizeHint(suiteID: 2, cases: 1, sections: 1)]])
            let ticket = try await database.beginRun(
                instance: Self.instance, subject: "P1", at: Date(), resumeWindow: .seconds(3600))
            #expect(ticket.resumesFrom == nil)
        }
    }

    @Test func aStoreFromANewerCasediffIsRefused() async throws {
        try await withStorePath { path in
            do {
                let database = try CasediffDatabase(path: path)
                var future = StoreSchema.migrator()
                future.registerMigration("v3-future") { db in try db.execute(sql: "CREATE TABLE future (x)") }
                try database.migrate(future)
                try database.close()
            }
            #expect {
                try CasediffDatabase(path: path)
            } throws: { error in
                String(describing: error).contains("written by a newer casediff")
            }
        }
    }

    @Test func anUnfinishedRunIsResumedWithinTheWindowOnly() async throws {
        try await withStorePath { path in
            let database = try CasediffDatabase(path: path)
            defer { try? database.close() }
            let hour = Duration.seconds(3600)
            func begin(_ seconds: Double) async throws -> RunTicket {
                try await database.beginRun(
                    instance: Self.instance, subject: "P1 vs P2", at: Date(timeIntervalSince1970: seconds),
                    resumeWindow: hour)
            }
            let first = try await begin(1000)
            #expect(first.resumesFrom == nil)
            // Killed: never finished. The next run resumes from the first one's start…
            let second = try await begin(1600)
            #expect(second.resumesFrom == Date(timeIntervalSince1970: 1000))
            // …and so does one after it, if the second failed too.
            try await database.finishRun(second, outcome: .failed, at: Date(timeIntervalSince1970: 1700))
            let third = try await begin(1800)
            #expect(third.resumesFrom == Date(timeIntervalSince1970: 1000))
            try await database.finishRun(third, outcome: .complete, at: Date(timeIntervalSince1970: 1900))
            #expect(try await begin(2000).resumesFrom == nil)
            // An unfinished run older than the window is not resumed.
            #expect(try await begin(2000 + 3601).resumesFrom == nil)
            // Other instances have their own runs.
            let other = try await database.beginRun(
                instance: "https://other.example/", subject: "P1", at: Date(timeIntervalSince1970: 5700),
                resumeWindow: hour)
            #expect(other.resumesFrom == nil)
        }
    }

    @Test func sizesAndLearnedRatesPersist() async throws {
        try await withStorePath { path in
            let database = try CasediffDatabase(path: path)
            defer { try? database.close() }
            let now = Date(timeIntervalSince1970: 5000)
            let full = [
                1: [SuiteSizeHint(suiteID: 2, cases: 600, sections: 9), .init(suiteID: 3, cases: 1, sections: 1)]
            ]
            try await database.saveSizes(full, instance: Self.instance, complete: true, at: now)
            // A --suite run adds to what is known…
            let partial = [1: [SuiteSizeHint(suiteID: 2, cases: 601, sections: 9)]]
            try await database.saveSizes(partial, instance: Self.instance, complete: false, at: now)
            #expect(
                try await database.sizeHints(instance: Self.instance).byProject[1] == [
                    SuiteSizeHint(suiteID: 2, cases: 601, sections: 9),
                    SuiteSizeHint(suiteID: 3, cases: 1, sections: 1),
                ])
            // …a full one replaces it (suite 3 is gone).
            try await database.saveSizes(partial, instance: Self.instance, complete: true, at: now)
            #expect(try await database.sizeHints(instance: Self.instance).byProject[1]?.count == 1)

            #expect(try await database.learnedRate(instance: Self.instance) == nil)
            try await database.saveLearnedRate(
                LearnedRate(requestsPerMinute: 119, learnedAt: now), instance: Self.instance)
            #expect(
                try await database.learnedRate(instance: Self.instance)
                    == LearnedRate(requestsPerMinute: 119, learnedAt: now))
        }
    }
}
