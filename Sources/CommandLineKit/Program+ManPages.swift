extension Program {
    /// The manual: `<name>.1` for the program, and one page per visible command
    /// (`folio-tenants-register.1`, groups included). Deterministic: the date is left to
    /// `$Mdocdate$`, which man renders from the file, so the same model gives the same bytes.
    public func manPages() -> [ManPage] {
        var pages = [ManPage(fileName: "\(name).1", content: programPage())]
        for entry in visibleCommands() {
            pages.append(ManPage(fileName: pageName(entry.path) + ".1", content: commandPage(entry.path, entry.command)))
        }
        return pages
    }

    /// `folio-tenants-register`
    func pageName(_ path: [String]) -> String {
        ([name] + path).joined(separator: "-")
    }

    private func header(_ page: String, description: String) -> String {
        var s = ".\\\" Generated from the command model of \(name); do not edit.\n"
        s += ".Dd $Mdocdate$\n.Dt \(Roff.name(page.uppercased())) 1\n.Os\n"
        s += ".Sh NAME\n.Nm \(Roff.name(page))\n.Nd \(Roff.description(description))\n"
        return s
    }

    private func programPage() -> String {
        var s = header(name, description: root.abstract)
        s += ".Sh SYNOPSIS\n.Nm\n.Ar command\n.Op Ar options\n.Op Ar arguments\n.Nm\n.Fl \\-version\n"
        s += ".Sh DESCRIPTION\n" + Roff.prose(root.abstract)
        if let discussion = root.discussion { s += ".Pp\n" + Roff.prose(discussion) }
        let leaves = visibleCommands().filter { !$0.command.isGroup }
        if !leaves.isEmpty {
            s += ".Pp\nThe commands are as follows; each has its own page and its own\n.Fl \\-help .\n"
            s += ".Bl -tag -width Ds\n"
            for entry in leaves {
                s += ".It Nm \(name) Cm \(entry.path.map(Roff.argument).joined(separator: " "))\n"
                s += Roff.prose(entry.command.abstract)
                s += "See\n.Xr \(Roff.name(pageName(entry.path))) 1 .\n"
            }
            s += ".El\n"
        }
        let globals = globalOptions.filter { !$0.hidden }
        s += ".Sh OPTIONS\n"
        if !globals.isEmpty {
            s += "These options are accepted by every command, before or after the command words.\n"
        }
        s += ".Bl -tag -width Ds\n"
        for option in globals + builtInOptions(isRoot: true) { s += optionItem(option) }
        s += ".El\n"
        let manual = self.manual
        s += destructiveSection(manual)
        s += environmentSection(manual)
        if !manual.files.isEmpty {
            s += ".Sh FILES\n.Bl -tag -width Ds\n"
            for file in manual.files { s += ".It Pa \(Roff.argument(file.name))\n" + Roff.prose(file.meaning) }
            s += ".El\n"
        }
        if !exitStatuses.isEmpty {
            s += ".Sh EXIT STATUS\n.Bl -tag -width Ds\n"
            for status in exitStatuses { s += ".It \(status.code)\n" + Roff.prose(status.meaning) }
            s += ".El\n"
        }
        s += examplesSection(root.examples)
        // mandoc wants SEE ALSO in alphabetical order.
        let pages = visibleCommands().map { pageName($0.path) }.sorted()
        if !pages.isEmpty {
            s += ".Sh SEE ALSO\n"
            for (index, page) in pages.enumerated() {
                s += ".Xr \(Roff.name(page)) 1" + (index < pages.count - 1 ? " ,\n" : "\n")
            }
        }
        return s
    }

    private func commandPage(_ path: [String], _ command: Command) -> String {
        var s = header(pageName(path), description: command.abstract)
        s += ".Sh SYNOPSIS\n.Nm \(name)\n.Cm \(path.map(Roff.argument).joined(separator: " "))\n"
        if command.isGroup { s += ".Ar subcommand\n" }
        for option in optionsInScope(of: command) where option.required && option.defaultValue == nil && !option.hidden {
            s += ".\(Roff.optionHead(option))\n"
        }
        s += ".Op Ar options\n"
        for argument in command.arguments {
            let body = "Ar \(Roff.argument(argument.name))" + (argument.repeated ? " Ar ..." : "")
            s += argument.optional ? ".Op \(body)\n" : ".\(body)\n"
        }
        s += ".Sh DESCRIPTION\n" + Roff.prose(command.abstract)
        if let discussion = command.discussion { s += ".Pp\n" + Roff.prose(discussion) }
        if let note = destructiveNote(command) {
            s += ".Pp\n" + Roff.prose("This command is destructive. " + note)
            s += "See DESTRUCTIVE COMMANDS in\n.Xr \(Roff.name(name)) 1 .\n"
        }
        if !command.arguments.isEmpty {
            s += ".Pp\nThe arguments are as follows:\n.Bl -tag -width Ds\n"
            for argument in command.arguments {
                s += ".It Ar \(Roff.argument(argument.name))\n" + Roff.prose(describe(argument))
            }
            s += ".El\n"
        }
        if command.isGroup {
            s += ".Pp\nThe subcommands are as follows:\n.Bl -tag -width Ds\n"
            for sub in command.visibleSubcommands {
                s += ".It Cm \(Roff.argument(sub.name))\n" + Roff.prose(sub.abstract)
                s += "See\n.Xr \(Roff.name(pageName(path + [sub.name]))) 1 .\n"
            }
            s += ".El\n"
        }
        s += ".Sh OPTIONS\n.Bl -tag -width Ds\n"
        for option in command.visibleOptions + builtInOptions(isRoot: false) { s += optionItem(option) }
        s += ".El\n.Pp\nThe global options of\n.Xr \(Roff.name(name)) 1\nare accepted too.\n"
        s += examplesSection(command.examples)
        s += ".Sh SEE ALSO\n.Xr \(Roff.name(name)) 1"
        if path.count > 1 { s += " ,\n.Xr \(Roff.name(pageName(Array(path.dropLast())))) 1" }
        return s + "\n"
    }

    private func optionItem(_ option: Option) -> String {
        ".It \(Roff.optionHead(option))\n" + Roff.prose(describe(option))
    }

    /// The program's policy for destructive commands, then each of them with when it asks.
    private func destructiveSection(_ manual: Manual) -> String {
        let destructive = visibleCommands().filter { $0.command.destructive != nil }
        guard !destructive.isEmpty else { return "" }
        var s = ".Sh DESTRUCTIVE COMMANDS\n"
        if let policy = manual.destructivePolicy { s += Roff.prose(policy) + ".Pp\n" }
        s += "The destructive commands are:\n.Bl -tag -width Ds\n"
        for entry in destructive {
            s += ".It Nm \(name) Cm \(entry.path.map(Roff.argument).joined(separator: " "))\n"
            s += Roff.prose(entry.command.destructive ?? "")
        }
        return s + ".El\n"
    }

    /// Every environment variable the model reads, global ones first, each once; then those
    /// the program reads otherwise (`Manual.environment`).
    private func environmentSection(_ manual: Manual) -> String {
        var seen: Set<String> = []
        var items = ""
        var sources: [(option: Option, path: [String]?)] = globalOptions.filter { !$0.hidden }.map { ($0, nil) }
        for entry in visibleCommands() {
            sources += entry.command.visibleOptions.map { ($0, entry.path) }
        }
        for (option, path) in sources {
            guard let env = option.env, seen.insert(env).inserted else { continue }
            items += ".It Ev \(Roff.argument(env))\n"
            items += option.isFlag ? "When set to anything but an empty string, 0 or false, turns on\n"
                : "The value of\n"
            items += ".Fl \\-\(option.long)\n"
            if let path { items += "of\n.Nm \(name) Cm \(path.map(Roff.argument).joined(separator: " "))\n" }
            items += option.isFlag ? "unless the command line gives it.\n" : "when the command line does not give it.\n"
        }
        for variable in manual.environment where seen.insert(variable.name).inserted {
            items += ".It Ev \(Roff.argument(variable.name))\n" + Roff.prose(variable.meaning)
        }
        return items.isEmpty ? "" : ".Sh ENVIRONMENT\n.Bl -tag -width Ds\n" + items + ".El\n"
    }

    private func examplesSection(_ examples: [Example]) -> String {
        guard !examples.isEmpty else { return "" }
        var s = ".Sh EXAMPLES\n"
        for (index, example) in examples.enumerated() {
            // A display block keeps its own blank line before it, so a paragraph break is only
            // needed before a comment.
            if index > 0, example.comment != nil { s += ".Pp\n" }
            if let comment = example.comment { s += Roff.prose(comment.hasSuffix(".") || comment.hasSuffix(":") ? comment : comment + ":") }
            s += ".Bd -literal -offset indent\n" + Roff.text(Substring("$ " + example.command)) + "\n.Ed\n"
        }
        return s
    }
}
