import TestRailAPI

/// The definitions that give a project's ids their meaning on its own instance, planned beside its suites: the
/// instance's case fields, each project's templates, milestones and shared step sets, and — only when a user field
/// applies to the project — its users.
///
/// | list                    | asked                                   | refused or unknown to the server (400/403/404) |
/// |-------------------------|-----------------------------------------|------------------------------------------------|
/// | `get_case_fields`       | always, once per instance               | custom fields compare as sent; noted           |
/// | `get_templates/P`       | always                                  | templates compare by id; noted                 |
/// | `get_milestones/P`      | always (paged)                          | milestones compare by id; noted                |
/// | `get_shared_steps/P`    | always (paged; TestRail 7.0+)           | references stay unexpanded                     |
/// | `get_users`             | once, when a side has a user field      | `get_users/P` for each such side instead       |
/// | `get_users/P`           | after `get_users` was refused           | user fields compare by id; noted               |
///
/// A failure that outlasts its retries (5xx, timeouts) makes the run incomplete, as a page's would: a missing
/// definition would otherwise show as drift.
extension FetchPlanner {
    /// Queues a side's definition lists once its project is known, and its users if the fields already say so.
    mutating func startDefinitions(_ side: Side, projectID: Int) {
        guard definitions[side] == nil else { return }
        definitions[side] = SideDefinitions(projectID: projectID)
        for kind in [WorkUnit.Kind.templates(side), .milestones(side), .sharedSteps(side)] {
            enqueueDefinition(kind)
        }
        planUsers()
    }

    /// Whether a side's project has a user field (or users are wanted anyway); nil until the fields and the
    /// project are known.
    func needsUsers(_ side: Side) -> Bool? {
        guard let caseFields, let projectID = projects[side]?.projectID else { return nil }
        if configuration.alwaysFetchUsers { return true }
        return caseFields.contains { field in
            field.isActive && field.type == .user && field.configuration(forProject: projectID) != nil
        }
    }

    /// Lists every user once some side needs them; after a refusal, each such side's project users instead.
    mutating func planUsers() {
        let needing = sides.filter { needsUsers($0) == true }
        guard !needing.isEmpty else { return }
        guard let all = allUsers else {
            allUsers = DefinitionSeries(base: .getUsers())
            enqueueDefinition(.users(nil))
            return
        }
        guard all.unavailable != nil else { return }
        for side in needing where definitions[side]?.projectUsers == nil {
            guard let projectID = projects[side]?.projectID else { continue }
            definitions[side]?.projectUsers = DefinitionSeries(base: .getUsers(projectID: projectID))
            enqueueDefinition(.users(side))
        }
    }

    /// The list a definition unit belongs to, if it is planned.
    private func list(_ kind: WorkUnit.Kind) -> DefinitionSeries? {
        switch kind {
        case .templates(let side): return definitions[side]?.templates
        case .milestones(let side): return definitions[side]?.milestones
        case .sharedSteps(let side): return definitions[side]?.sharedSteps
        case .users(nil): return allUsers
        case .users(let side?): return definitions[side]?.projectUsers
        default: return nil
        }
    }

    private mutating func update(_ kind: WorkUnit.Kind, _ change: (inout DefinitionSeries) -> Void) {
        switch kind {
        case .templates(let side) where definitions[side] != nil:
            change(&definitions[side]!.templates)
        case .milestones(let side) where definitions[side] != nil:
            change(&definitions[side]!.milestones)
        case .sharedSteps(let side) where definitions[side] != nil:
            change(&definitions[side]!.sharedSteps)
        case .users(nil) where allUsers != nil:
            change(&allUsers!)
        case .users(let side?) where definitions[side]?.projectUsers != nil:
            change(&definitions[side]!.projectUsers!)
        default:
            break
        }
    }

    private mutating func enqueueDefinition(_ kind: WorkUnit.Kind) {
        guard var list = list(kind), list.unavailable == nil else { return }
        for offset in list.series.neededOffsets {
            list.series.markRequested(offset)
            queue.push(
                WorkUnit(kind: kind, endpoint: list.endpoint(offset: offset), offset: offset), rank: .listing,
                weight: 0)
        }
        update(kind) { $0 = list }
    }

    /// Takes a definition answer; false when it belongs to no list (a side that is gone).
    mutating func acceptDefinition(_ payload: UnitPayload, for unit: WorkUnit) -> Bool {
        if case .caseFields(let fields) = payload {
            caseFields = fields
            planUsers()
            return true
        }
        guard list(unit.kind) != nil else { return false }
        var shape = PageShape(payload)
        if case .templates(let templates) = payload {
            shape = PageShape(count: templates.count, limit: templates.count, next: nil, isLegacy: true)
        }
        guard let shape else { return false }
        update(unit.kind) { $0.series.record(offset: unit.offset, shape) }
        enqueueDefinition(unit.kind)
        return true
    }

