/// Which fields are compared: by default the standard ones and every `custom_*` present on both sides.
public struct FieldSelection: Sendable, Hashable {
    /// `--fields`: exactly these (names as ``CompareField/named(_:customFields:)`` reads them); nil for the default.
    public var only: [String]?
    /// `--ignore-fields`: left out of whatever set applies.
    public var ignored: [String]

    public init(only: [String]? = nil, ignored: [String] = []) {
        self.only = only
        self.ignored = ignored
    }

    /// Whether `--fields` names a field that holds a user id without any custom field: creators and editors.
    var namesUsers: Bool {
        (only ?? []).flatMap { CompareField.named($0) }.contains { $0 == .createdBy || $0 == .updatedBy }
    }

    /// Whether `--fields` names `display_order` (and `--ignore-fields` does not): sections then compare their order
    /// among siblings too.
    var asksForOrder: Bool {
        (only ?? []).flatMap { CompareField.named($0) }.contains(.displayOrder)
            && !ignored.flatMap { CompareField.named($0) }.contains(.displayOrder)
    }

    /// A custom field one project has and the other has not; not compared unless named in `--fields`.
    public struct OneSided: Sendable, Hashable {
        public var field: String
        /// `left` or `right`: the side that has it.
        public var side: String
    }

    struct Resolved: Sendable, Hashable {
        var compared: [CompareField]
        var oneSided: [OneSided]
    }

    /// The compared fields in listing order (standard, optional, then custom by name) and the one-sided customs.
    /// - Throws: ``CasediffError/unknownField(_:known:)`` for a name that is no field.
    func resolve(leftCustom: Set<String>, rightCustom: Set<String>) throws -> Resolved {
        let all = leftCustom.union(rightCustom)
        func fields(_ name: String) throws -> [CompareField] {
            let fields = CompareField.named(name, customFields: all)
            guard !fields.isEmpty else {
                throw CasediffError.unknownField(
                    name, known: (CompareField.standard + CompareField.optional).map(\.name) + all.sorted())
            }
            return fields
        }
        var compared: Set<CompareField>
        if let only {
            compared = Set(try only.flatMap(fields))
        } else {
            compared = Set(CompareField.standard)
            compared.formUnion(leftCustom.intersection(rightCustom).map(CompareField.custom))
        }
        compared.subtract(try ignored.flatMap(fields))
        let oneSided =
            leftCustom.subtracting(rightCustom).map { OneSided(field: $0, side: "left") }
            + rightCustom.subtracting(leftCustom).map { OneSided(field: $0, side: "right") }
        return Resolved(
            compared: compared.sorted(),
            oneSided: oneSided.filter { !compared.contains(.custom($0.field)) }.sorted { $0.field < $1.field })
    }
}
