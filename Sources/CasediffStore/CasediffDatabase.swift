import CasediffCore
import Foundation
import GRDB

/// casediff's SQLite store: pages, suite sizes, learned rates and runs, through a GRDB `DatabasePool` in WAL mode
/// (any number of concurrent readers, one writer; other casediff processes wait on a busy timeout).
///
/// Pages are written in batches as they arrive, each batch one transaction, with `synchronous = NORMAL`: a process
/// killed at any moment (`kill -9` included) leaves whole pages only, and a power loss at worst the last few.
public final class CasediffDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path` and migrates it to the current schema; with `readOnly`
    /// (`--offline`) opens an existing, current store without writing anything, so a read-only file or folder
    /// serves.
    ///
    /// Refused with ``CasediffError/store(path:detail:)``: an empty path, a path that is not a regular file, a
    /// database that is not a casediff store, one written by a newer casediff. Reported as
    /// ``CasediffError/storeUnavailable(path:detail:)`` (a fetching run goes on without the store): a folder or
    /// file that cannot be created, permissions, a full or read-only disk, an I/O error.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        if path.isEmpty { throw CasediffError.store(path: "''", detail: "the path is empty; pass a file path") }
        if case .other(let what) = StoreFile.kind(path) {
            throw CasediffError.store(path: path, detail: "is \(what), not a store file; pass a file path")
        }
        if readOnly, case .regular(size: 0) = StoreFile.kind(path) { throw Self.emptyOffline(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.readonly = readOnly
        if !readOnly {
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try StoreFile.createDirectories(for: path)
            // The store holds a copy of the instance's test cases: only its owner may read it. The file is made
            // 0600 before SQLite opens it, and SQLite gives the -wal and -shm files the database's mode.
            try StoreFile.createIfAbsent(path)
        }
        do {
            if !readOnly, case .regular(let size) = StoreFile.kind(path), size > 0 {
                // Look before casediff writes: switching an unrelated database to WAL would already change it.
                var look = Configuration()
                look.readonly = true
                let queue = try DatabaseQueue(path: path, configuration: look)
                defer { try? queue.close() }
                try Self.accept(try queue.read(StoreSchema.identify), path: path)
            }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.failure(error, path: path)
        }
        if readOnly {
            let identity = try guardedSync { try self.pool.read(StoreSchema.identify) }
            try Self.accept(identity, path: path)
            if identity == .empty { throw Self.emptyOffline(path) }
            let applied = try guardedSync { try self.schemaVersion() }
            if applied < StoreSchema.version {
                throw CasediffError.store(
                    path: path, detail: "written by an earlier casediff; run once without --offline to upgrade it")
            }
        } else {
            StoreFile.tightenCompanions(of: path)
        }
        try migrate(StoreSchema.migrator(), readOnly: readOnly)
    }

    private static func emptyOffline(_ path: String) -> CasediffError {
        .store(path: path, detail: "is empty; run once without --offline to fill it")
    }

    /// Refuses a database that is not a casediff store.
    private static func accept(_ identity: StoreSchema.Identity, path: String) throws {
        if case .foreign(let what) = identity {
            throw CasediffError.store(
                path: path, detail: "not a casediff store (\(what)); pass --store with another path")
        }
    }

    /// A synchronous store access, its failure worded as a one-line store error.
    private func guardedSync<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let error as CasediffError {
            throw error
        } catch {
            throw Self.failure(error, path: path)
        }
    }

    /// An error met while opening, as the one line the user sees: refused (not a store) or unavailable.
    static func failure(_ error: any Error, path: String) -> CasediffError {
        if let error = error as? CasediffError { return error }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_NOTADB {
            return .store(path: path, detail: describe(error))
        }
        return .storeUnavailable(path: path, detail: describe(error))
    }

    /// Applies `migrator` (tests pass an older one to build a store as an older casediff left it).
    func migrate(_ migrator: DatabaseMigrator, readOnly: Bool = false) throws {
        do {
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw CasediffError.store(
                    path: path,
                    detail:
                        "written by a newer casediff (schema newer than \(StoreSchema.version)); upgrade casediff or pass --store with another path"
                )
            }
            if !readOnly { try migrator.migrate(pool) }
        } catch {
            throw Self.failure(error, path: path)
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

    /// A write in one transaction that runs to its end even if the calling task is cancelled meanwhile (what a run
    /// fetched must be kept when it is interrupted); its failure reported as a ``CasediffError/store(path:detail:)``
    /// line.
    func writingToCompletion(_ body: @escaping @Sendable (Database) throws -> Void) async throws {
        try await guarded {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                pool.asyncWrite(body) { _, result in continuation.resume(with: result) }
            }
        }
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
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH: return "cannot write it (read-only file or folder)"
            case .SQLITE_CANTOPEN: return "cannot open it (check the folder exists and is writable)"
            case .SQLITE_IOERR: return "an I/O error (\(error.message ?? "disk"))"
            default: return error.message.map { "\($0) (\(error.resultCode))" } ?? "\(error.resultCode)"
            }
        }
        if error is CocoaError || error is POSIXError {
            // Foundation's file errors: the reason in plain words, never the raw user-info dump.
            return CasediffError.fileReason(error)
        }
        return String(describing: error)
    }
}
