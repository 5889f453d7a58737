/// Names one HTTP attempt in logs: the work unit's label and the attempt's number, `p30/s12/o500#2`.
///
/// | unit                         | attempt | id                          |
/// |------------------------------|---------|-----------------------------|
/// | cases of suite 12, offset 500 | 2       | `p30/s12/o500#2`            |
/// | sections of suite 12          | 1       | `p30/s12/sections/o0#1`     |
/// | the project itself            | 1       | `p30#1`                     |
/// | an `updated_after` delta page | 1       | `p30/s12/delta/o0#1`        |
/// | the refresh's one-case proof  | 1       | `p30/s12/proof/o4999#1`     |
public struct RequestID: Sendable, Hashable, CustomStringConvertible {
    /// The work unit's label (``WorkUnit/label``).
    public var unit: String
    /// 1 for the first send; every retry, 429s included, counts one more.
    public var attempt: Int

    public init(unit: String, attempt: Int) {
        self.unit = unit
        self.attempt = attempt
    }

    public var description: String { "\(unit)#\(attempt)" }
}