    /// A definition the server refused or does not know is noted and falls back to ids; credentials that stop
    /// working end the run; a failure that outlasts its retries makes the run incomplete.
    mutating func rejectDefinition(_ error: TestRailError, for unit: WorkUnit, context: String) throws {
        switch error {
        case .badRequest, .forbidden, .notFound:
            settleUnavailable(unit, because: "\(error)")
        case .unauthorized:
            throw CasediffError.request(error, context: context)
        default:
            guard error.isRetryable else { throw CasediffError.request(error, context: context) }
            update(unit.kind) { $0.series.recordFailure(offset: unit.offset) }
            failures.append(FetchFailure(side: unit.side ?? sides[0], unit: unit, error: error))
        }
    }

    /// `--offline` and the store holds no copy of a definition page (the server refused it when the store was
    /// filled, or casediff 0.4 filled it): the list is unavailable, as a refusal would make it. True when the unit
    /// was a definition.
    mutating func definitionNotStored(_ unit: WorkUnit) -> Bool {
        switch unit.kind {
        case .caseFields, .templates, .milestones, .sharedSteps, .users:
            settleUnavailable(unit, because: "not in the store (--offline)")
            return true
        default:
            return false
        }
    }

    /// Settles a definition list as unavailable, with the note that says what the comparison falls back to.
    private mutating func settleUnavailable(_ unit: WorkUnit, because cause: String) {
        // The call without its paging parameters (`get_users/3`), then why.
        let reason = "\(unit.endpoint.description.split(separator: "&")[0]): \(cause)"
        switch unit.kind {
        case .caseFields:
            caseFields = []
            for side in sides {
                definitionNotes[side, default: []].append(
                    "the case fields could not be read (\(reason)); custom fields compare as sent")
            }
            planUsers()
        case .users(nil):
            allUsers?.unavailable = reason
            planUsers()
        case .users(let side?):
            definitions[side]?.projectUsers?.unavailable = reason
            let first = allUsers?.unavailable.map { "\($0); " } ?? ""
            definitionNotes[side, default: []].append(
                "the users could not be listed (\(first)\(reason)); user fields compare by id")
        case .templates(let side):
            definitions[side]?.templates.unavailable = reason
            definitionNotes[side, default: []].append(
                "the templates could not be read (\(reason)); templates compare by id")
        case .milestones(let side):
            definitions[side]?.milestones.unavailable = reason
            definitionNotes[side, default: []].append(
                "the milestones could not be listed (\(reason)); milestones compare by id")
        case .sharedSteps(let side):
            // Servers before TestRail 7.0 have no shared steps; a case then carries its steps inlined.
            definitions[side]?.sharedSteps.unavailable = reason
        default:
            break
        }
    }

    /// Every definition list is whole or known to be unavailable, and users were listed wherever needed.
    var definitionsSettled: Bool {
        guard caseFields != nil else { return false }
        for side in sides {
            guard let lists = definitions[side], lists.templates.isSettled, lists.milestones.isSettled,
                lists.sharedSteps.isSettled, let needsUsers = needsUsers(side)
            else { return false }
            guard needsUsers else { continue }
            guard let all = allUsers else { return false }
            if all.unavailable == nil {
                guard all.series.isComplete else { return false }
            } else {
                guard lists.projectUsers?.isSettled == true else { return false }
            }
        }
        return true
    }

    /// Which pages make up a side's definition lists (in chain order), for the aggregator; nil for a list that is
    /// unavailable or was not needed.
    func definitionChains(_ side: Side) -> DefinitionChains {
        func chain(_ list: DefinitionSeries?) -> [Int]? {
            guard let list, list.unavailable == nil, list.series.isComplete else { return nil }
            return list.series.chain.offsets
        }
        let lists = definitions[side]
        var users: DefinitionChains.Users?
        if needsUsers(side) == true {
            if let offsets = chain(allUsers) {
                users = .init(side: nil, offsets: offsets)
            } else if let offsets = chain(lists?.projectUsers) {
                users = .init(side: side, offsets: offsets)
            }
        }
        return DefinitionChains(
            caseFields: caseFields, templates: chain(lists?.templates) != nil,
            milestones: chain(lists?.milestones), sharedSteps: chain(lists?.sharedSteps), users: users,
            notes: (definitionNotes[side] ?? []).sorted())
    }
}
