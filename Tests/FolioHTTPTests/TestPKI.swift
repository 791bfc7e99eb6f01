import Foundation
import FolioTestSupport

/// A test CA and certificates it issued, made by the openssl command line at run time. They are
/// dated by the machine's clock (from now - 1 day to now + 2 days), not by TestClock: the TLS
/// handshake judges them against the process's real clock, which under `.ci/run`'s faketime is
/// the faked one for openssl and for the test process alike.
struct TestPKI: Sendable {
    let directory: String
    /// The CA's certificate (trust it with `trustedCAFile`).
    let caFile: String
    /// A second CA that issued nothing the servers use (the wrong trust anchor).
    let otherCAFile: String
    /// Certificate and key for DNS:localhost and IP:127.0.0.1.
    let localhost: (certificatePEM: String, privateKeyPEM: String)
    /// Certificate and key for DNS:other.example only.
    let otherName: (certificatePEM: String, privateKeyPEM: String)

    /// One per test process (openssl runs a dozen times to make it).
    static let shared: Result<TestPKI, Error> = Result { try TestPKI.make() }

    static func make() throws -> TestPKI {
        guard let openssl = ExternalTool.path("openssl") else { throw HarnessError(message: "openssl is not installed") }
        let dir = ProcessRunner.temporaryDirectory("folio-http-pki")
        func run(_ args: [String]) throws {
            let result = try ProcessRunner.run([openssl] + args, currentDirectory: dir)
            guard result.status == 0 else { throw HarnessError(message: "openssl \(args[0]) failed: \(result.stderr)") }
        }
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for ca in ["ca", "otherca"] {
            try run(["req", "-x509"] + ec + ["-keyout", "\(ca).key", "-out", "\(ca).pem", "-days", "2", "-subj", "/CN=Folio Test \(ca)",
                     "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        }
        func leaf(_ name: String, _ subject: String, _ san: String) throws -> (String, String) {
            try run(["req", "-new"] + ec + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject])
            try "subjectAltName=\(san)\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n"
                .write(toFile: "\(dir)/\(name).ext", atomically: true, encoding: .utf8)
            // -days counts from now; the CA began a moment earlier, so the chain is valid at once.
            try run(["x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                     "-days", "1", "-extfile", "\(name).ext", "-out", "\(name).pem"])
            return (try String(contentsOfFile: "\(dir)/\(name).pem", encoding: .utf8),
                    try String(contentsOfFile: "\(dir)/\(name).key", encoding: .utf8))
        }
        let localhost = try leaf("localhost", "/CN=localhost", "DNS:localhost,IP:127.0.0.1")
        let other = try leaf("other", "/CN=other.example", "DNS:other.example")
        return TestPKI(directory: dir, caFile: "\(dir)/ca.pem", otherCAFile: "\(dir)/otherca.pem",
                       localhost: localhost, otherName: other)
    }

    static func get() throws -> TestPKI { try shared.get() }
}
