import TestRailAPI
import Testing

@testable import CasediffCore

/// The planner as a pure state machine: outcomes in, units out, no network.
@Suite struct FetchPlannerTests {
    static let project1 = Project(id: 1, name: "Left", suiteMode: .multipleSuites)
    static let project2 = Project(id: 2, name: "Right", suiteMode: .multipleSuites)

    func makePlanner(hints: any SizeHints = NoSizeHints(), concurrency: Int = 8) -> FetchPlanner {
        FetchPlanner(
            left: .id(1), right: .id(2), configuration: .init(concurrency: concurrency, instance: "http://sim/"),
            hints: hints)
    }

    func drain(_ planner: inout FetchPlanner, rateBound: Bool = true) -> [WorkUnit] {
        var units: [WorkUnit] = []
        while let unit = planner.nextUnit(rateBound: rateBound) { units.append(unit) }
        return units
    }

    func page<Item>(_ items: [Item], offset: Int = 0, next: TestRailEndpoint? = nil) -> Page<Item> {
        Page(items: items, offset: offset, limit: 250, size: items.count, next: next)
    }

    func cases(_ count: Int, from first: Int = 1) -> [TestCase] {
        (0..<count).map { TestCase(id: first + $0, title: "C\(first + $0)", sectionID: 1) }
    }

    @discardableResult
    func answer(_ planner: inout FetchPlanner, _ unit: WorkUnit, _ payload: UnitPayload) throws -> PlannerUpdate {
        try planner.handle(UnitOutcome(unit: unit, result: .success(payload)))
    }

    /// Answers a definition unit (case fields, templates, milestones, shared steps, users) with an empty list;
    /// false for any other unit.
    func answerDefinition(
        _ planner: inout FetchPlanner, _ unit: WorkUnit, caseFields: [CaseField] = [], users: [User] = []
    ) throws -> Bool {
        switch unit.kind {
        case .caseFields: try answer(&planner, unit, .caseFields(caseFields))
        case .templates: try answer(&planner, unit, .templates([]))
        case .milestones: try answer(&planner, unit, .milestones(page([Milestone]())))
        case .sharedSteps: try answer(&planner, unit, .sharedSteps(page([SharedStepSet]())))
        case .users: try answer(&planner, unit, .users(page(users)))
        default: return false
        }
        return true
    }

    /// Answers the metadata and definitions (with `caseFields`; `failures` instead where given), both projects and
    /// both listings (`suites` per side); returns what is left to send, user lists included.
    func startBoth(
        _ planner: inout FetchPlanner, suites: [Side: [Suite]], caseFields: [CaseField] = [],
        failures: [WorkUnit.Kind: TestRailError] = [:]
    ) throws -> [WorkUnit] {
        var later: [WorkUnit] = []
        for unit in drain(&planner) {
            if let error = failures[unit.kind] {
                _ = try planner.handle(UnitOutcome(unit: unit, result: .failure(error)))
                continue
            }
            switch unit.kind {
            case .caseTypes: try answer(&planner, unit, .caseTypes([]))
            case .priorities: try answer(&planner, unit, .priorities([]))
            case .project(let side): try answer(&planner, unit, .project(side == .left ? Self.project1 : Self.project2))
            case .suites(let side): try answer(&planner, unit, .suites(page(suites[side] ?? [])))
            case .caseFields: try answer(&planner, unit, .caseFields(caseFields))
            case .users: later.append(unit)
            default: if try !answerDefinition(&planner, unit) { later.append(unit) }
            }
        }
        return later + drain(&planner)
    }

