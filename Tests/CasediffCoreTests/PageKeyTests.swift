import TestRailAPI
import Testing

@testable import CasediffCore

/// The one description of a work unit: every name a unit gets comes from its key, as PageKey's table states.
@Suite struct PageKeyTests {
    static let units: [(WorkUnit, label: String, description: String, activity: String)] = [
        (WorkUnit(kind: .project(.left), endpoint: .getProject(30)), "p30", "project P30", "reading project P30"),
        (
            WorkUnit(kind: .projectList, endpoint: .getProjects()), "projects/o0", "the projects at offset 0",
            "listing the projects"
        ),
        (WorkUnit(kind: .caseTypes, endpoint: .getCaseTypes), "case-types", "the case types", "reading the case types"),
        (
            WorkUnit(kind: .suites(.right), endpoint: .getSuites(projectID: 30)), "p30/suites/o0",
            "the suites of P30 at offset 0", "listing the suites of P30"
        ),
        (
            WorkUnit(kind: .cases(.left, suiteID: 12), endpoint: .getCases(projectID: 30, suiteID: 12), offset: 500),
            "p30/s12/o500", "cases of S12 (P30) at offset 500", "fetching cases of S12 (P30)"
        ),
        (
            WorkUnit(kind: .sections(.left, suiteID: 12), endpoint: .getSections(projectID: 30, suiteID: 12)),
            "p30/s12/sections/o0", "sections of S12 (P30) at offset 0", "fetching sections of S12 (P30)"
        ),
        (
            WorkUnit(kind: .users(nil), endpoint: .getUsers(), offset: 250), "users/o250", "the users at offset 250",
            "listing the users"
        ),
        (
            WorkUnit(kind: .users(.left), endpoint: .getUsers(projectID: 30)), "p30/users/o0",
            "the users of P30 at offset 0", "listing the users of P30"
        ),
        (
            WorkUnit(kind: .templates(.left), endpoint: .getTemplates(projectID: 30)), "p30/templates",
            "the templates of P30", "reading the templates of P30"
        ),
    ]

    @Test func everyNameOfAUnitComesFromItsKey() {
        for (unit, label, description, activity) in Self.units {
            #expect(unit.label == label)
            #expect(unit.key.description == description)
            #expect(unit.key.activity == activity)
            #expect(FetchFailure(side: .left, unit: unit, error: .timedOut).description.hasPrefix(description + " ("))
        }
    }

    @Test func aMarkedLabelKeepsTheOffsetLast() {
        let key = PageKey(instance: "", resource: .cases, projectID: 30, suiteID: 12, offset: 250)
        #expect(key.label(marking: "delta") == "p30/s12/delta/o250")
    }

    @Test func pagesSortByPlaceNotByWording() {
        let keys = [
            PageKey(instance: "i", resource: .cases, projectID: 2, suiteID: 1, offset: 0),
            PageKey(instance: "i", resource: .cases, projectID: 1, suiteID: 5, offset: 500),
            PageKey(instance: "i", resource: .cases, projectID: 1, suiteID: 5, offset: 250),
        ]
        #expect(keys.sorted().map(\.offset) == [250, 500, 0])
    }
}
