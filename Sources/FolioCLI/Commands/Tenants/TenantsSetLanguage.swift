import CommandLineKit
import FolioCore

/// `folio tenants set-language`
enum TenantsSetLanguage: LeafCommand {
    static let language: ArgumentKey<Language> = .choice("language", help: "The new language.")

    static let spec = Command(
        "set-language", abstract: "Change the language of a tenant's e-mails.",
        arguments: [TenantsCommands.handle.argument, language.argument],
        examples: [Example("folio tenants set-language ana@example.com en")])

    struct Options {
        var handle: String
        var language: Language
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        Options(handle: inv[TenantsCommands.handle], language: inv[language])
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        try context.perform(Tenants.setLanguage(options.handle, language: options.language), present: { Presented(one: $0) }) {
            "\($0.id) now gets e-mails in \($0.language.rawValue)"
        }
    }
}
