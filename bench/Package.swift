// swift-tools-version: 6.1
import PackageDescription

/// kamerzoek's benchmarks, fuzzer and reports: a package of their own (as SwiftNIO's and
/// swift-collections' Benchmarks/ are), so that building or testing kamerzoek, the package
/// one folder up, compiles none of them. From the repository's root:
///
///     swift build -c release --package-path bench               # every tool, into bench/.build/release/
///     swift run -c release --package-path bench SearchBenchmark --rounds 50
///
/// The tools read their default inputs (Index/, Corpus/, bench/queries.txt…) relative to the
/// folder they are started in, so start them from the root. SwiftPM plans this package's
/// build again when its own folders change, not when a file is added to or removed from
/// ../Sources: after such a change build once with `--disable-build-manifest-caching`
/// (docs/BENCHMARKS.md, "Building the tools", has this and the rest).
let package = Package(
    name: "kamerzoek-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The engine's modules, as the library products of the root package.
        .package(name: "kamerzoek", path: ".."),
        // ordo-one's package-benchmark, for the micro-benchmarks in Benchmarks/ (its plugin
        // looks for them there). Its default traits would also pull in an ARC interposer
        // that is not among the packages this project's machines carry; the malloc
        // interposer alone gives the allocation counts.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        tool("AnalyzerBenchmark", using: ["Analysis"]),
        tool("ExtractBenchmark", using: ["Ingest"]),
        tool("Fuzz", using: ["Analysis", "Ingest", "Search", "SeededRandom"]),
        tool("IndexCodecBenchmark", using: ["IndexStore"]),
        tool("IndexSizeReport", using: ["IndexStore"]),
        tool("PassageExport", using: ["IndexStore"]),
        tool("RelevanceEvaluation", using: ["Analysis", "IndexStore", "Indexer", "Search"]),
        tool("SearchBenchmark", using: ["IndexStore", "Search"], also: ["AllocationCounter"]),
        tool("SimilarityReport", using: ["IndexStore"]),
        // C: counts the heap allocations of the process SearchBenchmark runs in.
        .target(name: "AllocationCounter", path: "AllocationCounter"),
        // Run with `swift package --package-path bench benchmark --target IndexCodecs`.
        .executableTarget(
            name: "IndexCodecs",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "IndexStore", package: "kamerzoek"),
                .product(name: "SeededRandom", package: "kamerzoek"),
            ],
            path: "Benchmarks/IndexCodecs",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)

/// An executable in the folder of its name that uses the engine `modules` (library products
/// of the root package) and `also` the targets of this package named there.
func tool(_ name: String, using modules: [String], also: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: modules.map { .product(name: $0, package: "kamerzoek") } + also,
        path: name
    )
}
