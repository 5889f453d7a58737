import Foundation

/// What renderers know about the run beyond the report: the tool's version, when, and how the data was fetched.
public struct RenderContext: Sendable {
    public var toolVersion: String
    /// When the diff was made; nil leaves it out (`--reproducible`).
    public var generatedAt: Date?
    /// The fetch's metrics; nil leaves them out (`--reproducible`, or data that was not fetched).
    public var metrics: FetchMetrics?
    public var rateProfile: RateProfile?
    /// The rate in words when two instances were fetched (`left: cloud (180/min); right: server (no limit)`);
    /// it stands in for ``rateProfile``.
    public var rateDescription: String?

    public init(
        toolVersion: String = "unknown", generatedAt: Date? = nil, metrics: FetchMetrics? = nil,
        rateProfile: RateProfile? = nil, rateDescription: String? = nil
    ) {
        self.rateDescription = rateDescription
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.metrics = metrics
        self.rateProfile = rateProfile
    }
}
