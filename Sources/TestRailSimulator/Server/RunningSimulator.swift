import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TestRailAPI
import UnixSignals

/// A simulator that is up: its address and its controls.
public struct RunningSimulator: Sendable {
    /// The instance's root, e.g. `http://127.0.0.1:53211/`.
    public let baseURL: URL
    public let core: SimulatorCore

    public func requestLog() async -> [RequestLogEntry] {
        await core.requestLog()
    }

    public func setMaintenance(_ on: Bool?) async {
        await core.setMaintenance(on)
    }

    /// Edits the instance's data while it runs (see ``SimulatorCore/replaceDataset(_:)``).
    public func replaceDataset(_ dataset: Dataset) {
        core.replaceDataset(dataset)
    }
}
