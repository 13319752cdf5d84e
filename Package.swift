// swift-tools-version: 6.1
import PackageDescription

/// kamerzoek: full-text search for Dutch parliamentary documents.
/// The module table and the direction of dependencies are in docs/ARCHITECTURE.md.
let package = Package(
    name: "kamerzoek",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kamerzoek", targets: ["kamerzoek"]),
        .library(name: "Analysis", targets: ["Analysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Debian's libstemmer-dev ships no pkg-config file, so no `pkgConfig:` here;
        // the modulemap links "stemmer" itself.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // A seeded generator shared by tests, fuzzers and benchmarks (not used by the product).
        .target(name: "SeededRandom"),
        .target(
            name: "Analysis",
            dependencies: ["CStemmer"]
        ),
        .target(
            name: "Ingest",
            dependencies: ["Analysis", "CLibXML2"]
        ),
        // zlib compresses stored-field blocks; Debian's zlib1g-dev ships zlib.pc.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "IndexStore",
            dependencies: ["Analysis", "Ingest", "CZlib"]
        ),
        .target(
            name: "Search",
            dependencies: ["Analysis", "IndexStore"]
        ),
        .target(
            name: "Server",
            dependencies: ["Search", "IndexStore", "Ingest"]
        ),
        .executableTarget(
            name: "kamerzoek",
            dependencies: [
                "Analysis", "Ingest", "IndexStore", "Search", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks are opt-in executables: `swift test` never builds them into a test.
        .executableTarget(
            name: "AnalyzerBenchmark",
            dependencies: ["Analysis"],
            path: "bench/AnalyzerBenchmark"
        ),
        .executableTarget(
            name: "Fuzz",
            dependencies: ["Analysis", "Ingest", "Search", "SeededRandom"],
            path: "bench/Fuzz"
        ),
        .executableTarget(
            name: "SearchBenchmark",
            dependencies: ["IndexStore", "Search"],
            path: "bench/SearchBenchmark"
        ),
        .executableTarget(
            name: "ExtractBenchmark",
            dependencies: ["Ingest"],
            path: "bench/ExtractBenchmark"
        ),
        .executableTarget(
            name: "IndexCodecBenchmark",
            dependencies: ["IndexStore"],
            path: "bench/IndexCodecBenchmark"
        ),
        .executableTarget(
            name: "RelevanceEvaluation",
            dependencies: ["Analysis", "IndexStore", "Search"],
            path: "bench/RelevanceEvaluation"
        ),
        // Tests find their fixtures through #filePath, so no resources are bundled.
        .testTarget(
            name: "IndexStoreTests",
            dependencies: ["IndexStore", "Analysis", "SeededRandom"]
        ),
        .testTarget(
            name: "SearchTests",
            dependencies: ["Search", "IndexStore", "SeededRandom"]
        ),
        .testTarget(
            name: "AnalysisTests",
            dependencies: ["Analysis", "SeededRandom"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "IngestTests",
            dependencies: ["Ingest"],
            exclude: ["Fixtures"]
        ),
    ]
)
