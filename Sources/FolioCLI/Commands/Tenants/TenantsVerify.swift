import CommandLineKit
import FolioCore

/// `folio tenants verify`
enum TenantsVerify: LeafCommand {
    static let tokenFile: OptionKey<String?> = .string("token-file", value: "path", kind: .path,
                                                       help: "A file holding the token ('-' for stdin).")
    static let force: OptionKey<Bool> = .flag("force", help: "Verify without a token (admin override).")

    static let spec = Command(
        "verify", abstract: "Verify a tenant's e-mail with the token from its verification e-mail.",
        discussion: "The token is read from --token-file, or from stdin; never from the command line, where "
            + "process lists and shell history would keep it. --force verifies without a token (an admin override, audited).",
        options: [tokenFile.option, force.option],
        arguments: [TenantsCommands.handle.argument],
        examples: [
            Example("folio tenants verify ten_01JD… --token-file token.txt"),
            Example("printf %s \"$TOKEN\" | folio tenants verify ana@example.com"),
            Example("folio tenants verify ana@example.com --force", "admin override"),
        ])

    struct Options {
        var handle: String
        var token: String?
        var force: Bool
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let force = inv[Self.force], path = inv[tokenFile]
        var token: String?
        if !force || path != nil {
            let bytes = try context.readInput(path: path, limit: .verificationToken, field: tokenFile.option.long)
            token = String(decoding: bytes, as: UTF8.self).trimmingSpaces
            context.fingerprintInput(bytes)
        }
        return Options(handle: inv[TenantsCommands.handle], token: token, force: force)
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        try context.perform(Tenants.verify(options.handle, token: options.token, force: options.force),
                            present: { Presented(one: $0) }) { "verified \($0.email); \($0.id) is \($0.status.rawValue)" }
    }
}
