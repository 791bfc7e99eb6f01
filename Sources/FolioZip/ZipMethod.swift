/// How an entry's data is stored. ZipWriter writes only these two; ZipReader reads only these.
public enum ZipMethod: UInt16, Sendable {
    case stored = 0
    case deflated = 8
}
