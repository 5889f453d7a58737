import GRDB

/// The store's versioned schema: GRDB migrations, applied in order when a store is opened, recorded in the
/// database itself (`grdb_migrations`). A store written by a newer casediff is refused, never downgraded.
///
/// | version | migration        | what it adds                                                              |
/// |---------|------------------|---------------------------------------------------------------------------|
/// | 1       | `v1-pages`       | `page` (one row per fetched page, JSON items), `suite_size` (size hints)  |
/// | 2       | `v2-runs-rates`  | `page.format` (binary cases and sections), `run` (resume), `learned_rate` |
enum StoreSchema {
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
