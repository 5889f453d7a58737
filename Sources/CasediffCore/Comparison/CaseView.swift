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
    /// The side's ids in words (its own instance and project).
    let vocabulary: SideVocabulary
    var key = ""

    init(
        _ testCase: TestCase, suite: String, sectionPath: String, crossSuite: Bool, normalizer: TextNormalizer,
        display: TextNormalizer, vocabulary: SideVocabulary
    ) {
        self.testCase = testCase
        self.suite = suite
        self.sectionPath = sectionPath
        place = crossSuite ? (sectionPath.isEmpty ? suite : suite + SectionPaths.separator + sectionPath) : sectionPath
        title = display.normalize(testCase.title)
        titleKey = normalizer.ignoreCase ? normalizer.normalize(testCase.title) : title
        self.vocabulary = vocabulary
    }

    /// The value a field compares, in words (``SideVocabulary``): names for ids, the place for the section.
    func value(_ field: CompareField) -> JSONValue {
        func int(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }
        func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        switch field {
        case .title: return .string(testCase.title)
        case .section: return .string(place)
        case .type: return vocabulary.type(testCase.typeID)
        case .priority: return vocabulary.priority(testCase.priorityID)
        case .template: return vocabulary.template(testCase.templateID)
        case .refs: return string(testCase.refs)
        case .labels: return vocabulary.labels(testCase.labels)
        case .estimate: return string(testCase.estimate)
        case .milestone: return vocabulary.milestone(testCase.milestoneID)
        case .estimateForecast: return string(testCase.estimateForecast)
        case .displayOrder: return int(testCase.displayOrder)
        case .id: return int(testCase.id)
        case .createdBy: return vocabulary.user(testCase.createdBy)
        case .createdOn: return int(testCase.createdOn)
        case .updatedBy: return vocabulary.user(testCase.updatedBy)
        case .updatedOn: return int(testCase.updatedOn)
        case .custom(let name): return vocabulary.custom(name, testCase.customFields[name])
        }
    }

    var side: CaseRecord.Side {
        CaseRecord.Side(id: testCase.id, suite: suite, sectionPath: sectionPath, title: title)
    }
}
