import TestRailAPI

/// A case as the comparison sees it: portable values (names and paths instead of ids) and its normalised title.
struct CaseView: Sendable {
    let testCase: TestCase
    let suite: String
    let sectionPath: String
    /// The place a move is measured against: the section path, or the suite and path when matching across suites.
    let place: String
    /// The title normalised for display (case kept).
    let title: String
    /// The title as keys compare it (case folded with `--ignore-case`).
    let titleKey: String
    let typeName: String?
    let priorityName: String?
    var key = ""

    init(
        _ testCase: TestCase, suite: String, sectionPath: String, crossSuite: Bool, normalizer: TextNormalizer,
        display: TextNormalizer, typeName: String?, priorityName: String?
    ) {
        self.testCase = testCase
        self.suite = suite
        self.sectionPath = sectionPath
        place = crossSuite ? (sectionPath.isEmpty ? suite : suite + SectionPaths.separator + sectionPath) : sectionPath
        title = display.normalize(testCase.title)
        titleKey = normalizer.ignoreCase ? normalizer.normalize(testCase.title) : title
        self.typeName = typeName
        self.priorityName = priorityName
    }

    /// The value a field compares: names for type and priority, the place for the section, raw JSON otherwise.
    func value(_ field: CompareField) -> JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }
        func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        switch field {
        case .title: return .string(testCase.title)
        case .section: return .string(place)
        case .type: return string(typeName)
        case .priority: return string(priorityName)
        case .template: return int(testCase.templateID)
        case .refs: return string(testCase.refs)
        case .estimate: return string(testCase.estimate)
        case .milestone: return int(testCase.milestoneID)
        case .estimateForecast: return string(testCase.estimateForecast)
        case .displayOrder: return int(testCase.displayOrder)
        case .id: return int(testCase.id)
        case .createdBy: return int(testCase.createdBy)
        case .createdOn: return int(testCase.createdOn)
        case .updatedBy: return int(testCase.updatedBy)
        case .updatedOn: return int(testCase.updatedOn)
        case .custom(let name): return testCase.customFields[name] ?? .null
        }
    }

    var side: CaseRecord.Side {
        CaseRecord.Side(id: testCase.id, suite: suite, sectionPath: sectionPath, title: title)
    }
}
