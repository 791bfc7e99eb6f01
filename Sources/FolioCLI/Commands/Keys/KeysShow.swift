import CommandLineKit
import FolioCore

/// `folio keys show`
enum KeysShow: LeafCommand {
    static let spec = Command(
        "show", abstract: "Show one API key by id or displayed start (never its secret).",
        discussion: "Support staff can find a key from the few characters a customer reads out: the prefix and "
            + "the first 4 characters after it (folio_test_AbCd). When several keys share that start, the "
            + "candidates are listed and the command exits 5 (conflict); name the key by id then.",
        arguments: [KeysCommands.handleArgument],
        examples: [Example("folio keys show folio_test_AbCd"), Example("folio keys show key_01JD… -o json")])

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> String {
        KeysCommands.handle(inv)
    }

    static func run(_ handle: String, _ context: CommandContext) throws {
        let key = try Keys.show(store: try context.openStore(), handle: handle, now: context.now)
        context.console.out(context.renderer.one(key))
        return
    }
}
