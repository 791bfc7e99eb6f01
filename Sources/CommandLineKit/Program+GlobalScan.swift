extension Program {
    /// The value of a global option as the parser would read it, from a command line that may
    /// not parse (for instance to print a parse error as JSON when `-o=json` was asked for):
    /// every spelling the parser takes (`--output json`, `--output=json`, `-o json`, `-ojson`,
    /// `-o=json`, `-qo json`), the last one winning, then the option's environment variable.
    /// Words it does not understand are skipped; nothing after `--` is read.
    public func scanGlobal(_ long: String, in arguments: [String], environment: [String: String]) -> String? {
        guard let option = globalOptions.first(where: { $0.long == long }) else { return nil }
        var found: String?
        var index = 0
        while index < arguments.count {
            let arg = arguments[index]
            index += 1
            if arg == "--" { break }
            if arg.hasPrefix("--") {
                let body = arg.dropFirst(2)
                if body == Substring(long), !option.isFlag, index < arguments.count {
                    found = arguments[index]
                    index += 1
                } else if body.hasPrefix(long + "=") {
                    found = String(body.dropFirst(long.count + 1))
                } else if body == Substring(long), option.isFlag {
                    found = "true"
                }
            } else if arg.hasPrefix("-"), arg.count > 1, let short = option.short {
                // A cluster of one-letter options: flags until the first that takes a value.
                var rest = arg.dropFirst()
                while let letter = rest.first {
                    rest = rest.dropFirst()
                    let global = globalOptions.first { $0.short == letter }
                    if letter == short {
                        if option.isFlag { found = "true"; continue }
                        if !rest.isEmpty { found = String(rest.first == "=" ? rest.dropFirst() : rest) }
                        else if index < arguments.count { found = arguments[index]; index += 1 }
                        break
                    }
                    if global?.isFlag != true { break }
                }
            }
        }
        if let found { return found }
        if let variable = option.env, let value = environment[variable], !value.isEmpty { return value }
        return nil
    }
}
