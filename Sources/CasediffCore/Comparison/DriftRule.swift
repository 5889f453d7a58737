import Foundation

/// What counts as drift (`--fail-on`): for each compared resource, the kinds that do.
///
/// `--fail-on` reads a comma-separated list: a bare kind (`added`) counts for every resource; `RESOURCE:KIND`
/// counts that kind for that resource, and the bare kinds after it belong to it too; a bare resource name
/// (`sections`) counts every kind of it and ends the group. `cases:added,removed,sections` fails on added or
/// removed cases and on any section drift, and on nothing else; `none` fails on nothing.
public struct DriftRule: Sendable, Hashable {
    /// The kinds that count, by resource; a resource not listed counts nothing.
    public var kinds: [ProjectResource: Set<CaseStatus>]

    public init(kinds: [ProjectResource: Set<CaseStatus>]) {
        self.kinds = kinds.mapValues { $0.subtracting([.unchanged]) }.filter { !$0.value.isEmpty }
    }

    /// These kinds, for every resource.
    public init(everyResource kinds: Set<CaseStatus>) {
        self.init(kinds: Dictionary(uniqueKeysWithValues: ProjectResource.allCases.map { ($0, kinds) }))
    }

    /// Every kind of every resource: the default.
    public static let everything = DriftRule(everyResource: Set(CaseStatus.driftKinds))

    public subscript(resource: ProjectResource) -> Set<CaseStatus> { kinds[resource] ?? [] }

    /// Whether a record of `resource` with these kinds counts as drift.
    public func counts(_ resource: ProjectResource, _ recordKinds: Set<CaseStatus>) -> Bool {
        !self[resource].isDisjoint(with: recordKinds)
    }

    /// The resources the rule names on its own (with `RESOURCE:` or a bare resource name); empty when it names
    /// kinds only.
    public private(set) var namedResources: Set<ProjectResource> = []

    /// Reads `--fail-on`; nil for a word that is neither a kind nor a resource, or an empty list.
    public init?(parsing text: String) {
        let words = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if words == ["none"] {
            self.init(kinds: [:])
            return
        }
        var kinds: [ProjectResource: Set<CaseStatus>] = [:]
        var named = Set<ProjectResource>()
        var group: ProjectResource?
        func kind(_ word: String) -> CaseStatus? {
            CaseStatus(rawValue: word.lowercased()).flatMap { $0 == .unchanged ? nil : $0 }
        }
        for word in words {
            if let colon = word.firstIndex(of: ":") {
                guard let resource = ProjectResource(named: String(word[..<colon])),
                    let status = kind(String(word[word.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
                else { return nil }
                group = resource
                named.insert(resource)
                kinds[resource, default: []].insert(status)
            } else if let status = kind(word) {
                if let group {
                    kinds[group, default: []].insert(status)
                } else {
                    for resource in ProjectResource.allCases { kinds[resource, default: []].insert(status) }
                }
            } else if let resource = ProjectResource(named: word) {
                kinds[resource, default: []].formUnion(CaseStatus.driftKinds)
                named.insert(resource)
                group = nil
            } else {
                return nil
            }
        }
        guard !words.isEmpty else { return nil }
        self.init(kinds: kinds)
        namedResources = named
    }

    /// In words for the compared resources: `added, removed, …` when every one counts the same kinds, else
    /// `cases: added, removed; sections: any`; `none` when nothing counts.
    public func description(for resources: Set<ProjectResource>) -> String {
        func list(_ kinds: Set<CaseStatus>) -> String {
            kinds.isEmpty ? "none" : kinds.sorted().map(\.rawValue).joined(separator: ", ")
        }
        let compared = resources.sorted()
        let sets = Set(compared.map { self[$0] })
        if sets.count <= 1 { return list(sets.first ?? []) }
        return compared.filter { !self[$0].isEmpty }.map { "\($0.rawValue): \(list(self[$0]))" }.joined(
            separator: "; ")
    }
}
