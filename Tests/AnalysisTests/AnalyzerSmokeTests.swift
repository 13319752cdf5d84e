import Testing
@testable import Analysis

@Test func analyzerStarts() throws {
    let analyzer = try Analyzer()
    #expect(try analyzer.analyze("gemeenten").map(\.stem) == ["gemeent"])
}
