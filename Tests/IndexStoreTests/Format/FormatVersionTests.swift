import Testing
@testable import IndexStore

@Suite struct FormatVersionTests {
    @Test func eachFeatureStartsAtItsDocumentedVersionAndStays() {
        for feature in DocumentedFeature.all {
            let holding = FormatVersion.supported.filter(feature.named).map(\.rawValue)
            #expect(holding == Array(feature.introducedIn ... FormatVersion.current.rawValue), "\(feature.name)")
        }
    }

    @Test func everyVersionFromTheFirstToTheCurrentIsRead() {
        #expect(FormatVersion.supported.first == FormatVersion(rawValue: 1))
        #expect(FormatVersion.supported.last == FormatVersion.current)
        #expect(FormatVersion.supported.count == Int(FormatVersion.current.rawValue))
        #expect(!FormatVersion(rawValue: 0).isSupported)
        #expect(!FormatVersion.current.advanced(by: 1).isSupported)
    }
}
