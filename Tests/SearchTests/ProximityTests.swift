import Testing
@testable import Search

@Suite("Proximity")
struct ProximityTests {
    @Test func adjacentWordsScoreOne() {
        #expect(Rescorer.closeness([[3], [4]], queryStems: 2) == 1)
        #expect(Rescorer.closeness([[3], [13]], queryStems: 2) == 0.1)
    }

    @Test func matchingOneMoreWordNeverLowersCloseness() {
        let two = Rescorer.closeness([[0], [1]], queryStems: 3)
        let three = Rescorer.closeness([[0], [1], [100]], queryStems: 3)
        #expect(three > two)
    }

    @Test func nearestDistanceWalksBothLists() {
        #expect(Rescorer.nearestDistance([1, 50, 90], [20, 88]) == 2)
        #expect(Rescorer.nearestDistance([5], [5]) == 0)
    }
}
