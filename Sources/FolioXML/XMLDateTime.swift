import FolioSupport

/// xsd:dateTime (RFC 3339 profile) for XAdES SigningTime.
enum XMLDateTime {
    /// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SS±HH:MM` at a fixed UTC offset
    /// (`Z` when the offset is zero).
    static func format(_ unixSeconds: Int64, offsetMinutes: Int = 0) -> String {
        CivilTime.format(unixSeconds, offsetMinutes: offsetMinutes)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]` to Unix seconds (fraction dropped;
    /// no zone means UTC). Returns nil for anything else.
    static func parse(_ text: String) -> Int64? { CivilTime.parse(text, .xsd) }
}
