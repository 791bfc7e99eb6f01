import CommandLineKit

/// The files rendered from the command model and committed to the repository (completions/
/// and man/); a test fails when they are stale.
public enum GeneratedDocs {
    /// Relative path → content, for every generated file.
    public static func files(_ program: Program = FolioApp.program) -> [(path: String, content: String)] {
        var files: [(String, String)] = [
            ("completions/folio.bash", program.completionScript(for: .bash)),
            ("completions/_folio", program.completionScript(for: .zsh)),
            ("completions/folio.fish", program.completionScript(for: .fish)),
        ]
        for page in program.manPages() { files.append(("man/man1/" + page.fileName, page.content)) }
        return files
    }
}
