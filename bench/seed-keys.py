#!/usr/bin/env python3
"""Prints the SQL that inserts COUNT API keys of TENANT, exactly in folio's format and hashing.

    seed-keys.py TENANT COUNT KEYFILE > keys.sql

Minting keys one by one through folio would take minutes, so benchmarks insert them directly
with sqlite3: folio_test_ + 30 base62 characters (secrets module, rejection-sampled) + 6 base62
characters of zlib's CRC32 of those 30, and key_hash = SHA-256 hex of the whole key (DESIGN
section 6). The key in the middle is written to KEYFILE (its hash to KEYFILE.hash), for the
benchmark to verify.
"""
import hashlib
import secrets
import sys
import zlib

tenant, count, keyfile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def random30():
    out = []
    while len(out) < 30:
        for b in secrets.token_bytes(40):
            if b < 248 and len(out) < 30:   # same rejection sampling as folio: no modulo bias
                out.append(alphabet[b % 62])
    return "".join(out)


def base62(v, width=6):
    s = ""
    for _ in range(width):
        s = alphabet[v % 62] + s
        v //= 62
    return s


print("BEGIN;")
chosen = count // 2
for i in range(count):
    r = random30()
    key = "folio_test_" + r + base62(zlib.crc32(r.encode()))
    h = hashlib.sha256(key.encode()).hexdigest()
    kid = "key_01BENCH%015d" % i
    print(f"INSERT INTO api_keys (id, tenant_id, environment, label, scopes, key_hash, start, rate_limit_count,"
          f" rate_limit_seconds, window_count, created_at, created_by) VALUES ('{kid}', '{tenant}', 'sandbox',"
          f" 'bench', '*', '{h}', '{key[:15]}', 1000000000, 3600, 0, '2026-01-01T00:00:00Z', 'bench');")
    if i == chosen:
        open(keyfile, "w").write(key)
        open(keyfile + ".hash", "w").write(h)
print("COMMIT;")
