import Testing
@testable import Search

@Suite struct SegmentWorkersTests {
    @Test func theLargestSegmentsGoFirstToTheLeastLoadedWorker() {
        // 900 to the first, 500 and 450 to the second (950), 100 to the first (1,000);
        // the empty segment to none. Each worker's segments in ascending order.
        let workers = SegmentWorkers(sizes: [900, 100, 500, 0, 450], workers: 2)
        #expect(workers.assignments == [[0, 1], [2, 4]])
    }

    @Test func neverMoreWorkersThanSegmentsWithWork() {
        #expect(SegmentWorkers(sizes: [10, 0, 20], workers: 8).assignments == [[2], [0]])
        #expect(SegmentWorkers(sizes: [10, 20], workers: 1).assignments == [[0, 1]])
        #expect(SegmentWorkers(sizes: [], workers: 4).assignments == [[]])
        #expect(SegmentWorkers(sizes: [0, 0], workers: 4).assignments == [[]])
    }

    @Test func resultsComeBackInWorkerOrder() throws {
        let workers = SegmentWorkers(sizes: [5, 4, 3, 2, 1, 1], workers: 3)
        let sums = try workers.run { segments in segments.reduce(0, +) }
        #expect(sums == workers.assignments.map { $0.reduce(0, +) })
        #expect(workers.assignments.flatMap { $0 }.sorted() == [0, 1, 2, 3, 4, 5])
    }

    private struct Refusal: Error, Equatable { let worker: [Int] }

    @Test func theFirstWorkersErrorIsThrown() {
        let workers = SegmentWorkers(sizes: [3, 2, 1], workers: 3)
        #expect(throws: Refusal(worker: [1])) {
            _ = try workers.run { segments -> Int in
                if segments == [0] { return 0 }
                throw Refusal(worker: segments)
            }
        }
    }

    @Test func talliesAddUpAndTheirTopsMerge() {
        var first = TopDocuments(capacity: 2), second = TopDocuments(capacity: 2)
        first.offer(.init(score: 3, segment: 0, document: 1))
        first.offer(.init(score: 1, segment: 0, document: 2))
        second.offer(.init(score: 2, segment: 1, document: 7))
        second.offer(.init(score: 3, segment: 1, document: 0))
        let merged = SegmentWorkers.Tally.merged([
            .init(total: 5, documents: 2, countComplete: true, rankComplete: true, top: first),
            .init(total: 7, documents: 3, countComplete: false, rankComplete: true, top: second),
        ], capacity: 3)
        #expect(merged.total == 12 && merged.documents == 5)
        #expect(!merged.countComplete && merged.rankComplete)
        // Score first, then (segment, document): the ties at 3 in index order.
        let order = merged.top!.entries.sorted { $0.ranks(before: $1) }.map { [$0.segment, Int($0.document)] }
        #expect(order == [[0, 1], [1, 0], [1, 7]])
        #expect(SegmentWorkers.Tally.merged([.init(), .init()], capacity: 3).top == nil)
    }
}
