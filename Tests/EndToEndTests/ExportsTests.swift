import Foundation
import Testing
import FolioTestSupport

/// `exports create|list|show|download|verify|prune` through the built binary.
@Suite("exports: archives of documents")
struct ExportsTests {
    @Test("create: the row's SHA-256 is the archive's; list, show and download agree; 0600 in exports/; audit and event")
    func createListShowDownload() throws {
        let folio = try FolioHarness()
        let (tenant, _) = try folio.exportFixture(count: 5)
        let made = try folio.export(["--tenant", "ana@example.com", "--all-time"])
        let id = try #require(made["id"] as? String)
        #expect(id.hasPrefix("exp_"))
        #expect(made["documentCount"] as? Int == 5)
        #expect(made["fileCount"] as? Int == 7)
        #expect(made["status"] as? String == "completed")
        #expect(made["tenantId"] as? String == tenant)
        // 2.50 × (1 + 2 + 3 + 4 + 5), summed exactly.
        #expect(made["subtotal"] as? String == "37.50")
        let path = folio.archive(id)
        #expect(made["sha256"] as? String == (try ArchiveFiles.sha256(path)))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let shown = try folio.json(["exports", "show", id])
        #expect(shown["sha256"] as? String == made["sha256"] as? String)
        let listed = try folio.json(["exports", "list", "--tenant", "ana@example.com"])
        let items = try #require(listed["items"] as? [[String: Any]])
        #expect(items.count == 1 && items.first?["sha256"] as? String == made["sha256"] as? String)
        let dir = ProcessRunner.temporaryDirectory("folio-exports")
        let copy = dir + "/marzo.zip"
        let downloaded = try folio.run(["exports", "download", id, "-O", copy])
        #expect(downloaded.status == 0, "\(downloaded.stderr)")
        #expect(try ArchiveFiles.sha256(copy) == made["sha256"] as? String)
        let piped = try folio.run(["exports", "download", id, "-O", "-"])
        #expect(piped.stdoutData == (try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(try folio.run(["exports", "download", id, "-O", copy]).status == 2, "replacing needs --yes")
        #expect(try folio.run(["exports", "download", id, "-O", copy, "--yes"]).status == 0)
        #expect(try folio.sqlite("SELECT count(*) FROM audit_log WHERE action = 'export.create' AND target_id = '\(id)'") == "1\n")
        #expect(try folio.sqlite("SELECT count(*) FROM events WHERE type = 'export.completed' AND target_id = '\(id)'") == "1\n")
        #expect(try folio.run(["audit", "verify"]).status == 0)
        #expect(try folio.run(["exports", "verify", id]).status == 0)
        #expect(try folio.run(["exports", "verify", copy]).status == 0)
    }

    @Test("no date range without --all-time; both at once is refused too; neither tenant nor issuer is refused")
    func periodIsExplicit() throws {
        let folio = try FolioHarness()
        _ = try folio.exportFixture(count: 1)
        let bare = try folio.run(["exports", "create", "--tenant", "ana@example.com"])
        #expect(bare.status == 3)
        #expect(bare.stderr.contains("--all-time"), "\(bare.stderr)")
        let both = try folio.run(["exports", "create", "--tenant", "ana@example.com", "--from", "2026-01-01", "--all-time"])
        #expect(both.status == 3)
        let nobody = try folio.run(["exports", "create", "--all-time"])
        #expect(nobody.status == 3)
        #expect(nobody.stderr.contains("--tenant"), "\(nobody.stderr)")
        #expect(try folio.sqlite("SELECT count(*) FROM exports") == "0\n")
        #expect(FileManager.default.subpaths(atPath: folio.store + "/exports")?.isEmpty == true)
    }

    @Test("the tier gate: a starter tenant gets plan_tier_required, exit 7, naming growth and starter")
    func tierGate() throws {
        let folio = try FolioHarness()
        _ = try folio.exportFixture(count: 1, tier: "starter")
        let refused = try folio.run(["exports", "create", "--tenant", "ana@example.com", "--all-time", "-o", "json"])
        #expect(refused.status == 7)
        let error = try #require(try JSONSerialization.jsonObject(with: Data(refused.stderr.utf8)) as? [String: Any])
        #expect(error["error"] as? String == "plan_tier_required")
        #expect(error["required"] as? String == "growth" && error["current"] as? String == "starter")
        #expect(FileManager.default.subpaths(atPath: folio.store + "/exports")?.isEmpty == true)
    }

