import ArgumentParser
import Foundation
import TestRailSimulator

/// `testrail-sim`: a TestRail instance on loopback, from fixtures or generated data.
@main
struct SimulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "testrail-sim",
        abstract: "Serve a simulated TestRail instance (API v2) on loopback.",
        discussion: """
            Prints 'testrail-sim listening on <URL>' on stdout once ready, then serves until interrupted.
            Log in with --user / --key (default demo@casediff.test / demo-api-key).

            Examples:
              testrail-sim --fixtures Fixtures/demo/instance.json
              testrail-sim --generate --suites 31 --cases 36000 --rate-limit 180 --latency-ms 200
            """
    )

    @Option(help: "A fixture file (JSON with projects, suites, sections, cases; see docs/simulator.md).")
    var fixtures: String?

    @Flag(help: "Generate seeded data instead of reading fixtures (cases are made as pages ask for them).")
    var generate = false

    @Option(help: "Generated: project pairs (left and its drifted copy).")
    var pairs = 1

    @Option(
        help: ArgumentHelp(
            "Generated: suites per pair of projects, both together.",
            discussion: "The left project gets half, rounded up; the right a drifted copy of all but the last: "
                + "--suites 15 gives 8 and 7."))
    var suites = 31

    @Option(
        help: ArgumentHelp(
            "Generated: cases per pair of projects, both together (about half each).",
            discussion: "The start line says how many each project got."))
    var cases = 36_000

    @Option(help: "Generated: sections per suite.")
    var sectionsPerSuite = 8

    @Option(help: "Generated: Zipf exponent of suite sizes (0 = equal).")
    var skew = 1.0

    @Option(help: "Generated: share of drifted cases in the right project.")
    var drift = 0.02

    @Option(help: "Generated: suite mode (1 single, 2 baselines, 3 multiple).")
    var suiteMode = 3

    @Option(help: "Seed for generated data, faults and jitter.")
    var seed: UInt64 = 1

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to bind; 0 picks a free one.")
    var port = 0

    @Option(help: "Where TestRail lives on the host, e.g. /testrail/.")
    var basePath = "/"

    @Option(help: "User email that may log in.")
    var user = SimulatorConfiguration.demoUser.email

    @Option(help: "API key (or password) for --user.")
    var key = SimulatorConfiguration.demoUser.key

    @Flag(
        inversion: .prefixedNo,
        help: "Whether --user is a TestRail administrator (non-admins need a project id for get_users).")
    var admin = true

    @Option(help: "Requests per minute for the instance (sliding 60 s window); omit for none.")
    var rateLimit: Int?

    @Option(help: "Response latency in milliseconds.")
    var latencyMs = 0

    @Option(help: "Latency jitter (±) in milliseconds.")
    var jitterMs = 0

    @Option(help: "Share of requests that fail, spread evenly over --fault-kinds.")
    var faultRate = 0.0

    @Option(help: "The kinds --fault-rate injects: all, or a list of 5xx,drop,truncate,html,409,429.")
    var faultKinds = "all"

    @Option(help: "Share of requests answered with 500/503 (overrides its share of --fault-rate).")
    var serverErrorRate: Double?

    @Option(help: "Share of requests whose connection drops mid-body (overrides its share of --fault-rate).")
    var dropRate: Double?

    @Option(help: "Share of requests whose JSON body is cut in half (overrides its share of --fault-rate).")
    var truncateRate: Double?

    @Option(help: "Hostile: redirect calls to this other origin (e.g. http://127.0.0.2:8080/).")
    var redirectTo: String?

    @Option(help: "Hostile: the redirect's status (301, 302, 303, 307 or 308).")
    var redirectStatus = 302

    @Option(help: "Hostile: point _links.next elsewhere: project:ID:SUITE, call:delete_case/10000 or host:URL.")
    var tamperNextLinks: String?

    @Flag(help: "Hostile: answer 400 quoting the request's Authorization header and its decoded user:key.")
    var echoAuth = false

    @Option(help: "Hostile: answer 200 promising this many bytes, sent at --trickle-rate.")
    var trickle: Int?

    @Option(help: "Hostile: bytes per second of --trickle.")
    var trickleRate = 1024

    @Option(help: "Hostile: answer 200 with a valid JSON body of this many bytes, sent fast.")
    var oversizedBody: Int?

    @Flag(help: "Hostile: accept requests and never answer them.")
    var silent = false

    @Option(help: "Hostile: the API methods the hostile mode applies to (comma-separated; default every call).")
    var hostileMethods: String?

    @Option(help: "Hostile data in one case: numbers, nesting, utf8 (comma-separated; see docs/simulator.md).")
    var hostileData: String?

    @Option(help: "The case --hostile-data alters (default: the lowest case id).")
    var hostileCase: Int?

    @Option(help: "A maintenance window, seconds after start: START-END (repeatable). Answers 409 inside it.")
    var maintenance: [String] = []

    @Flag(help: "Answer list endpoints with bare arrays, as TestRail before 6.7 did.")
    var legacy = false

    @Flag(help: "Answer get_suites in the paginated envelope, as TestRail 9.3.1+ does (a bare array otherwise).")
    var paginatedSuites = false

    @Flag(help: "Paginate lists only for requests with 'x-api-ident: beta', as TestRail 6.7–7.2.0 did.")
    var betaHeaderPagination = false

    @Flag(help: "Start every 200 body with 'USER AUTHENTICATION SUCCESSFUL!', as some legacy servers did.")
    var authBanner = false

    @Flag(help: "Write limit=0 into _links.next, as some real servers do (following it verbatim is a 400).")
    var zeroLimitLinks = false

    @Flag(help: "Answer every call with 403 'API disabled'.")
    var apiDisabled = false

    @Option(help: "Append a JSON-lines request log to this file.")
    var requestLog: String?

    @Flag(
        help: """
            Stop (gracefully) when standard input reaches its end: a program that spawns the simulator with a pipe on \
            its stdin stops it by closing the pipe, and its exit, however abrupt, stops the simulator too.
            """)
    var stopWhenStdinCloses = false

    func validate() throws {
        if generate == (fixtures != nil) {
            throw ValidationError("give exactly one of --fixtures FILE or --generate")
        }
        if legacy && betaHeaderPagination {
            throw ValidationError("--legacy and --beta-header-pagination imitate different TestRail versions; give one")
        }
        if let rateLimit, rateLimit <= 0 {
            throw ValidationError("--rate-limit must be a positive number of requests per minute")
        }
        _ = try maintenanceWindows()
        _ = try faultPlan()
        _ = try hostility()
        _ = try hostileDataKinds()
    }

    func faultPlan() throws -> FaultPlan {
        guard let kinds = FaultKind.parse(faultKinds) else {
            let names = FaultKind.allCases.map(\.rawValue).joined(separator: ",")
            throw ValidationError("--fault-kinds takes all or a list of \(names); got '\(faultKinds)'")
        }
        let rates = [faultRate, serverErrorRate ?? 0, dropRate ?? 0, truncateRate ?? 0]
        guard rates.allSatisfy({ (0...1).contains($0) }) else {
            throw ValidationError("fault rates are shares between 0 and 1")
        }
        var plan = FaultPlan.mixed(rate: faultRate, kinds: kinds)
        if let serverErrorRate { plan.serverErrorRate = serverErrorRate }
        if let dropRate { plan.dropRate = dropRate }
        if let truncateRate { plan.truncateRate = truncateRate }
        return plan
    }

    func hostility() throws -> [HostileMode] {
        var behaviours: [HostileMode.Behaviour] = []
        if let redirectTo {
            guard let url = URL(string: redirectTo), url.scheme != nil, url.host != nil else {
                throw ValidationError("--redirect-to takes an absolute URL; got '\(redirectTo)'")
            }
            guard [301, 302, 303, 307, 308].contains(redirectStatus) else {
                throw ValidationError("--redirect-status takes 301, 302, 303, 307 or 308")
            }
            behaviours.append(.redirect(origin: url, status: redirectStatus))
        }
        if let tamperNextLinks { behaviours.append(.tamperNextLinks(try Self.nextLink(tamperNextLinks))) }
        if echoAuth { behaviours.append(.echoAuthorization(status: 400)) }
        if let trickle {
            guard trickle > 0, trickleRate > 0 else {
                throw ValidationError("--trickle and --trickle-rate are positive")
            }
            behaviours.append(.trickle(contentLength: trickle, bytesPerSecond: trickleRate))
        }
        if let oversizedBody {
            guard oversizedBody > 0 else { throw ValidationError("--oversized-body is a positive number of bytes") }
            behaviours.append(.oversizedBody(bytes: oversizedBody))
        }
        if silent { behaviours.append(.silence) }
        guard behaviours.count <= 1 else {
            throw ValidationError(
                "give one hostile mode of --redirect-to, --tamper-next-links, --echo-auth, --trickle, --oversized-body "
                    + "and --silent")
        }
        let methods = hostileMethods.map { Set($0.split(separator: ",").map(String.init)) }
        return behaviours.map { HostileMode($0, methods: methods) }
    }

    static func nextLink(_ text: String) throws -> HostileMode.NextLink {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            switch parts[0] {
            case "project":
                let ids = parts[1].split(separator: ":").compactMap { Int($0) }
                if ids.count == 2 { return .otherProject(projectID: ids[0], suiteID: ids[1]) }
            case "call":
                if !parts[1].isEmpty { return .otherCall(parts[1]) }
            case "host":
                if let url = URL(string: parts[1]), url.host != nil { return .otherHost(url) }
            default:
                break
            }
        }
        throw ValidationError("--tamper-next-links takes project:ID:SUITE, call:METHOD/ARGS or host:URL; got '\(text)'")
    }

    func hostileDataKinds() throws -> [HostileData] {
        guard let hostileData else { return [] }
        return try hostileData.split(separator: ",").map { name in
            guard let kind = HostileData(rawValue: String(name)) else {
                throw ValidationError("--hostile-data takes numbers, nesting, utf8; got '\(name)'")
            }
            return kind
        }
    }

    func maintenanceWindows() throws -> [Range<Duration>] {
        try maintenance.map { text in
            let parts = text.split(separator: "-")
            guard parts.count == 2, let start = Double(parts[0]), let end = Double(parts[1]), start < end else {
                throw ValidationError("--maintenance takes START-END in seconds, e.g. 5-15; got '\(text)'")
            }
            return .milliseconds(Int64(start * 1000)) ..< .milliseconds(Int64(end * 1000))
        }
    }

    func run() async throws {
        var dataset: Dataset
        if let fixtures {
            do {
                dataset = try Dataset(contentsOf: URL(fileURLWithPath: fixtures))
            } catch {
                throw ValidationError(String(describing: error))
            }
        } else {
            let generator = DatasetGenerator(
                GeneratorSpec(
                    seed: seed, pairs: pairs, suites: suites, cases: cases, sectionsPerSuite: sectionsPerSuite,
                    skew: skew, drift: drift, suiteMode: suiteMode))
            // Cases are generated page by page as they are asked for, unless hostile data must be spliced into one
            // of them as a record.
            dataset = hostileData == nil ? generator.makeLazily() : generator.make()
        }
        for kind in try hostileDataKinds() {
            kind.apply(to: &dataset, caseID: hostileCase)
        }
        let configuration = SimulatorConfiguration(
            host: host, port: port, basePath: basePath, users: [.init(email: user, key: key, isAdmin: admin)],
            rateLimitPerMinute: rateLimit,
            latency: .milliseconds(latencyMs), jitter: .milliseconds(jitterMs),
            faults: try faultPlan(),
            maintenanceWindows: try maintenanceWindows(), legacyArrays: legacy, apiEnabled: !apiDisabled, seed: seed,
            requestLogPath: requestLog, suitesPaginated: paginatedSuites, betaHeaderPagination: betaHeaderPagination,
            authenticationBanner: authBanner, zeroLimitNextLinks: zeroLimitLinks, hostility: try hostility())
        let simulator = try TestRailSimulator(dataset: dataset, configuration: configuration)
        let summary =
            "\(dataset.projects.count) projects, \(dataset.suites.count) suites, \(dataset.caseCount) cases: "
            + dataset.projectSummary
        let stopWhenStdinCloses = stopWhenStdinCloses
        try await simulator.run { url in
            // Written unbuffered: scripts wait for this line to learn the address.
            FileHandle.standardOutput.write(Data("testrail-sim listening on \(url.absoluteString) (\(summary))\n".utf8))
            // Once serving, so the shutdown signal handlers are in place when the watch sends SIGTERM.
            if stopWhenStdinCloses { StandardInputWatch.start() }
        }
    }
}
