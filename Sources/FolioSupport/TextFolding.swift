// The stdlib's own canonical decomposition (NFD), behind its `_Unicode` SPI: the one Unicode
// normalization a program without Foundation can reach (swift-foundation uses it the same way).
// Without it, accent folding would need a hand-kept table of precomposed letters.
@_spi(_Unicode) import Swift

/// Text as search compares it: case- and accent-insensitive, so that "jose" finds "José" and
/// "NUNEZ" finds "Núñez". Both what is stored for searching and what is searched for are
/// folded the same way, so that a plain substring comparison in the database does the rest.
///
/// The folding: canonical decomposition (é becomes e + U+0301), every nonspacing mark dropped,
/// then lower case. Letters that do not decompose (ø, ł, ß) stay as they are. Text folded and
/// stored by one version of this function is compared with text folded by the running one: a
/// change here needs a migration that folds the stored text again.
public enum TextFolding {
    public static func fold(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        for scalar in text._nfd where scalar.properties.generalCategory != .nonspacingMark {
            kept.append(scalar)
        }
        return String(kept).lowercased()
    }
}
