import Foundation

/// xmlsec1, the independent XML-DSig verifier, judging certificates at the test clock.
public enum XMLSec1 {
    /// `xmlsec1 --verify` of an SRI document (`id` attributes on `factura`) against a trusted
    /// certificate, with the verification time set to `TestClock.verificationTime` (xmlsec1 would otherwise judge
    /// the certificate by the machine's clock).
    public static func verify(_ file: String, trustedPEM: String, stdin: Data? = nil) throws -> ProcessResult {
        guard let xmlsec1 = ExternalTool.path("xmlsec1") else { throw HarnessError(message: "xmlsec1 is not installed") }
        var environment = ProcessInfo.processInfo.environment
        environment["TZ"] = "UTC"
        return try ProcessRunner.run([xmlsec1, "--verify", "--id-attr:id", "factura", "--enabled-key-data", "x509",
                                      "--verification-time", TestClock.xmlsecTime, "--trusted-pem", trustedPEM, file],
                                     stdin: stdin, environment: environment)
    }
}

/// Certificates made by the openssl command line (an independent producer), dated by the test
/// clock: `req -x509` can only start a certificate at the machine's "now", so the request is
/// self-signed with `openssl ca -selfsign -startdate -enddate` instead.
public enum OpenSSLCertificate {
    /// A new RSA-2048 key and a self-signed certificate for `subject` (`/C=EC/CN=…`), valid from
    /// `notBefore` for `days` days, with `extensions` (e.g. `keyUsage=critical,digitalSignature`)
    /// and a random serial. Returns the paths of the key and certificate PEM files in `directory`.
    public static func make(in directory: String, name: String, subject: String, extensions: [String] = [],
                            notBefore: Int64 = TestClock.seconds - TestClock.day, days: Int64 = 90) throws -> (key: String, cert: String) {
        guard let openssl = ExternalTool.path("openssl") else { throw HarnessError(message: "openssl is not installed") }
        let work = "\(directory)/\(name).ca"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        try configuration.write(toFile: "\(work)/ca.cnf", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: "\(work)/index.txt", contents: Data())
        let key = "\(directory)/\(name).key", cert = "\(directory)/\(name).pem", request = "\(work)/request.csr"
        var requestArgs = [openssl, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-utf8", "-keyout", key, "-out", request,
                           "-subj", subject, "-config", "\(work)/ca.cnf"]
        for ext in extensions { requestArgs += ["-addext", ext] }
        try check(try ProcessRunner.run(requestArgs, currentDirectory: work), "req")
        try check(try ProcessRunner.run([openssl, "ca", "-config", "\(work)/ca.cnf", "-selfsign", "-keyfile", key, "-in", request,
                                         "-out", cert, "-startdate", TestClock.asn1(notBefore),
                                         "-enddate", TestClock.asn1(notBefore + days * TestClock.day),
                                         "-batch", "-notext", "-utf8"], currentDirectory: work), "ca")
        return (key, cert)
    }

    private static func check(_ result: ProcessResult, _ step: String) throws {
        guard result.status == 0 else { throw HarnessError(message: "openssl \(step) failed (\(result.status)): \(result.stderr)") }
    }

    /// A CA section that keeps every subject field and extension of the request as written.
    private static let configuration = """
        [ ca ]
        default_ca = selfsign
        [ selfsign ]
        database = index.txt
        new_certs_dir = .
        rand_serial = yes
        default_md = sha256
        policy = keep
        preserve = yes
        unique_subject = no
        copy_extensions = copyall
        [ keep ]
        countryName = optional
        stateOrProvinceName = optional
        localityName = optional
        organizationName = optional
        organizationalUnitName = optional
        commonName = optional
        serialNumber = optional
        emailAddress = optional
        [ req ]
        distinguished_name = dn
        string_mask = utf8only
        [ dn ]

        """
}

/// Python's signxml (lxml + cryptography), the second independent verifier: its XAdES verifier
/// with three references, SHA-1 (profile `sri`) or SHA-256 (`modern`), the certificate given and
/// judged at the test clock (signxml would otherwise use the machine's clock).
public enum SignXML {
    static let script = """
        import sys
        from datetime import datetime, timezone
        from signxml import SignatureMethod, DigestAlgorithm
        from signxml.verifier import SignatureConfiguration
        from signxml.xades import XAdESVerifier
        data = open(sys.argv[1], "rb").read()
        pem = open(sys.argv[2]).read()
        sri = sys.argv[3] == "sri"
        config = SignatureConfiguration(
            require_x509=True, expect_references=3,
            signature_methods=frozenset([SignatureMethod.RSA_SHA1 if sri else SignatureMethod.RSA_SHA256]),
            digest_algorithms=frozenset([DigestAlgorithm.SHA1 if sri else DigestAlgorithm.SHA256]),
            verification_time=datetime.fromtimestamp(int(sys.argv[4]), tz=timezone.utc))
        results = XAdESVerifier().verify(data, x509_cert=pem, expect_config=config)
        print(len(results), "references verified")
        """

    /// Verifies `file` with `certPEM`; exit 0 and "3 references verified" on stdout when it accepts.
    public static func verify(_ file: String, certPEM: String, profile: String = "sri") throws -> ProcessResult {
        guard let python = ExternalTool.path("python3") else { throw HarnessError(message: "python3 is not installed") }
        return try ProcessRunner.run([python, "-c", script, file, certPEM, profile, String(TestClock.verificationTime)])
    }
}
