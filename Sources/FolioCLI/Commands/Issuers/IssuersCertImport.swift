import CommandLineKit
import FolioCore
import FolioSupport

/// `folio issuers cert import`
enum IssuersCertImport: LeafCommand {
    static let p12: OptionKey<String> = .required("p12", value: "path", kind: .path, help: "The PKCS#12 file.")
    static let passwordStdin: OptionKey<Bool> = .flag("password-stdin", help: "Read the password from stdin.")
    static let passwordFile: OptionKey<String?> = .string("password-file", value: "path", kind: .path,
                                                          help: "Read the password from this file (first line).")
    static let passwordEnv: OptionKey<String?> = .string("password-env", value: "var",
                                                         help: "Read the password from this environment variable.")

    static let spec = Command(
        "import", abstract: "Import the signing certificate and key of a PKCS#12 (.p12/.pfx) file.",
        discussion: "The password is read from stdin (--password-stdin), a file (--password-file) or an environment "
            + "variable named by --password-env; never from the command line. Old files encrypted with RC2 or 3DES "
            + "open too. When the file holds several certificates, the one with digitalSignature key usage whose "
            + "public key matches the private key is taken. A wrong password fails validation_failed (field "
            + "password) and stores nothing. The private key is stored encrypted under the store's master key.",
        options: [p12.option, passwordStdin.option, passwordFile.option, passwordEnv.option],
        arguments: [IssuersCommands.handle.argument],
        examples: [
            Example("printf %s \"$P12_PASSWORD\" | folio issuers cert import iss_… --p12 firma.p12 --password-stdin"),
            Example("folio issuers cert import iss_… --p12 firma.p12 --password-env P12_PASSWORD"),
        ])

    struct Options {
        var handle: String
        var p12: [UInt8]
        var password: String
    }

    static func options(_ inv: Invocation, _ context: CommandContext) throws(FolioError) -> Options {
        let fromStdin = inv[passwordStdin], file = inv[passwordFile], variable = inv[passwordEnv]
        let ways = [fromStdin, file != nil, variable != nil].filter { $0 }.count
        guard ways == 1 else {
            throw FolioError(.usage, ways == 0 ? "the .p12 password is needed" : "give the password one way only",
                             hint: "pass exactly one of --password-stdin, --password-file PATH, --password-env VAR")
        }
        let password: String
        if let name = variable {
            guard let value = context.environment[name] else {
                throw .validation("the environment variable '\(name)' is not set", field: passwordEnv.option.long)
            }
            password = value
        } else {
            let bytes = try context.readInput(path: file ?? "-", limit: .password, field: passwordFile.option.long)
            // A password file or a piped echo ends with a line break that is not part of the password.
            var text = String(decoding: bytes, as: UTF8.self)
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            password = text
        }
        let path = inv[p12]
        let contents: [UInt8]
        do throws(FileSystemError) { contents = try FileSystem.readFile(path, limit: InputLimit.pkcs12.bytes) } catch {
            throw context.inputError(error, path: path, limit: .pkcs12, field: p12.option.long)
        }
        context.fingerprintInput(contents)
        context.fingerprintInput(Array(password.utf8))
        return Options(handle: inv[IssuersCommands.handle], p12: contents, password: password)
    }

    static func run(_ options: Options, _ context: CommandContext) throws {
        let masterKey = try context.openStore().masterKey()
        let mutation = Issuers.importCertificate(options.handle, p12: options.p12, password: options.password, masterKey: masterKey)
        try context.perform(mutation, present: { Presented(one: $0) }) { view in
            "issuer \(view.issuer.id) now signs with \(view.certificate.subject), valid until \(view.certificate.notAfter.rfc3339)"
        }
    }
}
