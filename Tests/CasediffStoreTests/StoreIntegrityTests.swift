import CasediffCore
import Foundation
import GRDB
import TestRailAPI
import Testing

@testable import CasediffStore

/// What the store refuses, what it detects, and the modes of its files.
@Suite struct StoreIntegrityTests {
    static let instance = CasediffDatabaseTests.instance

    func withFolder<Result>(_ body: (URL) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casediff-int-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    let key = PageKey(instance: instance, resource: .cases, projectID: 1, suiteID: 2)
    let page = UnitPayload.cases(
        Page(
            items: [TestCase(id: 1, title: "a"), TestCase(id: 2, title: "b")], offset: 0, limit: 250, size: 2, next: nil
        ))

    static let checksums: [(String, UInt32)] = [("", 0), ("a", 0xE8B7_BE43), ("123456789", 0xCBF4_3926)]

    @Test(arguments: checksums)
    func crc32FollowsTheDocumentedTable(text: String, expected: UInt32) {
        var whole = CRC32()
        whole.add(Data(text.utf8))
        #expect(whole.value == expected)
        var pieces = CRC32()
        pieces.add(Data(text.utf8.prefix(2)))
        pieces.add(Data(text.utf8.dropFirst(2)))
        #expect(pieces.value == expected)
    }

    @Test func oneFlippedBitMakesThePageDamaged() async throws {
        try await withFolder { folder in
            let path = folder.appendingPathComponent("store.sqlite").path
            let database = try CasediffDatabase(path: path)
            defer { try? database.close() }
            try await database.save(page, for: key, fetchedAt: Date(timeIntervalSince1970: 100))
            #expect(try await database.page(key) != nil)
            try await database.pool.write { db in
                var blob = try #require(try Data.fetchOne(db, sql: "SELECT payload FROM page"))
                blob[blob.count / 2] ^= 0x04
                try db.execute(sql: "UPDATE page SET payload = ?", arguments: [blob])
            }
            await #expect(throws: DamagedPage(key: key)) { try await database.page(key) }
            // So does a changed fetch time (a stale page passing for fresh).
            try await database.save(page, for: key, fetchedAt: Date(timeIntervalSince1970: 100))
            try await database.pool.write { db in try db.execute(sql: "UPDATE page SET fetched_at = 9e9") }
            await #expect(throws: DamagedPage(key: key)) { try await database.page(key) }
        }
    }

    @Test func anUnrelatedDatabaseIsRefusedAndLeftAsItWas() async throws {
        try await withFolder { folder in
            let path = folder.appendingPathComponent("other.db").path
            let other = try DatabaseQueue(path: path)
            try await other.write { db in
                try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')")
            }
            try other.close()
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect {
                try CasediffDatabase(path: path)
            } throws: { error in
                String(describing: error)
                    == "store \(path): not a casediff store (an SQLite database with other tables (notes)); pass --store with another path"
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

            // A new store is stamped; an empty file becomes one.
            let fresh = folder.appendingPathComponent("new.sqlite").path
            #expect(FileManager.default.createFile(atPath: fresh, contents: nil))
            let database = try CasediffDatabase(path: fresh)
            #expect(try await database.pool.read { db in try StoreSchema.identify(db) } == .casediff)
            try database.close()
        }
    }

    @Test func aPathThatIsNotAFileIsRefusedInOneLine() async throws {
        #expect {
            try CasediffDatabase(path: "/dev/null")
        } throws: { error in
            String(describing: error)
                == "store /dev/null: is a character device, not a store file; pass a file path"
        }
        #expect(!FileManager.default.fileExists(atPath: "/dev/null-journal"))
        #expect {
            try CasediffDatabase(path: "")
        } throws: { error in
            String(describing: error) == "store '': the path is empty; pass a file path"
        }
        _ = try await withFolder { folder in
            #expect {
                try CasediffDatabase(path: folder.path)
            } throws: { error in
                String(describing: error).hasSuffix("is a directory, not a store file; pass a file path")
            }
        }
        // A folder that cannot be made: unavailable (a fetching run goes on without it), one plain line.
        #expect {
            try CasediffDatabase(path: "/proc/casediff-absent/store.sqlite")
        } throws: { error in
            guard case .storeUnavailable = error as? CasediffError else { return false }
            return String(describing: error)
                == "store /proc/casediff-absent/store.sqlite: cannot create the folder /proc/casediff-absent: no such file"
        }
    }

    @Test func theStoreAndItsWALFilesAreOwnerOnly() async throws {
        try await withFolder { folder in
            let path = folder.appendingPathComponent("nested/store.sqlite").path
            let database = try CasediffDatabase(path: path)
            defer { try? database.close() }
            try await database.save(page, for: key, fetchedAt: Date())
            for file in [path, path + "-wal", path + "-shm"] {
                let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
                #expect(mode == 0o600, "\(file) is \(String(mode ?? 0, radix: 8))")
            }
            let folderMode =
                try FileManager.default.attributesOfItem(
                    atPath: folder.appendingPathComponent("nested").path)[.posixPermissions] as? Int
            #expect(folderMode == 0o700)
        }
    }

    @Test func readOnlyOpensAStoreWithoutWritingIt() async throws {
        try await withFolder { folder in
            let path = folder.appendingPathComponent("store.sqlite").path
            do {
                let database = try CasediffDatabase(path: path)
                try await database.save(page, for: key, fetchedAt: Date(timeIntervalSince1970: 100))
                try database.close()
            }
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let database = try CasediffDatabase(path: path, readOnly: true)
            #expect(try await database.page(key)?.fetchedAt == Date(timeIntervalSince1970: 100))
            await #expect(throws: CasediffError.self) {
                try await database.save(page, for: key, fetchedAt: Date())
            }
            try database.close()
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            // Offline cannot upgrade or fill a store: it says so.
            let empty = folder.appendingPathComponent("empty.sqlite").path
            #expect(FileManager.default.createFile(atPath: empty, contents: nil))
            #expect {
                try CasediffDatabase(path: empty, readOnly: true)
            } throws: { error in String(describing: error).hasSuffix("is empty; run once without --offline to fill it")
            }
        }
    }
}