    @Test("no matching document: an empty, valid archive, and stderr says so")
    func emptyExport() throws {
        let folio = try FolioHarness()
        _ = try folio.exportFixture(count: 2)
        let result = try folio.run(["exports", "create", "--tenant", "ana@example.com", "--from", "2001-01-01", "--to", "2001-01-31",
                                    "-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("no document matches"), "\(result.stderr)")
        let made = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(made["documentCount"] as? Int == 0 && made["fileCount"] as? Int == 2 && made["total"] as? String == "0.00")
        let id = try #require(made["id"] as? String)
        #expect(try folio.run(["exports", "verify", folio.archive(id)]).status == 0)
    }

    @Test("the filters are those of documents list: the same documents, counted the same way")
    func sameFiltersAsList() throws {
        let folio = try FolioHarness()
        _ = try folio.exportFixture(count: 6)
        let filters = ["--tenant", "ana@example.com", "--min-total", "5", "--max-total", "12", "--buyer-name", "NUNEZ"]
        let listed = try folio.json(["documents", "list", "--all"] + filters)
        let expected = try #require(listed["items"] as? [[String: Any]]).count
        #expect(expected > 0 && expected < 6)
        let made = try folio.export(filters + ["--all-time"])
        #expect(made["documentCount"] as? Int == expected)
        let recorded = try #require(made["filters"] as? [String: Any])
        #expect(recorded["minTotal"] as? String == "5" && recorded["buyerName"] as? String == "NUNEZ")
    }

    @Test("verify: a file that is not a Folio export is exit 3, not 10")
    func notAnExport() throws {
        let folio = try FolioHarness()
        let dir = ProcessRunner.temporaryDirectory("folio-exports")
        try "hello\n".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        #expect(try folio.run(["exports", "verify", dir + "/a.txt"]).status == 3)
        #expect(try folio.run(["exports", "verify", dir + "/missing.zip"]).status == 4)
        #expect(try folio.run(["exports", "verify", "exp_01JD0000000000000000000000"]).status == 4)
    }

    @Test("prune: archives older than the age go, rows stay pruned; without a terminal it needs --yes")
    func prune() throws {
        let folio = try FolioHarness()
        _ = try folio.exportFixture(count: 1)
        let id = try #require(try folio.export(["--tenant", "ana@example.com", "--all-time"])["id"] as? String)
        let later = ["FOLIO_NOW": TestClock.rfc3339(plus: 100 * TestClock.day)]
        let unconfirmed = try folio.run(["exports", "prune", "--older-than", "90d"], environment: later)
        #expect(unconfirmed.status == 2, "\(unconfirmed.stderr)")
        let young = try folio.run(["exports", "prune", "--older-than", "90d", "--yes"])
        #expect(young.status == 0 && FileManager.default.fileExists(atPath: folio.archive(id)))
        let pruned = try folio.run(["exports", "prune", "--older-than", "90d", "--yes"], environment: later)
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folio.archive(id)))
        let shown = try folio.json(["exports", "show", id])
        #expect(shown["status"] as? String == "pruned" && shown["prunedAt"] is String)
        #expect(try folio.run(["exports", "download", id, "-O", "-"]).status == 5)
        #expect(try folio.sqlite("SELECT count(*) FROM audit_log WHERE action = 'export.prune'") == "1\n")
    }
}

/// The pipeline's promises for exports: a dry run writes nothing, an idempotency key replays.
@Suite("exports: dry run and idempotency")
struct ExportsPipelineTests {
    @Test("--dry-run counts and sums, writes no archive and no row; a repeated --idempotency-key replays the first export")
    func dryRunAndReplay() throws {
        let folio = try FolioHarness()
        _ = try folio.exportFixture(count: 3)
        let dry = try folio.json(["exports", "create", "--tenant", "ana@example.com", "--all-time", "--dry-run"])
        #expect(dry["documentCount"] as? Int == 3 && dry["subtotal"] as? String == "15.00")
        #expect(try folio.sqlite("SELECT count(*) FROM exports") == "0\n")
        #expect(FileManager.default.subpaths(atPath: folio.store + "/exports")?.isEmpty == true)
        let arguments = ["exports", "create", "--tenant", "ana@example.com", "--all-time", "--idempotency-key", "march-1"]
        let first = try folio.json(arguments)
        let again = try folio.json(arguments)
        #expect(again["id"] as? String == first["id"] as? String && again["sha256"] as? String == first["sha256"] as? String)
        #expect(try folio.sqlite("SELECT count(*) FROM exports") == "1\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folio.store + "/exports").count == 1)
    }
}
