import CommandLineKit
import FolioCore

/// `folio keys …`
enum KeysCommands {
    static let group = CommandGroup(
        "keys", abstract: "Mint, find, revoke, rotate, verify and scan for API keys.",
        discussion: "A key is folio_test_ (sandbox) or folio_live_ (production), 30 random base62 characters and a "
            + "6-character CRC32 checksum, so typos and truncated pastes are caught offline. The store keeps only "
            + "the key's SHA-256 and its displayed start (folio_test_AbCd); the secret is printed once, when the "
            + "key is minted, rotated, or returned by 'tenants register'/'tenants promote'.",
        leaves: [KeysMint.self, KeysList.self, KeysShow.self, KeysRevoke.self, KeysRotate.self, KeysVerify.self,
                 KeysScan.self],
        examples: [
            Example("folio keys mint --tenant ana@example.com --label ci --scope documents:read -q"),
            Example("folio keys list --tenant ana@example.com --status active"),
            Example("folio keys rotate key_01JD… --yes", "a production key's old secret keeps working 24h by default"),
            Example("folio keys scan ./repo"),
        ])

    static let handle: ArgumentKey<String> = .string(
        "key", help: "The key: its id (key_…) or its displayed start (folio_test_AbCd).", kind: .completing(.keys))
    /// The same handle for verbs that act on a key not revoked yet: completes only those.
    static let unrevokedHandle: ArgumentKey<String> = .string("key", help: handle.argument.help,
                                                              kind: .completing(.unrevokedKeys))
    /// `30d`, `24h`, `90m`, `3600s` as seconds.
    static let duration = ValueConversion<Int64>(type: "duration", problem: "expected a duration like 30d, 24h, 90m or 3600s") {
        DurationText.seconds($0)
    }
}
