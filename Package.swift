// swift-tools-version: 6.1
import PackageDescription

/// kamerzoek: full-text search for Dutch parliamentary documents.
/// The module table and the direction of dependencies are in docs/ARCHITECTURE.md.
let package = Package(
    name: "kamerzoek",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kamerzoek", targets: ["kamerzoek"]),
        // The engine's modules, for the benchmarks, fuzzer and reports of bench/Package.swift,
        // a package of its own so that building kamerzoek builds none of them.
        .library(name: "Analysis", targets: ["Analysis"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "IndexStore", targets: ["IndexStore"]),
        .library(name: "Indexer", targets: ["Indexer"]),
        .library(name: "Search", targets: ["Search"]),
        .library(name: "SeededRandom", targets: ["SeededRandom"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already resolved for Hummingbird; named here because Server logs through it directly.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        // Also resolved for Hummingbird; named for NIOSingletons (see ServerRuntime).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
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
        // OpenSSL's libcrypto hashes file contents (SHA-256, with the CPU's SHA instructions);
        // Debian's libssl-dev ships libcrypto.pc.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "Ingest",
            dependencies: ["Analysis", "CLibXML2", "CCrypto"]
        ),
        // zlib compresses stored-field blocks; Debian's zlib1g-dev ships zlib.pc.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // zstd compresses stored records from format 6 on (zlib blocks of older segments
        // are still read); Debian's libzstd-dev ships libzstd.pc.
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        // The zstd dictionary of stored records (format 9 on), included by C23's #embed.
        .target(
            name: "CStoredRecordDictionary",
            exclude: ["stored-records.zdict", "SOURCES.md"],
            cSettings: [.unsafeFlags(["-std=c23"])]
        ),
        .target(
            name: "IndexStore",
            dependencies: ["Analysis", "CZlib", "CZstd", "CStoredRecordDictionary"],
            // Postings cursors are called per posting from Search: let their bodies be
            // inlined there (a call that copies the cursor costs more than the decoding).
            swiftSettings: [.unsafeFlags(["-cross-module-optimization"])]
        ),
        // The batch pipeline: walking, change detection, extraction, workers that invert
        // into segments of their own, the merge policy.
        .target(
            name: "Indexer",
            dependencies: ["Analysis", "Ingest", "IndexStore"]
        ),
        .target(
            name: "Search",
            // Ingest for the vocabulary of document types that `soort:` accepts.
            dependencies: ["Analysis", "Ingest", "IndexStore"],
            // Matchers, rankers and collectors are used by one thread per search; the
            // run-time exclusivity checks on their stored state and on the variables the
            // per-block closures capture cost 3–14% of a search's instructions by type
            // (docs/BENCHMARKS.md, "Session 15: the document-level conjunction"). The
            // compile-time checks stay; every other module keeps the run-time checks.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(
            name: "Server",
            dependencies: [
                "Search", "IndexStore", "CZlib",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .executableTarget(
            name: "kamerzoek",
            dependencies: [
                "Analysis", "Ingest", "IndexStore", "Indexer", "Search", "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Tests find their fixtures through #filePath, so no resources are bundled.
        .testTarget(
            name: "IndexStoreTests",
            // Indexer: the writer's tests run whole indexing runs over files. Search:
            // the indexes of earlier format versions are searched as users search them.
            dependencies: ["IndexStore", "Indexer", "Search", "Analysis", "SeededRandom"],
            // Indexes of every format version read, and the corpus they were made from,
            // opened by FormatCompatibilityTests.
            exclude: ["Compat/Fixtures"]
        ),
        .testTarget(
            name: "SearchTests",
            dependencies: ["Search", "IndexStore", "SeededRandom"]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Search", "IndexStore", "Indexer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Run by OpenAPIConformanceTests with python3 (jsonschema, openapi-spec-validator).
            exclude: ["Support/validate_openapi.py"]
        ),
        // Runs the built `kamerzoek` as a user does: help, exit codes, `--json` shapes.
        .testTarget(
            name: "CLITests"
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
