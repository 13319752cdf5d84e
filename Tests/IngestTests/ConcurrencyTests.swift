import Testing
@testable import Ingest

/// The indexer extracts files in parallel: the same files read concurrently must give
/// the same documents as read one by one (libxml2 is initialised once, no shared state).
@Test func concurrentExtractionMatchesSerial() async throws {
    let paths = expectedCorpus.map { Fixtures.path("corpus/" + $0.path) } + [
        Fixtures.path("koop/kst-34851-4.xml"), Fixtures.path("koop/kv-tk-2024Z18775.xml"),
        Fixtures.path("koop/syncfeed-2022D06725.xml"), Fixtures.path("bwb/BWBR9999999_2020-01-01_0.xml"),
    ]
    let extractor = Extractor()
    let serial = try paths.map { try extractor.extract(fileAt: $0, relativeTo: Fixtures.root) }
    let parallel = try await withThrowingTaskGroup(of: (Int, ExtractionOutcome).self) { group in
        for round in 0 ..< 4 {
            for (index, path) in paths.enumerated() {
                group.addTask { (index + round * paths.count, try extractor.extract(fileAt: path, relativeTo: Fixtures.root)) }
            }
        }
        var results = [(Int, ExtractionOutcome)]()
        for try await result in group { results.append(result) }
        return results
    }
    #expect(parallel.count == paths.count * 4)
    for (index, outcome) in parallel {
        #expect(outcome == serial[index % paths.count])
    }
}