    @Test func startsWithMetadataProjectsListingsAndDefinitionsAtOnce() {
        var planner = makePlanner()
        let labels = Set(drain(&planner).map(\.label))
        #expect(
            labels == [
                "case-types", "priorities", "case-fields", "p1", "p2", "p1/suites/o0", "p2/suites/o0", "p1/templates",
                "p2/templates", "p1/milestones/o0", "p2/milestones/o0", "p1/shared-steps/o0", "p2/shared-steps/o0",
            ])
    }

    static let ownerField = CaseField(
        id: 5, systemName: "custom_owner", label: "Owner", typeID: CaseField.FieldType.user.rawValue,
        configurations: [.init(context: .init(isGlobal: false, projectIDs: [2]), options: .init())])

    @Test func usersAreListedOnlyForAProjectWithAUserFieldAndRefusalFallsBackToItsProject() throws {
        var planner = makePlanner()
        let users = try startBoth(&planner, suites: [:], caseFields: [Self.ownerField])
        #expect(users.map(\.label) == ["users/o0"], "the field applies to P2 only, and one list serves the instance")
        #expect(!planner.isComplete)
        let refusal = TestRailError.forbidden("Access Denied. You are not a TestRail administrator.")
        _ = try planner.handle(UnitOutcome(unit: users[0], result: .failure(refusal)))
        let fallback = drain(&planner)
        #expect(fallback.map(\.endpoint.description) == ["get_users/2&limit=250"])
        #expect(planner.definitionChains(.left).users == nil, "P1 has no user field")
        _ = try planner.handle(UnitOutcome(unit: fallback[0], result: .failure(refusal)))
        #expect(planner.isComplete, "a refused list is settled: the comparison falls back to ids")
        let notes = planner.definitionChains(.right).notes
        #expect(notes.count == 1 && notes[0].contains("user fields compare by id"))
        #expect(notes[0].contains("get_users: ") && notes[0].contains("get_users/2: "))
    }

    /// Refused case fields still let the users be planned when `--fields created_by` wants them.
    @Test func refusedCaseFieldsStillPlanTheUsersThatAreWanted() throws {
        var planner = FetchPlanner(
            left: .id(1), right: .id(2),
            configuration: .init(concurrency: 8, instance: "http://sim/", alwaysFetchUsers: true))
        let users = try startBoth(&planner, suites: [:], failures: [.caseFields: .forbidden("not allowed")])
        #expect(users.map(\.label) == ["users/o0"])
        _ = try answerDefinition(&planner, users[0], users: [User(id: 1, name: "Ann")])
        #expect(planner.isComplete)
        #expect(planner.definitionChains(.left).notes.first?.contains("custom fields compare as sent") == true)
    }

    @Test func aDefinitionThatStillFailsMakesTheRunIncompleteButAnUnknownMethodDoesNot() throws {
        var planner = makePlanner()
        let units = try startBoth(&planner, suites: [.left: [], .right: []])
        #expect(units.isEmpty)
        #expect(planner.isComplete)

        var second = makePlanner()
        // TestRail before 7.0 does not know get_shared_steps: no shared steps, and no failure. A 503 that outlasts
        // its retries is a failure.
        _ = try startBoth(
            &second, suites: [:],
            failures: [
                .sharedSteps(.left): .notFound("Unknown method"),
                .milestones(.right): .serverError(status: 503, message: "busy"),
            ])
        #expect(second.definitionChains(.left).sharedSteps == nil)
        let error = try #require(throws: CasediffError.self) { try second.verifyComplete() }
        guard case .incomplete(let failures) = error else {
            Issue.record("expected incomplete, got \(error)")
            return
        }
        #expect(failures.map(\.unit.label) == ["p2/milestones/o0"])
    }

    @Test func aListingYieldsEachSuitesFirstPagesAndCompletionFollowsNext() throws {
        var planner = makePlanner()
        let units = try startBoth(
            &planner,
            suites: [.left: [Suite(id: 10, name: "A", projectID: 1)], .right: [Suite(id: 20, name: "A", projectID: 2)]])
        #expect(Set(units.map(\.label)) == ["p1/s10/o0", "p1/s10/sections/o0", "p2/s20/o0", "p2/s20/sections/o0"])
        // Case pages lead: a cold suite's first page is how its size is found.
        #expect(units.first?.label.hasSuffix("/o0") == true && !units.first!.label.contains("sections"))
        var completed: [SuiteKey] = []
        for unit in units {
            switch unit.kind {
            case .sections:
                completed += try answer(&planner, unit, .sections(page([Section(id: 1, suiteID: nil, name: "S")])))
                    .completed.map(\.key)
            case .cases(let side, _) where side == .left:
                let next = unit.endpoint.setting("limit", to: "250").setting("offset", to: "250")
                completed += try answer(&planner, unit, .cases(page(cases(250), next: next))).completed.map(\.key)
            default: completed += try answer(&planner, unit, .cases(page(cases(3)))).completed.map(\.key)
            }
        }
        #expect(completed == [.init(side: .right, suiteID: 20)])
        let second = drain(&planner)
        #expect(second.map(\.label) == ["p1/s10/o250"])
        let last = try answer(&planner, second[0], .cases(page(cases(5, from: 300), offset: 250))).completed
        #expect(last.map(\.key) == [.init(side: .left, suiteID: 10)])
        #expect(last.first?.caseOffsets == [0, 250], "the completion carries the chain the aggregator joins")
        #expect(planner.isComplete)
        try planner.verifyComplete()
    }

    @Test func speculatesOnlyWhenTheRateDoesNotBind() throws {
        var planner = makePlanner()
        let units = try startBoth(&planner, suites: [.left: [Suite(id: 10, name: "A", projectID: 1)], .right: []])
        let first = try #require(units.first { $0.label == "p1/s10/o0" })
        let next = first.endpoint.setting("limit", to: "250").setting("offset", to: "250")
        try answer(&planner, first, .cases(page(cases(250), next: next)))
        #expect(drain(&planner, rateBound: true).map(\.label).contains("p1/s10/o250"))
        #expect(drain(&planner, rateBound: true).isEmpty, "rate-bound: nothing beyond what is known")
        let speculative = drain(&planner, rateBound: false)
        #expect(speculative.map(\.label) == ["p1/s10/o500"], "one full page seen: a window of one")
        let allSpeculative = speculative.allSatisfy { $0.speculative }
        #expect(allSpeculative)
    }

    /// Speculation keeps a pair's two suites together: the side that lags gets the next speculative page, and a
    /// suite whose namesake is already whole goes ahead of a larger pair — a suite is compared (and let go) only
    /// once its namesake is whole.
    @Test func speculationServesTheLaggingSideOfAPairAndThenTheSuiteWhoseNamesakeIsWhole() throws {
        var planner = makePlanner()
        let units = try startBoth(
            &planner,
            suites: [
                .left: [Suite(id: 10, name: "Big", projectID: 1), Suite(id: 11, name: "Small", projectID: 1)],
                .right: [Suite(id: 20, name: " Big ", projectID: 2), Suite(id: 21, name: "Small", projectID: 2)],
            ])
        func full(_ unit: WorkUnit, offset: Int) throws {
            let next = unit.endpoint.setting("limit", to: "250").setting("offset", to: String(offset + 250))
            try answer(&planner, unit, .cases(page(cases(250, from: offset + 1), offset: offset, next: next)))
        }
        for unit in units {
            switch unit.label {
            case "p1/s10/o0", "p2/s20/o0", "p1/s11/o0", "p2/s21/o0": try full(unit, offset: 0)
            default: try answer(&planner, unit, .sections(page([Section]())))
            }
        }
        // Left Big shows two more full pages: it leads its namesake by two, which gets the speculation.
        let chain = drain(&planner, rateBound: true)
        let leftNext = try #require(chain.first { $0.label == "p1/s10/o250" })
        try full(leftNext, offset: 250)
        let leftThird = drain(&planner, rateBound: true)
        #expect(leftThird.map(\.label) == ["p1/s10/o500"], "its chain goes on")
        try full(leftThird[0], offset: 500)
        #expect(drain(&planner, rateBound: true).map(\.label) == ["p1/s10/o750"])
        let sent = planner.nextUnit(rateBound: false)
        let speculative = try #require(sent)
        #expect(speculative.speculative && speculative.label.hasPrefix("p2/s20/"), "\(speculative.label)")
        // Left Small ends: right Small, whose namesake is whole, goes first of all, ahead of the larger pair.
        let leftSmall = try #require(chain.first { $0.label == "p1/s11/o250" })
        try answer(&planner, leftSmall, .cases(page(cases(3, from: 300), offset: 250)))
        #expect(drain(&planner, rateBound: true).isEmpty)
        let after = planner.nextUnit(rateBound: false)
        let next = try #require(after)
        #expect(next.label.hasPrefix("p2/s21/"), "\(next.label)")
    }

    /// The heads — projects, listings, types, priorities, definitions — are known once all of them are in, before
    /// any suite.
    @Test func theHeadsAreKnownBeforeAnySuite() throws {
        var planner = makePlanner()
        #expect(planner.heads() == nil)
        let units = try startBoth(
            &planner,
            suites: [.left: [Suite(id: 10, name: "A", projectID: 1)], .right: [Suite(id: 20, name: "A", projectID: 2)]])
        let heads = try #require(planner.heads())
        #expect(heads.projects == [.left: Self.project1, .right: Self.project2])
        #expect(heads.listings[.left]?.map(\.id) == [10] && heads.listings[.right]?.map(\.id) == [20])
        #expect(!units.isEmpty && planner.suitesDelivered == 0)
    }

    /// Cold, a suite whose pages keep linking onward is likely long: once its chain has shown two full pages, its
    /// next page goes ahead of the first pages of suites nothing is known of yet.
    @Test func theNextPageOfALongChainGoesBeforeTheFirstPagesOfOtherSuites() throws {
        var planner = makePlanner()
        var heldListing: WorkUnit?
        for unit in drain(&planner) {
            switch unit.kind {
            case .caseTypes: try answer(&planner, unit, .caseTypes([]))
            case .priorities: try answer(&planner, unit, .priorities([]))
            case .project(let side): try answer(&planner, unit, .project(side == .left ? Self.project1 : Self.project2))
            case .suites(.left): try answer(&planner, unit, .suites(page([Suite(id: 10, name: "Long", projectID: 1)])))
            case .suites: heldListing = unit
            default: _ = try answerDefinition(&planner, unit)
            }
        }
        for offset in [0, 250] {
            for unit in drain(&planner) {
                if case .sections = unit.kind {
                    try answer(&planner, unit, .sections(page([Section(id: 1, suiteID: 10, name: "S")])))
                    continue
                }
                #expect(unit.label == "p1/s10/o\(offset)")
                let next = unit.endpoint.setting("limit", to: "250").setting("offset", to: String(offset + 250))
                try answer(&planner, unit, .cases(page(cases(250, from: offset + 1), offset: offset, next: next)))
            }
        }
        // The right project's suites are listed only now: their first pages wait behind the long chain's next page.
        let listing = try #require(heldListing)
        try answer(
            &planner, listing,
            .suites(page([Suite(id: 20, name: "Short", projectID: 2), Suite(id: 21, name: "Other", projectID: 2)])))
        let order = drain(&planner).map(\.label)
        #expect(order.first == "p1/s10/o500")
        #expect(
            Array(order.dropFirst()) == [
                "p2/s20/o0", "p2/s21/o0", "p2/s20/sections/o0", "p2/s21/sections/o0",
            ])
    }

    @Test func exactHintsDispatchEveryPageBeforeTheListingAndLargestSuitesFirst() throws {
        let hints = FixedSizeHints([
            1: [
                SuiteSizeHint(suiteID: 10, cases: 300, sections: 1),
                SuiteSizeHint(suiteID: 11, cases: 1000, sections: 1),
            ]
        ])
        var planner = makePlanner(hints: hints)
        let units = drain(&planner).map(\.label)
        let casePages = units.filter { $0.hasPrefix("p1/s1") && !$0.contains("sections") }
        #expect(casePages == ["p1/s11/o0", "p1/s11/o250", "p1/s11/o500", "p1/s11/o750", "p1/s10/o0", "p1/s10/o250"])
    }

    @Test func aStaleHintedSuiteIsDroppedWhenTheListingDoesNotHaveIt() throws {
        let hints = FixedSizeHints([1: [SuiteSizeHint(suiteID: 99, cases: 10, sections: 1)]])
        var planner = makePlanner(hints: hints)
        var discarded: [SuiteKey] = []
        for unit in drain(&planner) {
            switch unit.kind {
            case .caseTypes: try answer(&planner, unit, .caseTypes([]))
            case .priorities: try answer(&planner, unit, .priorities([]))
            case .project(let side): try answer(&planner, unit, .project(side == .left ? Self.project1 : Self.project2))
            case .suites: discarded += try answer(&planner, unit, .suites(page([Suite]()))).discarded
            case .cases, .sections:
                // The suite is gone: TestRail answers 400, which must not end the run.
                let progress = try planner.handle(UnitOutcome(unit: unit, result: .failure(.badRequest("no suite"))))
                #expect(!progress.keep)
            default: _ = try answerDefinition(&planner, unit)
            }
        }
        #expect(discarded == [.init(side: .left, suiteID: 99)])
        #expect(planner.isComplete)
    }

    @Test func anUnknownProjectIsReportedAsSuchEvenIfItsListingFailsFirst() throws {
        var planner = makePlanner()
        let units = drain(&planner)
        let listing = try #require(units.first { $0.label == "p2/suites/o0" })
        _ = try planner.handle(UnitOutcome(unit: listing, result: .failure(.badRequest("not a valid project"))))
        let project = try #require(units.first { $0.label == "p2" })
        let error = try #require(throws: CasediffError.self) {
            _ = try planner.handle(UnitOutcome(unit: project, result: .failure(.badRequest("not a valid project"))))
        }
        #expect(error.description == "project P2 not found on http://sim/")
    }

    @Test func wrongCredentialsEndTheRun() throws {
        var planner = makePlanner()
        let unit = try #require(drain(&planner).first)
        #expect(throws: CasediffError.self) {
            _ = try planner.handle(UnitOutcome(unit: unit, result: .failure(.unauthorized("bad key"))))
        }
    }

    @Test func aPageThatStillFailsMakesTheRunIncomplete() throws {
        var planner = makePlanner()
        let units = try startBoth(&planner, suites: [.left: [Suite(id: 10, name: "A", projectID: 1)], .right: []])
        for unit in units {
            if case .cases = unit.kind {
                _ = try planner.handle(
                    UnitOutcome(unit: unit, result: .failure(.serverError(status: 502, message: "x"))))
            } else if try !answerDefinition(&planner, unit) {
                try answer(&planner, unit, .sections(page([Section]())))
            }
        }
        #expect(drain(&planner).isEmpty)
        let error = try #require(throws: CasediffError.self) { try planner.verifyComplete() }
        guard case .incomplete(let failures) = error else {
            Issue.record("expected incomplete, got \(error)")
            return
        }
        #expect(failures.map(\.unit.label) == ["p1/s10/o0"])
    }
}
