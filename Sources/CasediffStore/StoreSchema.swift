import GRDB

/// The store's versioned schema: GRDB migrations, applied in order when a store is opened, recorded in the
/// database itself (`grdb_migrations`). A store written by a newer casediff is refused, never downgraded.
///
/// | version | migration        | what it adds                                                              |
/// |---------|------------------|---------------------------------------------------------------------------|
/// | 1       | `v1-pages`       | `page` (one row per fetched page, JSON items), `suite_size` (size hints)  |
/// | 2       | `v2-runs-rates`  | `page.format` (binary cases and sections), `run` (resume), `learned_rate` |
/// | 3       | `v3-checksums`   | `page.checksum` (CRC-32 of the row), the `application_id` stamp           |
///
/// A store is recognised by its `application_id` (``applicationID``, stamped by `v3-checksums`); a file without
/// one is a store only when it is empty or holds exactly the tables an earlier casediff made.
enum StoreSchema {
    /// `PRAGMA application_id` of a casediff store: "CDIF".
    static let applicationID: Int32 = 0x4344_4946
    /// Every table an earlier (unstamped) casediff store can hold.
    static let tables: Set<String> = ["page", "suite_size", "run", "learned_rate", "grdb_migrations"]
    /// Every migration in order: its identifier (recorded in the file) and what it does.
    static let migrations: [(id: String, apply: @Sendable (Database) throws -> Void)] = [
        (
            "v1-pages",
            { db in
                try db.execute(
                    sql: """
                        CREATE TABLE page (
                            instance TEXT NOT NULL,
                            resource TEXT NOT NULL,
                            project_id INTEGER NOT NULL,
                            suite_id INTEGER NOT NULL,
                            page_offset INTEGER NOT NULL,
                            item_count INTEGER NOT NULL,
                            page_limit INTEGER NOT NULL,
                            next TEXT,
                            legacy INTEGER NOT NULL,
                            fetched_at REAL NOT NULL,
                            payload BLOB NOT NULL,
                            PRIMARY KEY (instance, resource, project_id, suite_id, page_offset)
                        );
                        CREATE TABLE suite_size (
                            instance TEXT NOT NULL,
                            project_id INTEGER NOT NULL,
                            suite_id INTEGER NOT NULL,
                            cases INTEGER NOT NULL,
                            sections INTEGER NOT NULL,
                            seen_at REAL NOT NULL,
                            PRIMARY KEY (instance, project_id, suite_id)
                        );
                        """)
            }
        ),
        (
            "v2-runs-rates",
            { db in
                try db.execute(
                    sql: """
                        ALTER TABLE page ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
                        CREATE TABLE run (
                            id INTEGER PRIMARY KEY AUTOINCREMENT,
                            instance TEXT NOT NULL,
                            subject TEXT NOT NULL,
                            started_at REAL NOT NULL,
                            fresh_since REAL,
                            finished_at REAL,
                            outcome TEXT
                        );
                        CREATE INDEX run_by_instance ON run (instance, started_at);
                        CREATE TABLE learned_rate (
                            instance TEXT PRIMARY KEY NOT NULL,
                            per_minute INTEGER NOT NULL,
                            learned_at REAL NOT NULL
                        );
                        """)
            }
        ),
        (
            "v3-checksums",
            { db in
                try db.execute(sql: "ALTER TABLE page ADD COLUMN checksum INTEGER NOT NULL DEFAULT 0")
                // Rows an earlier casediff wrote are stamped as they stand: from now on a changed bit is caught.
                let rowIDs = try Int64.fetchAll(db, sql: "SELECT rowid FROM page")
                for rowID in rowIDs {
                    guard
                        let row = try Row.fetchOne(
                            db, sql: "SELECT \(StoredRow.columns) FROM page WHERE rowid = ?", arguments: [rowID])
                    else { continue }
                    try db.execute(
                        sql: "UPDATE page SET checksum = ? WHERE rowid = ?",
                        arguments: [StoredRow(row).computedChecksum, rowID])
                }
                try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            }
        ),
    ]

    /// The schema version this casediff writes.
    static var version: Int { migrations.count }

    /// The migrator up to and including `last` (tests build older stores with it), or every migration.
    static func migrator(upTo last: String? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.id, migrate: migration.apply)
            if migration.id == last { break }
        }
        return migrator
    }
}

extension StoreSchema {
    /// What a database file is, before casediff writes anything into it.
    enum Identity: Equatable {
        case casediff
        /// A store made before the `application_id` stamp: its tables say what it is.
        case earlierCasediff
        case empty
        /// Something else; the text says what, for the refusal.
        case foreign(String)
    }

    static func identify(_ db: Database) throws -> Identity {
        let stamp = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if stamp == applicationID { return .casediff }
        if stamp != 0 { return .foreign("another application's database (application_id \(stamp))") }
        let found = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if found.isEmpty { return .empty }
        if Set(found).isSubset(of: tables), found.contains("grdb_migrations"), found.contains("page") {
            return .earlierCasediff
        }
        let shown = found.prefix(3).joined(separator: ", ") + (found.count > 3 ? ", …" : "")
        return .foreign("an SQLite database with other tables (\(shown))")
    }
}
