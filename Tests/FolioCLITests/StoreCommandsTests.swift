import Foundation
import Testing
@testable import FolioCLI
import FolioCore
import FolioTestSupport

/// `store rotate-master-key` at its prompt, and how the store's new remedies read as hints.
@Suite("store commands in process: rotation prompt, remedy hints")
struct StoreCommandsTests {
    @Test("rotate-master-key asks on a terminal: 'n' changes nothing, 'y' rotates")
    func rotationPrompt() throws {
        let folio = try InProcessFolio()
        let keyPath = folio.store + "/master.key"
        let before = FileManager.default.contents(atPath: keyPath)
        let declined = folio.run(["store", "rotate-master-key"], stdin: "n\n", terminal: true)
        #expect(declined.status == 2)
        #expect(declined.stderr.contains("Replace the master key of \(folio.store)?"))
        #expect(FileManager.default.contents(atPath: keyPath) == before)
        let accepted = folio.run(["store", "rotate-master-key"], stdin: "y\n", terminal: true)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(FileManager.default.contents(atPath: keyPath) != before)
        #expect(FileManager.default.contents(atPath: keyPath + ".old") == before)
        #expect(accepted.stderr.contains("back up \(keyPath) now"))
    }

    @Test("permission and master key remedies are the commands to run, paths quoted for the shell")
    func remedyHints() {
        #expect(Remedy.restrictPermissions(path: "/srv/folio/master.key", mode: 0o600).hint == "chmod 600 /srv/folio/master.key")
        #expect(Remedy.restrictPermissions(path: "/srv/my store", mode: 0o700).hint == "chmod 700 '/srv/my store'")
        #expect(Remedy.restrictPermissions(path: "/srv/o'neil", mode: 0o700).hint == #"chmod 700 '/srv/o'\''neil'"#)
        let restore = Remedy.restoreMasterKey(path: "/srv/folio/master.key").hint
        #expect(restore.contains("restore /srv/folio/master.key from your backup"))
        #expect(restore.contains("folio store check"))
    }
}
