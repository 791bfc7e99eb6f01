extension Program {
    /// Parses `arguments` (argv without argv[0]) against the model.
    ///
    /// Rules: command words may be mixed with options; global options are accepted anywhere;
    /// `--opt=value`, `--opt value`, `-o value`, `-ovalue` (also `-o=value`) and clustered flags
    /// (`-yq`) work; `--` ends options; a non-repeatable option given twice keeps the last
    /// value; values come from the command line, else the environment, else the default.
    /// `-h`/`--help` anywhere and `help <command…>` (at the top, or after a group: `keys help
    /// mint`) give `.help`, wrapped to `helpWidth` columns (`TextWrap.helpWidth`); `--version`
    /// gives `.version`.
    public func parse(_ arguments: [String], environment: [String: String],
                      helpWidth: Int = TextWrap.fixedWidth) throws(ParseError) -> ParseOutcome {
        var parser = Parser(program: self, arguments: arguments, environment: environment, helpWidth: helpWidth)
        return try parser.run()
    }
}
