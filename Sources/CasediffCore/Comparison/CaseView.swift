import TestRailAPI

/// A case as the comparison sees it: portable values (names and paths instead of ids) and its normalised title.
struct CaseView: Sendable {
    /// What the view holds besides its key, stored once: views are copied in pairing and comparing, and a copy of
    /// a reference is one reference count where a copy of the fields was one per text.
    private let parts: Parts
    var key = ""

    var testCase: TestCase { parts.testCase }
    var suite: String { parts.suite }
    var sectionPath: String { parts.sectionPath }
    /// The place a move is measured against: the section path, or the suite and path when matching across suites.
    var place: String { parts.place }
    /// The title normalised for display (case kept).
    var title: String { parts.title }
    /// The title as keys compare it (case folded with `--ignore-case`).
    var titleKey: String { parts.titleKey }
    /// The side's ids in words (its own instance and project).
    var vocabulary: SideVocabulary { parts.vocabulary }

    init(
        _ testCase: TestCase, suite: String, sectionPath: String, crossSuite: Bool, normalizer: TextNormalizer,
        display: TextNormalizer, vocabulary: SideVocabulary
    ) {
        let place =
            crossSuite ? (sectionPath.isEmpty ? suite : suite + SectionPaths.separator + sectionPath) : sectionPath
        let title = display.normalize(testCase.title)
        parts = Parts(
            testCase: testCase, suite: suite, sectionPath: sectionPath, place: place, title: title,
            titleKey: normalizer.ignoreCase ? normalizer.normalize(testCase.title) : title, vocabulary: vocabulary)
    }

    private final class Parts: Sendable {
        let testCase: TestCase
        let suite: String
        let sectionPath: String
        let place: String
        let title: String
        let titleKey: String
        let vocabulary: SideVocabulary

        init(
            testCase: TestCase, suite: String, sectionPath: String, place: String, title: String, titleKey: String,
            vocabulary: SideVocabulary
        ) {
            self.testCase = testCase
            self.suite = suite
            self.sectionPath = sectionPath
            self.place = place
            self.title = title
            self.titleKey = titleKey
            self.vocabulary = vocabulary
        }
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
