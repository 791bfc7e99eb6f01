import Foundation
import Testing
import FolioCrypto
import FolioTestSupport

/// Some issuers' .p12 files hold two key pairs (encryption and signing). The openssl command line
/// exports only one key, so the file is built through libcrypto from Python (ctypes).
@Suite(.enabled(if: OpenSSLCLI.available && ExternalTool.shouldRun("python3"), "needs openssl and python3"))
struct PKCS12TwoKeyPairsTests {
    @Test func picksTheSigningKeyPair() throws {
        let fixture = try PKCS12Tests.Fixture()
        let dir = fixture.dir
        try dir.write("enc.key", try TestKeys.other2048.pkcs8PEM())
        try OpenSSLCLI.run(["req", "-x509", "-new", "-key", "enc.key", "-out", "enc2.pem", "-subj", "/CN=Encryption",
                            "-days", "30", "-addext", "keyUsage=critical,keyEncipherment"], in: dir.path)
        try dir.write("two_keys.py", Self.script)
        // The encryption pair comes first, so a parser keeping only the first key would fail.
        let result = try ProcessRunner.run([ExternalTool.path("python3") ?? "/usr/bin/python3", "two_keys.py",
                                            PKCS12Tests.password, "two.p12", "enc.key", "enc2.pem", "signer.key", "signer.pem"],
                                           currentDirectory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        let info = try OpenSSLCLI.run(["pkcs12", "-info", "-nodes", "-in", "two.p12", "-passin", "pass:\(PKCS12Tests.password)"],
                                      in: dir.path).stdout
        #expect(info.components(separatedBy: "BEGIN PRIVATE KEY").count == 3)

        let contents = try PKCS12Contents.parse(try dir.read("two.p12"), password: PKCS12Tests.password)
        #expect(contents.certificate.subject == "CN=Signer,C=EC")
        #expect(contents.certificate.matches(contents.privateKey))
        #expect(try contents.privateKey.pkcs8DER() == TestKeys.rsa2048.pkcs8DER())
        #expect(contents.otherCertificates.map(\.subject) == ["CN=Encryption"])
        #expect(expectKind(.wrongPassword) { try PKCS12Contents.parse(try dir.read("two.p12"), password: "nope") })
    }

    static let script = #"""
# Builds a PKCS#12 file holding two key pairs (as some issuers' files do), through libcrypto via
# ctypes because the openssl command line only exports one key.
# usage: two_keys.py password out.p12 key1.pem cert1.pem key2.pem cert2.pem
import ctypes, ctypes.util, sys

lib = ctypes.CDLL(ctypes.util.find_library("crypto") or "libcrypto.so.3")
vp = ctypes.c_void_p
for name, res, args in [
    ("BIO_new_mem_buf", vp, [ctypes.c_char_p, ctypes.c_int]),
    ("BIO_free", ctypes.c_int, [vp]),
    ("PEM_read_bio_PrivateKey", vp, [vp, vp, vp, vp]),
    ("PEM_read_bio_X509", vp, [vp, vp, vp, vp]),
    ("PKCS12_add_cert", vp, [ctypes.POINTER(vp), vp]),
    ("PKCS12_add_key", vp, [ctypes.POINTER(vp), vp, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_char_p]),
    ("PKCS12_add_safe", ctypes.c_int, [ctypes.POINTER(vp), vp, ctypes.c_int, ctypes.c_int, ctypes.c_char_p]),
    ("PKCS12_add_safes", vp, [vp, ctypes.c_int]),
    ("PKCS12_set_mac", ctypes.c_int, [vp, ctypes.c_char_p, ctypes.c_int, vp, ctypes.c_int, ctypes.c_int, vp]),
    ("i2d_PKCS12", ctypes.c_int, [vp, ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte))]),
]:
    fn = getattr(lib, name)
    fn.restype, fn.argtypes = res, args

NID_AES_256_CBC = 427
password = sys.argv[1].encode()

def load(path, reader):
    data = open(path, "rb").read()
    bio = lib.BIO_new_mem_buf(data, len(data))
    obj = reader(bio, None, None, None)
    lib.BIO_free(bio)
    if not obj:
        sys.exit("cannot read " + path)
    return obj

safes = vp()
for key_path, cert_path in zip(sys.argv[3::2], sys.argv[4::2]):
    bags = vp()
    if not lib.PKCS12_add_cert(ctypes.byref(bags), load(cert_path, lib.PEM_read_bio_X509)):
        sys.exit("PKCS12_add_cert failed")
    if not lib.PKCS12_add_key(ctypes.byref(bags), load(key_path, lib.PEM_read_bio_PrivateKey), 0, 2048, NID_AES_256_CBC, password):
        sys.exit("PKCS12_add_key failed")
    if lib.PKCS12_add_safe(ctypes.byref(safes), bags, NID_AES_256_CBC, 2048, password) != 1:
        sys.exit("PKCS12_add_safe failed")
p12 = lib.PKCS12_add_safes(safes, 0)
if not p12 or lib.PKCS12_set_mac(p12, password, -1, None, 0, 2048, None) != 1:
    sys.exit("cannot finish PKCS#12")
length = lib.i2d_PKCS12(p12, None)
buffer = (ctypes.c_ubyte * length)()
cursor = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte))
lib.i2d_PKCS12(p12, ctypes.byref(cursor))
open(sys.argv[2], "wb").write(bytes(buffer))
"""#
}
