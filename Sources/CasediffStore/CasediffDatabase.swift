import CasediffCore
import Foundation
import GRDB

/// casediff's SQLite store: pages, suite sizes, learned rates and runs, through a GRDB `DatabasePool` in WAL mode
/// (any number of concurrent readers, one writer; other casediff processes wait on a busy timeout).
///
/// Every page is written in its own transaction as it arrives, with `synchronous = NORMAL`: a process killed at any
/// moment (`kill -9` included) leaves whole pages only, and a power loss at worst the last few.
public final class CasediffDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path` and migrates it to the current schema.
    public init(path: String) throws {
        self.path = path
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let existed = FileManager.default.fileExists(atPath: path)
            pool = try DatabasePool(path: path, configuration: configuration)
            if !existed {
                // The store holds a copy of the instance's test cases: only its owner may read it (SQLite gives
                // the WAL and shared-memory files the same mode).
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            }
        } catch {
            throw CasediffError.store(path: path, detail: Self.describe(error))
        }
        try migrate(StoreSchema.migrator())
    }

    /// Applies `migrator` (tests pass an older one to build a store as an older casediff left it).
    func migrate(_ migrator: DatabaseMigrator) throws {
        do {
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw CasediffError.store(
                    path: path,
                    detail:
                        "written by a newer casediff (schema newer than \(StoreSchema.version)); upgrade casediff or pass --store with another path"
                )
            }
            try migrator.migrate(pool)
        } catch let error as CasediffError {
            throw error
        } catch {
            throw CasediffError.store(path: path, detail: Self.describe(error))
        }
    }

    /// The schema version recorded in the file: how many known migrations it has applied.
    public func schemaVersion() throws -> Int {
        try pool.read { db in try StoreSchema.migrator().appliedIdentifiers(db).count }
    }

    /// Closes the pool; later calls fail.
    public func close() throws {
        try pool.close()
    }

    /// A read, its failure reported as a ``CasediffError/store(path:detail:)`` line.
    func reading<Value: Sendable>(_ body: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        try await guarded { try await pool.read(body) }
    }

    /// A write in one transaction, its failure reported as a ``CasediffError/store(path:detail:)`` line.
    func writing<Value: Sendable>(_ body: @escaping @Sendable (Database) throws -> Value) async throws -> Value {
        try await guarded { try await pool.write(body) }
    }

    private func guarded<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        try await CasediffError.guardingStore(path: path, describe: Self.describe, body)
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return "not a casediff store (the file is not an SQLite database)"
            case .SQLITE_CORRUPT: return "the database is damaged; remove the file to start afresh"
            case .SQLITE_BUSY, .SQLITE_LOCKED: return "another process holds the store locked"
            case .SQLITE_FULL: return "the disk is full"
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH: return "cannot open it for writing"
            default: return error.message ?? "\(error.resultCode)"
            }
        }
        return String(describing: error)
    }
}
