import TestRailAPI
import Testing

@testable import CasediffCore

/// The one project-name rule, row by row as its doc comment's table states it.
@Suite struct ProjectNameResolverTests {
    func projects(_ names: String...) -> [Project] {
        names.enumerated().map { Project(id: $0.offset + 1, name: $0.element, suiteMode: .multipleSuites) }
    }

    func resolve(_ name: String, among list: [Project]) throws -> Int {
        try ProjectNameResolver.resolve(name, among: list, instance: "https://x.testrail.io").id
    }

    @Test func anExactMatchWins() throws {
        #expect(try resolve("Storefront", among: projects("Other", "Storefront")) == 2)
        #expect(try resolve("Storefront", among: projects("storefront", "Storefront")) == 2)
    }

    @Test func withoutAnExactMatchCaseIsIgnored() throws {
        #expect(try resolve("Storefront", among: projects("Other", "STOREFRONT")) == 2)
    }

    @Test func severalMatchesAreAmbiguous() {
        #expect {
            try resolve("Storefront", among: projects("storefront", "STOREFRONT"))
        } throws: { error in
            guard case CasediffError.ambiguousProject("Storefront", let ids) = error else { return false }
            return ids == [1, 2]
        }
        #expect {
            try resolve("Storefront", among: projects("Storefront", "Storefront"))
        } throws: { error in
            guard case CasediffError.ambiguousProject(_, let ids) = error else { return false }
            return ids == [1, 2]
        }
    }

    @Test func noMatchIsAnUnknownProject() {
        #expect {
            try resolve("Storefront", among: projects("Other"))
        } throws: { error in
            guard case CasediffError.unknownProject(.name("Storefront"), _) = error else { return false }
            return true
        }
    }
}
