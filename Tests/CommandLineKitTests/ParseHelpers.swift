import CommandLineKit
import Testing

/// Splits a command line on spaces (tests never need quoting) and parses it with the example model.
func parse(_ line: String, env: [String: String] = [:]) throws(ParseError) -> ParseOutcome {
    let words = line.split(separator: " ").map(String.init)
    return try ExampleModel.program.parse(words, environment: env)
}

/// Parses a line that must produce `.run`; records an issue otherwise.
func invocation(_ line: String, env: [String: String] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) throws -> Invocation {
    let outcome = try parse(line, env: env)
    guard case .run(let invocation) = outcome else {
        Issue.record("expected .run for '\(line)', got \(outcome)", sourceLocation: sourceLocation)
        throw HelperFailure()
    }
    return invocation
}

/// Parses a line that must fail; returns the error.
func parseError(_ line: String, env: [String: String] = [:],
                sourceLocation: SourceLocation = #_sourceLocation) -> ParseError? {
    do {
        let outcome = try parse(line, env: env)
        Issue.record("expected an error for '\(line)', got \(outcome)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The help text of an outcome, nil unless it is `.help`.
func helpText(_ outcome: ParseOutcome) -> String? {
    if case .help(let text) = outcome { return text }
    return nil
}

struct HelperFailure: Error {}
