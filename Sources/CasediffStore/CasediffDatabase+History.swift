import CasediffCore
import Foundation
import GRDB

/// Suite sizes, learned rates and runs.
extension CasediffDatabase: FetchHistory {
    public func sizeHints(instance: String) async throws -> FixedSizeHints {
        try await reading { db in
            var byProject: [Int: [SuiteSizeHint]] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT project_id, suite_id, cases, sections FROM suite_size WHERE instance = ?
                    ORDER BY project_id, suite_id
                    """, arguments: [instance])
            while let row = try rows.next() {
                byProject[row[0], default: []].append(
                    SuiteSizeHint(suiteID: row[1], cases: row[2], sections: row[3]))
            }
            return FixedSizeHints(byProject)
        }
    }

    public func saveSizes(_ sizes: [Int: [SuiteSizeHint]], instance: String, complete: Bool, at date: Date)
        async throws
    {
        try await writing { db in
            for (projectID, suites) in sizes {
                if complete {
                    try db.execute(
                        sql: "DELETE FROM suite_size WHERE instance = ? AND project_id = ?",
                        arguments: [instance, projectID])
                }
                for suite in suites {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO suite_size (instance, project_id, suite_id, cases, sections, seen_at)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            instance, projectID, suite.suiteID, suite.cases, suite.sections, date.timeIntervalSince1970,
                        ])
                }
            }
        }
    }

    public func learnedRate(instance: String) async throws -> LearnedRate? {
        try await reading { db in
            try Row.fetchOne(
                db, sql: "SELECT per_minute, learned_at FROM learned_rate WHERE instance = ?", arguments: [instance]
            ).map { LearnedRate(requestsPerMinute: $0[0], learnedAt: Date(timeIntervalSince1970: $0[1])) }
        }
    }

    public func saveLearnedRate(_ rate: LearnedRate, instance: String) async throws {
        try await writing { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO learned_rate (instance, per_minute, learned_at) VALUES (?, ?, ?)",
                arguments: [instance, rate.requestsPerMinute, rate.learnedAt.timeIntervalSince1970])
        }
    }

    /// Resumes the instance's latest run when it did not complete and started within `resumeWindow`: its pages
    /// (and those of the runs it resumed) stay fresh.
    public func beginRun(instance: String, subject: String, at date: Date, resumeWindow: Duration) async throws
        -> RunTicket
    {
        try await writing { db in
            let last = try Row.fetchOne(
                db,
                sql: """
                    SELECT started_at, fresh_since, outcome FROM run WHERE instance = ?
                    ORDER BY started_at DESC, id DESC LIMIT 1
                    """, arguments: [instance])
            var resumesFrom: Date?
            if let last, (last[2] as String?) != RunOutcome.complete.rawValue {
                let started: Double = last[0]
                if date.timeIntervalSince1970 - started <= resumeWindow.inSeconds {
                    resumesFrom = Date(timeIntervalSince1970: (last[1] as Double?) ?? started)
                }
            }
            try db.execute(
                sql: "INSERT INTO run (instance, subject, started_at, fresh_since) VALUES (?, ?, ?, ?)",
                arguments: [
                    instance, subject, date.timeIntervalSince1970,
                    (resumesFrom ?? date).timeIntervalSince1970,
                ])
            return RunTicket(id: db.lastInsertedRowID, resumesFrom: resumesFrom)
        }
    }

    public func finishRun(_ ticket: RunTicket, outcome: RunOutcome, at date: Date) async throws {
        try await writing { db in
            try db.execute(
                sql: "UPDATE run SET finished_at = ?, outcome = ? WHERE id = ?",
                arguments: [date.timeIntervalSince1970, outcome.rawValue, ticket.id])
        }
    }
}
