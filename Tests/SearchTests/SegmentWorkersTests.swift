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
}
