import Foundation
import TestRailAPI

/// A project and its suites, as `casediff suites` lists them.
public struct ProjectSuites: Sendable, Hashable {
    public var project: Project
    public var suites: [SuiteListing]

    public init(project: Project, suites: [SuiteListing]) {
        self.project = project
        self.suites = suites
    }
}
