#ifndef FOLIO_COPENSSL_SHIM_H
#define FOLIO_COPENSSL_SHIM_H
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/hmac.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/rsa.h>
#include <openssl/core_names.h>
#include <openssl/ssl.h>
#include <openssl/sha.h>

/* Macros and variadic functions that Swift cannot import get a static inline shim here. */
static inline long folio_BIO_get_mem_data(BIO *b, char **pp) { return BIO_get_mem_data(b, pp); }
static inline int folio_EVP_PKEY_CTX_set_rsa_keygen_bits(EVP_PKEY_CTX *ctx, int bits) {
    return EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits);
}
static inline int folio_EVP_PKEY_CTX_set_rsa_padding(EVP_PKEY_CTX *ctx, int pad) {
    return EVP_PKEY_CTX_set_rsa_padding(ctx, pad);
}
static inline int folio_EVP_CIPHER_CTX_set_gcm_ivlen(EVP_CIPHER_CTX *ctx, int len) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, len, NULL);
}
static inline int folio_EVP_CIPHER_CTX_get_gcm_tag(EVP_CIPHER_CTX *ctx, int len, void *tag) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, len, tag);
}
static inline int folio_EVP_CIPHER_CTX_set_gcm_tag(EVP_CIPHER_CTX *ctx, int len, void *tag) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, len, tag);
}
static inline void folio_OPENSSL_free(void *p) { OPENSSL_free(p); }
static inline STACK_OF(X509) *folio_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int folio_sk_X509_num(const STACK_OF(X509) *sk) { return sk_X509_num(sk); }
static inline X509 *folio_sk_X509_value(const STACK_OF(X509) *sk, int i) { return sk_X509_value(sk, i); }
static inline void folio_sk_X509_pop_free(STACK_OF(X509) *sk) { sk_X509_pop_free(sk, X509_free); }
/* FolioCrypto: flag macros built from casts, which Swift does not import. */
static inline unsigned long folio_XN_FLAG_RFC2253(void) { return XN_FLAG_RFC2253; }
static inline int folio_MBSTRING_UTF8(void) { return MBSTRING_UTF8; }
/* FolioCrypto: walking PKCS#12 safe bags (typed stacks are macros). */
static inline int folio_sk_PKCS7_num(const STACK_OF(PKCS7) *sk) { return sk_PKCS7_num(sk); }
static inline PKCS7 *folio_sk_PKCS7_value(const STACK_OF(PKCS7) *sk, int i) { return sk_PKCS7_value(sk, i); }
static inline void folio_sk_PKCS7_pop_free(STACK_OF(PKCS7) *sk) { sk_PKCS7_pop_free(sk, PKCS7_free); }
static inline int folio_PKCS7_type_nid(const PKCS7 *p7) { return OBJ_obj2nid(p7->type); }
static inline int folio_sk_PKCS12_SAFEBAG_num(const STACK_OF(PKCS12_SAFEBAG) *sk) { return sk_PKCS12_SAFEBAG_num(sk); }
static inline PKCS12_SAFEBAG *folio_sk_PKCS12_SAFEBAG_value(const STACK_OF(PKCS12_SAFEBAG) *sk, int i) {
    return sk_PKCS12_SAFEBAG_value(sk, i);
}
static inline void folio_sk_PKCS12_SAFEBAG_pop_free(STACK_OF(PKCS12_SAFEBAG) *sk) {
    sk_PKCS12_SAFEBAG_pop_free(sk, PKCS12_SAFEBAG_free);
}

/* FolioCrypto: one-shot SHA-1 and SHA-256 through OpenSSL's low-level digest functions. OpenSSL 3
   deprecates them in favour of EVP, but an EVP digest fetches its implementation on every call,
   and the first fetch of a process builds the provider name map and reads openssl.cnf: about
   five million instructions, i.e. most of a `folio keys verify` that hashes one 47-byte key.
   These are still OpenSSL's own implementations. Return 1 on success. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
static inline int folio_sha256(const unsigned char *data, size_t count, unsigned char *out) {
    SHA256_CTX c;
    int ok = SHA256_Init(&c) && SHA256_Update(&c, data, count) && SHA256_Final(out, &c);
    OPENSSL_cleanse(&c, sizeof c);
    return ok;
}
static inline int folio_sha1(const unsigned char *data, size_t count, unsigned char *out) {
    SHA_CTX c;
    int ok = SHA1_Init(&c) && SHA1_Update(&c, data, count) && SHA1_Final(out, &c);
    OPENSSL_cleanse(&c, sizeof c);
    return ok;
}
#pragma clang diagnostic pop

/* FolioHTTP (TLS through libssl, linked by the CLibSSL module): macros over SSL_ctrl. */
static inline long folio_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
static inline long folio_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long folio_SSL_CTX_add1_chain_cert(SSL_CTX *ctx, X509 *cert) {
    return SSL_CTX_add1_chain_cert(ctx, cert);
}
static inline long folio_SSL_CTX_set_mode(SSL_CTX *ctx, long mode) { return SSL_CTX_set_mode(ctx, mode); }
#endif
