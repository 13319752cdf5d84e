import Foundation
import Testing

/// `kamerzoek --version`, run as built next to these tests.
@Suite("Version")
struct VersionTests {
    @Test func theCommandPrintsItsVersion() throws {
        // The test bundle and the executable are built into the same folder.
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent("kamerzoek").path }
        let executable = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "kamerzoek not built in \(folder.path)")
        let (status, output) = try OpenAPIConformanceTests.run([executable, "--version"])
        #expect(status == 0)
        #expect(output.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(output)")
    }
}
