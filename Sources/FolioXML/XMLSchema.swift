internal import CLibXML2

/// A compiled W3C XML Schema (for example the SRI's factura_V1.1.0.xsd), reusable across
/// validations and threads: each validation gets its own libxml2 validation context.
public struct XMLSchema: Sendable {
    private let holder: SchemaHolder

    /// Loads and compiles the schema at `path`; imports are resolved relative to it, never from the network.
    public init(path: String) throws(XMLError) {
        LibXML.initialize()
        guard let parserContext = xmlSchemaNewParserCtxt(path) else {
            throw XMLError("cannot read schema \(path)")
        }
        defer { xmlSchemaFreeParserCtxt(parserContext) }
        let errors = ErrorCollector()
        let schema: xmlSchemaPtr? = withExtendedLifetime(errors) {
            xmlSchemaSetParserStructuredErrors(parserContext, collectStructuredError,
                                               Unmanaged.passUnretained(errors).toOpaque())
            return xmlSchemaParse(parserContext)
        }
        guard let schema else {
            throw XMLError("invalid schema \(path): " + (errors.messages.first ?? "unknown error"))
        }
        holder = SchemaHolder(schema)
    }

    /// Validates a document; returns the validation errors ("line N: message"), empty when valid.
    public func validate(_ bytes: [UInt8]) -> [String] {
        let document: XMLDocument
        do { document = try XMLDocument(bytes: bytes) } catch { return [error.description] }
        return validate(document)
    }

    /// Validates an already parsed document.
    public func validate(_ document: XMLDocument) -> [String] {
        guard let context = xmlSchemaNewValidCtxt(holder.schema) else { return ["out of memory"] }
        defer { xmlSchemaFreeValidCtxt(context) }
        let errors = ErrorCollector()
        let status: Int32 = withExtendedLifetime(errors) {
            xmlSchemaSetValidStructuredErrors(context, collectStructuredError,
                                              Unmanaged.passUnretained(errors).toOpaque())
            return xmlSchemaValidateDoc(context, document.doc)
        }
        if status != 0 && errors.messages.isEmpty { return ["document is not valid (libxml2 status \(status))"] }
        return errors.messages
    }
}

/// Owns the compiled schema; libxml2 allows concurrent validations against one schema.
private final class SchemaHolder: @unchecked Sendable {
    let schema: xmlSchemaPtr
    init(_ schema: xmlSchemaPtr) { self.schema = schema }
    deinit { xmlSchemaFree(schema) }
}

/// Receives libxml2's structured errors during one parse or validation.
final class ErrorCollector {
    var messages: [String] = []
}

/// A C callback (no captures) that appends an error to the `ErrorCollector` in `userData`.
/// The parameter types are inferred so this compiles against libxml2 before and after 2.12,
/// which made the error pointer const.
let collectStructuredError: xmlStructuredErrorFunc = { userData, error in
    guard let userData, let error else { return }
    let collector = Unmanaged<ErrorCollector>.fromOpaque(userData).takeUnretainedValue()
    let message = error.pointee.message.map { XMLDocument.trim(String(cString: $0)) } ?? "error"
    let line = Int(error.pointee.line)
    collector.messages.append(line > 0 ? "line \(line): \(message)" : message)
}
