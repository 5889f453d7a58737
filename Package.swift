// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "casediff",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "casediff", targets: ["casediff"]),
        .executable(name: "testrail-sim", targets: ["testrail-sim"]),
        .library(name: "CasediffCore", targets: ["CasediffCore"]),
        .library(name: "TestRailAPI", targets: ["TestRailAPI"]),
        .library(name: "TestRailSimulator", targets: ["TestRailSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The TestRail API v2 client: endpoints, envelopes, models, typed errors, transport.
        .target(name: "TestRailAPI"),
        // The engine: fetch, compare, render; its events, logs and settings. No CLI and no server code.
        .target(
            name: "CasediffCore",
            dependencies: [
                "TestRailAPI",
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // casediff's memory: pages, size hints, learned rates and runs in SQLite (GRDB, WAL); snapshots.
        .target(
            name: "CasediffStore",
            dependencies: ["CasediffCore", "TestRailAPI", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // A faithful TestRail instance on loopback, for tests, the demo and the benchmarks.
        .target(
            name: "TestRailSimulator",
            dependencies: [
                "TestRailAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "testrail-sim",
            dependencies: [
                "TestRailSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "casediff",
            dependencies: [
                "CasediffCore",
                "CasediffStore",
                "TestRailAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // `make bench`: the engine against the simulator; prints ratios to the theoretical floor.
        .executableTarget(
            name: "casediff-bench",
            dependencies: [
                "CasediffCore",
                "CasediffStore",
                "TestRailAPI",
                "TestRailSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TestRailAPITests",
            dependencies: [
                "TestRailAPI", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "TestRailSimulatorTests", dependencies: ["TestRailSimulator", "TestRailAPI"]),
        .testTarget(
            name: "CasediffCoreTests",
            dependencies: [
                "CasediffCore", "TestRailSimulator", "TestRailAPI", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "CasediffStoreTests",
            dependencies: [
                "CasediffStore", "CasediffCore", "TestRailSimulator", "TestRailAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "CasediffCLITests",
            dependencies: [
                "TestRailSimulator", "TestRailAPI", "CasediffCore", "CasediffStore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
