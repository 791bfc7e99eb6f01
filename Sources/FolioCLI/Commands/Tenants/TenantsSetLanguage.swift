import CommandLineKit
import FolioCore

/// `folio tenants set-language`
enum TenantsSetLanguage: LeafCommand {
    static let spec = Command(
        "set-language", abstract: "Change the language of a tenant's e-mails.",
        arguments: [TenantsCommands.handleArgument,
                    Argument("language", help: "The new language.", kind: TenantsCommands.languageKind)],
        examples: [Example("folio tenants set-language ana@example.com en")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> (String, Language) {
        (TenantsCommands.handle(inv), Language(rawValue: inv.argument("language") ?? "") ?? .es)
    }

    static func run(_ options: (String, Language), _ context: CommandContext) throws {
        try context.perform(Tenants.setLanguage(options.0, language: options.1), present: { Presented(one: $0) }) {
            "\($0.id) now gets e-mails in \($0.language.rawValue)"
        }
    }
}
