import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TestRailAPI
import UnixSignals

/// Thrown by a handler to drop the connection without an answer, as a failing network would.
struct SimulatedConnectionDrop: Error {}
