import CommandLineKit
import FolioCore
import FolioSupport

/// `folio documents list`
enum DocumentsList: ListCommand {
    static let issuer: OptionKey<String?> = .string("issuer", value: "issuer", kind: IssuersCommands.handleKind,
                                                    help: "Only this issuer's documents (iss_…).")

    static let noun = "documents"
    static let spec = Command(
        "list", abstract: "List documents, oldest first.",
        options: [issuer.option] + ListOptions.specs,
        examples: [Example("folio documents list --issuer iss_… -o json")])

    static func filter(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String? { inv[issuer] }

    static func fetch(_ issuer: String?, page: PageRequest, store: Store, now: Timestamp) throws(FolioError) -> Page<StoredDocument> {
        try Documents.list(store: store, issuer: issuer, page: page)
    }
}
