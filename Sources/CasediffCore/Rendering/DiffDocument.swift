import TestRailAPI

/// The JSON diff export: a stable, versioned shape (see docs/diff-schema.md), separate from the in-memory report so
/// the report can evolve without breaking consumers.
struct DiffDocument: Encodable {
    static let schemaVersion = 1

    struct Side: Encodable {
        var instance: String
        var projectID: Int
        var projectName: String
        var suiteMode: Int
        var cases: Int
    }

    struct Counts: Encodable {
        var added: Int
        var removed: Int
        var changed: Int
        var unchanged: Int
    }

    struct Change: Encodable {
        var field: String
        var old: JSONValue
        var new: JSONValue
    }

    struct CaseSide: Encodable {
        var id: Int
        var section: String
    }

    struct Record: Encodable {
        var status: String
        var key: String
        var left: CaseSide?
        var right: CaseSide?
        var changes: [Change]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(status, forKey: .status)
            try container.encode(key, forKey: .key)
            // Absent sides are written as null, so every record has the same keys.
            try container.encode(left, forKey: .left)
            try container.encode(right, forKey: .right)
            try container.encode(changes, forKey: .changes)
        }

        enum CodingKeys: String, CodingKey { case status, key, left, right, changes }
    }

    struct Suite: Encodable {
        var name: String
        var leftSuiteID: Int?
        var rightSuiteID: Int?
        var leftCases: Int
        var rightCases: Int
        var counts: Counts
        var cases: [Record]

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(leftSuiteID, forKey: .leftSuiteID)
            try container.encode(rightSuiteID, forKey: .rightSuiteID)
            try container.encode(leftCases, forKey: .leftCases)
            try container.encode(rightCases, forKey: .rightCases)
            try container.encode(counts, forKey: .counts)
            try container.encode(cases, forKey: .cases)
        }

        enum CodingKeys: String, CodingKey {
            case name, counts, cases
            case leftSuiteID = "left_suite_id"
            case rightSuiteID = "right_suite_id"
            case leftCases = "left_cases"
            case rightCases = "right_cases"
        }
    }

    struct Match: Encodable {
        var key: String
        var scope: String
    }

    /// How the data was fetched; volatile (timings), so `--reproducible` leaves it out.
    struct Run: Encodable {
        var rateProfile: String
        var requests: Int
        var pages: Int
        var cases: Int
        var suites: Int
        var rateLimited: Int
        var retries: Int
        var speculative: Int
        var wastedPages: Int
        var duplicates: Int
        var latencyP50Milliseconds: Double
        var latencyP95Milliseconds: Double
        var peakConcurrency: Int
        var effectiveRatePerMinute: Double
        var finalRatePerMinute: Double?
        var wallTimeSeconds: Double

        init(_ metrics: FetchMetrics, rateProfile: RateProfile) {
            func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
            self.rateProfile = rateProfile.description
            requests = metrics.requests
            pages = metrics.pages
            cases = metrics.cases
            suites = metrics.suites
            rateLimited = metrics.rateLimited
            retries = metrics.retries
            speculative = metrics.speculative
            wastedPages = metrics.wastedPages
            duplicates = metrics.duplicates
            latencyP50Milliseconds = rounded(metrics.latencyP50.inSeconds * 1000)
            latencyP95Milliseconds = rounded(metrics.latencyP95.inSeconds * 1000)
            peakConcurrency = metrics.peakConcurrency
            effectiveRatePerMinute = rounded(metrics.effectiveRatePerMinute)
            finalRatePerMinute = metrics.finalRatePerMinute.map(rounded)
            wallTimeSeconds = rounded(metrics.wallTime.inSeconds)
        }

        enum CodingKeys: String, CodingKey {
            case requests, pages, cases, suites, retries, speculative, duplicates
            case rateProfile = "rate_profile"
            case rateLimited = "rate_limited"
            case wastedPages = "wasted_pages"
            case latencyP50Milliseconds = "latency_p50_ms"
            case latencyP95Milliseconds = "latency_p95_ms"
            case peakConcurrency = "peak_concurrency"
            case effectiveRatePerMinute = "effective_rate_per_minute"
            case finalRatePerMinute = "final_rate_per_minute"
            case wallTimeSeconds = "wall_time_seconds"
        }
    }

    var schemaVersion: Int
    var tool: String
    var run: Run?
    var left: Side
    var right: Side
    var match: Match
    var complete: Bool
    var drift: Bool
    var comparedFields: [String]
    var totals: Counts
    var suites: [Suite]

    init(_ report: ComparisonReport, run: Run? = nil) {
        func side(_ side: ComparisonReport.Side) -> Side {
            Side(
                instance: side.instance, projectID: side.projectID, projectName: side.projectName,
                suiteMode: side.suiteMode, cases: side.cases)
        }
        func counts(_ counts: StatusCounts) -> Counts {
            Counts(added: counts.added, removed: counts.removed, changed: counts.changed, unchanged: counts.unchanged)
        }
        schemaVersion = Self.schemaVersion
        tool = "casediff"
        self.run = run
        left = side(report.left)
        right = side(report.right)
        match = Match(key: "title", scope: "suite")
        complete = true
        drift = report.hasDrift
        comparedFields = report.comparedFields
        totals = counts(report.totals)
        suites = report.suites.map { suite in
            Suite(
                name: suite.name, leftSuiteID: suite.leftSuiteID, rightSuiteID: suite.rightSuiteID,
                leftCases: suite.leftCases, rightCases: suite.rightCases, counts: counts(suite.counts),
                cases: suite.records.map { record in
                    Record(
                        status: record.status.rawValue, key: record.key,
                        left: record.left.map { CaseSide(id: $0.id, section: $0.sectionPath) },
                        right: record.right.map { CaseSide(id: $0.id, section: $0.sectionPath) },
                        changes: record.changes.map { Change(field: $0.field, old: $0.old, new: $0.new) })
                })
        }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case tool, run, left, right, match, complete, drift, totals, suites
        case comparedFields = "compared_fields"
    }
}

extension DiffDocument.Side {
    enum CodingKeys: String, CodingKey {
        case instance, cases
        case projectID = "project_id"
        case projectName = "project_name"
        case suiteMode = "suite_mode"
    }
}
