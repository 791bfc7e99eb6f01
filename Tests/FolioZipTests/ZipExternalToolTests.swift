import Foundation
import Testing
import FolioSupport
import FolioTestSupport
@testable import FolioZip

/// Independent judges: Info-ZIP's unzip and zipinfo, and Python's zipfile, read what ZipWriter
/// writes, plain and ZIP64.
@Suite struct ZipExternalToolTests {
    /// The sample archive; the same entries with ZIP64 forced by lowered limits (every size and
    /// offset of 100 bytes or more, and the entry count, go through ZIP64 records); and the
    /// same entries written through the sink.
    static func archives() throws -> [(label: String, path: String)] {
        let plain = try ZipSamples.write().path
        let zip64 = try ZipSamples.write(limits: ZipLimits(entryCount: 3, size: 100))
        #expect(zip64.summary.usesZip64)
        // The same entries through the streaming form: ZIP64 local headers patched afterwards.
        let streamed = ProcessRunner.temporaryDirectory("folio-zip") + "/streamed.zip"
        let writer = try ZipWriter(path: streamed)
        for entry in ZipSamples.entries {
            try writer.add(name: entry.name, modified: entry.modified) { sink in
                for start in stride(from: 0, to: entry.data.count, by: 1000) {
                    try sink.write(Array(entry.data[start..<min(start + 1000, entry.data.count)]))
                }
            }
        }
        _ = try writer.finish()
        return [("plain", plain), ("zip64", zip64.path), ("streamed", streamed)]
    }

    @Test(.enabled(if: ExternalTool.shouldRun("unzip"), "needs unzip"))
    func unzipTestsEveryEntry() throws {
        let unzip = try #require(ExternalTool.path("unzip"))
        for (label, path) in try Self.archives() {
            let result = try ProcessRunner.run([unzip, "-t", path])
            #expect(result.status == 0, "\(label): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.contains("No errors detected"), "\(label): \(result.stdout)")
            for entry in ZipSamples.entries { #expect(result.stdout.contains(entry.name), "\(label): \(entry.name)") }
        }
    }

    @Test(.enabled(if: ExternalTool.shouldRun("unzip"), "needs unzip"))
    func unzipExtractsTheSameBytes() throws {
        let unzip = try #require(ExternalTool.path("unzip"))
        for (label, path) in try Self.archives() {
            let target = ProcessRunner.temporaryDirectory("folio-unzip")
            let result = try ProcessRunner.run([unzip, "-q", path, "-d", target])
            #expect(result.status == 0, "\(label): \(result.stderr)")
            for entry in ZipSamples.entries {
                #expect(try FileSystem.readFile(target + "/" + entry.name, limit: 1 << 20) == entry.data, "\(label): \(entry.name)")
                #expect(FileSystem.mode(target + "/" + entry.name) == 0o644, "\(label): \(entry.name)")
            }
        }
    }

    /// zipinfo shows every entry as a Unix rw-r--r-- file made by spec 4.5, UTF-8 named, with
    /// no extra field but ZIP64's and no comments: nothing taken from the host.
    @Test(.enabled(if: ExternalTool.shouldRun("zipinfo"), "needs zipinfo"))
    func zipinfoShowsFixedAttributes() throws {
        let zipinfo = try #require(ExternalTool.path("zipinfo"))
        let path = try ZipSamples.write().path
        let short = try ProcessRunner.run([zipinfo, path])
        #expect(short.status == 0, "\(short.stderr)")
        let lines = short.stdout.split(separator: "\n").filter { $0.hasPrefix("-") }
        #expect(lines.count == ZipSamples.entries.count, "\(short.stdout)")
        for line in lines {
            #expect(line.hasPrefix("-rw-r--r--  4.5 unx "), "\(line)")
        }
        let verbose = try ProcessRunner.run([zipinfo, "-v", path])
        #expect(verbose.status == 0)
        let text = verbose.stdout
        #expect(text.components(separatedBy: "length of extra field:                          0 bytes").count - 1 == ZipSamples.entries.count, "\(text)")
        #expect(text.components(separatedBy: "file system or operating system of origin:      Unix").count - 1 == ZipSamples.entries.count)
        #expect(text.components(separatedBy: "Unix file attributes (100644 octal):            -rw-r--r--").count - 1 == ZipSamples.entries.count)
        #expect(!text.contains("extended local header:                          yes"))
        #expect(!text.contains("There is a local extra field"))
        #expect(text.contains("2026 Nov 22 08:30:14"))
    }

    @Test(.enabled(if: ExternalTool.shouldRun("python3"), "needs python3"))
    func pythonZipfileReadsEveryEntry() throws {
        let python = try #require(ExternalTool.path("python3"))
        // Prints name, date, size and SHA-256 of each entry; testzip() checks every CRC.
        let script = """
        import hashlib, sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            assert z.testzip() is None, z.testzip()
            for i in z.infolist():
                data = z.read(i)
                assert len(data) == i.file_size
                print(i.filename, "%04d-%02d-%02dT%02d:%02d:%02d" % i.date_time, i.compress_type, i.create_system,
                      oct(i.external_attr >> 16), len(i.extra), hashlib.sha256(data).hexdigest())
        """
        let expected = try ZipSamples.entries.map { entry in
            let digest = try ProcessRunner.run([python, "-c", "import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())"],
                                               stdin: Data(entry.data)).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let m = entry.modified
            let stamp = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", m.year, m.month, m.day, m.hour, m.minute, m.second)
            return (entry.name, stamp, digest)
        }
        for (label, path) in try Self.archives() {
            let result = try ProcessRunner.run([python, "-c", script, path])
            #expect(result.status == 0, "\(label): \(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(lines.count == expected.count, "\(label): \(result.stdout)")
            for (fields, (name, stamp, digest)) in zip(lines, expected) {
                #expect(fields.first == name, "\(label)")
                #expect(fields.count == 7 && fields[1] == stamp && fields[3] == "3" && fields[4] == "0o100644" && fields[6] == digest,
                        "\(label): \(fields)")
                if label == "plain" { #expect(fields.count == 7 && fields[5] == "0", "\(label): \(fields)") }
            }
        }
    }
}
