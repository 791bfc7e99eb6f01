import Foundation
import Testing
@testable import FolioCLI
import FolioTestSupport

@Suite("generated files")
struct GeneratedDocsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("completions/ and man/ are what the command model renders now")
    func current() throws {
        var stale: [String] = []
        for file in GeneratedDocs.files() {
            let onDisk = try? String(contentsOf: GeneratedDocsTests.root.appendingPathComponent(file.path), encoding: .utf8)
            if onDisk != file.content { stale.append(file.path) }
        }
        #expect(stale.isEmpty, "stale generated files \(stale.prefix(5)); run: swift run folio generate-docs .")
        let pages = try FileManager.default.contentsOfDirectory(atPath: GeneratedDocsTests.root.appendingPathComponent("man/man1").path)
        let expected = Set(GeneratedDocs.files().map { ($0.path as NSString).lastPathComponent }.filter { $0.hasSuffix(".1") })
        #expect(Set(pages) == expected, "man/man1 holds pages the model no longer renders")
    }

    @Test("the committed man pages pass mandoc's linter", .enabled(if: ExternalTool.shouldRun("mandoc"), "needs mandoc"))
    func mandocLint() throws {
        let mandoc = try #require(ExternalTool.path("mandoc"))
        let dir = GeneratedDocsTests.root.appendingPathComponent("man/man1").path
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir).map { dir + "/" + $0 }
        let result = try ProcessRunner.run([mandoc, "-T", "lint", "-W", "warning"] + pages)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("the bash completion script completes folio's real commands", .enabled(if: ExternalTool.shouldRun("bash"), "needs bash"))
    func bashCompletes() throws {
        let script = GeneratedDocsTests.root.appendingPathComponent("completions/folio.bash").path
        let harness = """
            source \(script)
            COMP_WORDS=(folio tenants re); COMP_CWORD=2; _folio; echo "${COMPREPLY[@]}"
            COMP_WORDS=(folio tenants list -o ''); COMP_CWORD=4; _folio; echo "${COMPREPLY[@]}"
            """
        let result = try ProcessRunner.run([try #require(ExternalTool.path("bash")), "-c", harness])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.first?.split(separator: " ").sorted() == ["register", "resend-verification"])
        #expect(lines.last?.split(separator: " ").sorted() == ["csv", "id", "json", "jsonl", "table"])
    }
}
