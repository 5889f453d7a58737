import Foundation
import TestRailAPI

extension ProjectSnapshot {
    /// The time a reproducible snapshot records (`snapshot --reproducible`): when its data last changed, the newest
    /// `updated_on` (or `created_on`) among its cases, in the spirit of the reproducible-builds `SOURCE_DATE_EPOCH`
    /// (the source's last modification). A snapshot re-taken from an unchanged project then has the same bytes; a
    /// project without cases gives the Unix epoch.
    public static func lastChange(of data: ProjectData) -> Date {
        var newest = 0
        for suite in data.suites {
            for testCase in suite.cases {
                newest = max(newest, testCase.updatedOn ?? 0, testCase.createdOn ?? 0)
            }
        }
        return Date(timeIntervalSince1970: TimeInterval(newest))
    }
}
