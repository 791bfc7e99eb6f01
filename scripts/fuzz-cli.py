#!/usr/bin/env python3
"""Robustness probes for the folio binary: random and hostile command lines and inputs.

Each round runs the built binary once, under a memory limit (RLIMIT_AS), a CPU limit
(RLIMIT_CPU) and a wall-clock timeout, against a throwaway store seeded with a tenant, an
issuer with a certificate, a key and a document. It checks the invariants of issue 11:

  status   the exit status is one of the DESIGN §4 table (0-10, 130, 143): no crash, no signal,
           no kill for memory or time;
  secret   no API key minted in the store appears on stderr, nor on stdout except in the
           result of the commands that make a key (keys mint/rotate, tenants register/promote);
  bounded  stderr stays under 64 KiB (messages cap what they quote);
  json     with -o json, every stderr line of a failure is a JSON object whose "error" code
           maps to the exit status;
  visible  stderr holds no raw control character other than LF and tab (nor C1, U+2028/9,
           bidi overrides): a message cannot act on the terminal that shows it.

Usage: scripts/fuzz-cli.py [--binary .build/debug/folio] [--rounds 500] [--seed N]
Failures are written to --out (default /tmp/folio-fuzz-<seed>) as reproducible cases
(argv.json, stdin.bin, result.txt); the exit status is 1 when there is any. Same seed, same
cases. Only the Python standard library is used.
"""
import argparse, json, os, random, re, resource, shutil, signal, string, subprocess, sys, tempfile

DESIGN_STATUSES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 130, 143}
CODE_STATUS = {"server_error": 1, "usage": 2, "validation_failed": 3, "not_found": 4, "conflict": 5,
               "idempotency_conflict": 5, "invalid_state": 5, "unauthorized": 6, "forbidden": 6,
               "plan_tier_required": 7, "rate_limited": 8, "store_unavailable": 9, "signature_invalid": 10,
               "interrupted": 130}
KEY_RE = re.compile(rb"folio_(?:test|live)_[0-9A-Za-z]{36}")
MAKES_KEYS = {("keys", "mint"), ("keys", "rotate"), ("tenants", "register"), ("tenants", "promote")}
# Raw characters a message must never carry: C0 but LF and tab, DEL, C1, U+2028/9, bidi.
UNSAFE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069]")
INVOICE = {"buyer": {"identificationType": "07", "identification": "9999999999999", "name": "CONSUMIDOR FINAL"},
           "items": [{"code": "A", "description": "A", "quantity": "1", "unitPrice": "2.50", "ivaRate": "4"}]}


class Fuzzer:
    def __init__(self, binary, seed, out, memory_mib, cpu_seconds, timeout):
        self.binary, self.rng, self.out = binary, random.Random(seed), out
        self.memory, self.cpu, self.timeout = memory_mib << 20, cpu_seconds, timeout
        self.work = tempfile.mkdtemp(prefix="folio-fuzz-")
        self.scratch = self.work + "/cwd"
        os.mkdir(self.scratch)
        self.env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.work, "LANG": "C.UTF-8",
                    "FOLIO_STORE": self.work + "/store", "FOLIO_ACTOR": "fuzz", "FOLIO_SENDMAIL": ""}
        self.failures = 0
        self.statuses = {}
        self.secrets = set()
        self.commands = {}
        self.choices = {}

    # -- set-up -------------------------------------------------------------------------------
    def run(self, argv, stdin=b"", env=None):
        def limits():
            resource.setrlimit(resource.RLIMIT_AS, (self.memory, self.memory))
            resource.setrlimit(resource.RLIMIT_CPU, (self.cpu, self.cpu))
            os.setsid()
        try:
            # In a scratch directory: a relative path the fuzzer makes up (a backup's) lands there.
            p = subprocess.run([self.binary] + argv, input=stdin, capture_output=True, env=env or self.env,
                               preexec_fn=limits, timeout=self.timeout, cwd=self.scratch)
            return p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            return "timeout", e.stdout or b"", e.stderr or b""

    def seed_store(self):
        steps = [["init"], ["tenants", "register", "--email", "ana@example.com", "--name", "Ana", "--ruc", "1790011674001"],
                 ["keys", "mint", "--tenant", "ana@example.com", "--label", "ci"]]
        for argv in steps:
            status, out, err = self.run(argv + ["-o", "json"])
            if status != 0:
                sys.exit(f"seeding failed: {argv}: {err.decode(errors='replace')}")
            self.secrets.update(KEY_RE.findall(out))
        status, out, _ = self.run(["issuers", "list", "-q"])
        self.issuer = out.decode().split()[0]
        _, out, _ = self.run(["documents", "create", "--issuer", self.issuer, "--file", "-", "-q"], json.dumps(INVOICE).encode())
        self.document_id = out.decode().strip()
        _, out, _ = self.run(["keys", "list", "--tenant", "ana@example.com", "-q"])
        self.key_id = out.decode().split()[0]
        self.files = {"dir": self.work, "zero": "/dev/zero", "urandom": "/dev/urandom", "null": "/dev/null",
                      "missing": self.work + "/missing", "big": self.work + "/big.bin", "key": self.work + "/key.txt"}
        with open(self.files["big"], "wb") as f:
            f.write(os.urandom(3 << 20))
        with open(self.files["key"], "wb") as f:
            f.write(sorted(self.secrets)[0] + b"\n")
        self.commands = self.discover(["folio"], [])

    def discover(self, path, found):
        """Leaf commands and their options, from --help (so new commands are fuzzed too)."""
        status, out, _ = self.run(path[1:] + ["--help"])
        text = out.decode(errors="replace")
        if "SUBCOMMANDS" in text or "COMMANDS:" in text:
            block = text.split("COMMANDS:", 1)[1].split("GLOBAL OPTIONS", 1)[0]
            for name in re.findall(r"^  ([a-z][a-z-]*)\s", block, re.M):
                if name not in ("generate-docs", "help") and len(path) < 4:
                    self.discover(path + [name], found)
            return {tuple(p): o for p, o in found} if path == ["folio"] else found
        own = text.split("GLOBAL OPTIONS", 1)[0].split("OPTIONS:", 1)[-1]
        # Each option with the kind of value it takes (None for a flag).
        options = {name: kind or None for name, kind in re.findall(r"--([a-z][a-z-]+)(?: <([a-z/-]+)>)?", own) if name != "help"}
        usage = re.search(r"USAGE: (.*)", text)
        usage = usage.group(1) if usage else ""
        # What the usage line asks for: required options (--issuer <issuer>) and arguments (<tenant>).
        required = re.findall(r"(?<!\[)--([a-z-]+) <([a-z-]+)>", usage)
        arguments = re.findall(r"(?<![\[-])<([a-z-]+)>(?!\])", re.sub(r"--[a-z-]+ <[a-z-]+>", "", usage))
        # Fixed values of an argument or option: "<tier> … (one of: trial, starter, …)".
        for name, listed in re.findall(r"<([a-z-]+)>[^(]*?\(one of: ([^)]*)\)", text.split("GLOBAL OPTIONS", 1)[0], re.S):
            self.choices.setdefault(name, set()).update(v.strip() for v in re.sub(r"\s+", " ", listed).split(","))
        found.append((path[1:], (options, required, arguments)))
        return {tuple(p): o for p, o in found} if path == ["folio"] else found

    # -- generators ---------------------------------------------------------------------------
    def hostile_text(self):
        r = self.rng
        pick = r.randrange(14)
        if pick == 0: return "a" * r.choice([81, 1000, 100_000]) + "@example.com"
        if pick == 1: return sorted(self.secrets)[0].decode()
        if pick == 2: return sorted(self.secrets)[0].decode()[:-r.randrange(1, 10)]
        if pick == 3: return "x" + r.choice(["\u202e", "\u2066", "\u0085", "\u009b", "\u2028", "\x1b[2J", "\x07", "\t"]) + "y"
        if pick == 4: return r.choice(["=HYPERLINK(\"http://e\")", "+1", "-1", "@A1", "=1+2"])
        if pick == 5: return r.choice(list(self.files.values()))
        if pick == 6: return "".join(r.choice(string.printable) for _ in range(r.randrange(1, 40)))
        if pick == 7: return "".join(chr(r.randrange(0x80, 0x3000)) for _ in range(r.randrange(1, 20)))
        if pick == 8: return r.choice(["ana@example.com", self.issuer, "-", "", " ", "0", "-1", "99999999999999999999"])
        if pick == 9: return r.choice(["ten_", "iss_", "key_", "doc_"]) + "0" * r.randrange(0, 30)
        if pick == 10: return "'" * r.randrange(1, 2000)
        if pick == 11: return "%s%n%x" * r.randrange(1, 50)
        if pick == 12: return "folio_test_" + "A" * r.randrange(0, 100)
        return "ok"

    def plausible(self, kind):
        """A value of the kind a usage line names that the store knows, or a well-formed file."""
        if kind in self.choices:
            return self.rng.choice(sorted(self.choices[kind]))
        return {"tenant": "ana@example.com", "issuer": self.issuer, "path": self.rng.choice(list(self.files.values())),
                "key": self.key_id, "document": self.document_id, "email": "new@example.com", "ruc": "1790011674001",
                "name": "Caja", "text": "plain text"}.get(kind, self.hostile_text())

    def hostile_stdin(self):
        r = self.rng
        pick = r.randrange(9)
        if pick == 0: return b""
        if pick == 1: return os.urandom(r.randrange(1, 5000))
        if pick == 2: return sorted(self.secrets)[0] + b"\n"
        if pick == 3: return ("[" * r.randrange(1, 5000)).encode()
        if pick == 4: return b"\n".join(json.dumps(self.mutated_invoice()).encode() for _ in range(r.randrange(1, 5)))
        if pick == 5: return b"{" + b" " * (3 << 20) + b"}\n"
        if pick == 6: return (json.dumps(INVOICE) + "\n" + "x" * (3 << 20)).encode()
        if pick == 7: return b"\xff\xfe\x00bad utf-8 \xc3\x28\n" * r.randrange(1, 100)
        return json.dumps(self.mutated_invoice(), indent=r.choice([None, 2])).encode()

    def mutated_invoice(self):
        doc = json.loads(json.dumps(INVOICE))
        r = self.rng
        target = r.choice([doc["buyer"], doc["items"][0], doc])
        key = r.choice(list(target.keys()) + ["qty", "extra", "\u202e", "a" * 200])
        target[key] = r.choice([self.hostile_text(), -1, 1e308, None, [], {}, True, "9" * 30])
        return doc

    def command_line(self):
        r = self.rng
        if r.random() < 0.1:   # not a command at all
            return [self.hostile_text() for _ in range(r.randrange(0, 4))], None
        path = r.choice(sorted(self.commands))
        argv = list(path)
        options, required, arguments = self.commands[path]
        # Mostly plausible values where the command needs them, so that runs get past parsing.
        for option, kind in required:
            argv += ["--" + option, self.plausible(kind) if r.random() < 0.8 else self.hostile_text()]
        for kind in arguments:
            argv.append(self.plausible(kind) if r.random() < 0.7 else self.hostile_text())
        for _ in range(r.randrange(0, 4)):
            if options and r.random() < 0.9:
                name = r.choice(sorted(options))
                kind = options[name]
                if kind is None:
                    argv.append("--" + name)
                    continue
                value = self.plausible(kind) if r.random() < 0.4 else self.hostile_text()
                argv += ["--" + name + "=" + value] if r.random() < 0.2 else ["--" + name, value]
            elif r.random() < 0.3:
                argv.append(self.hostile_text())
        if r.random() < 0.1:
            argv.append("--" + r.choice(["scoep", "tenat", "fil", "x" * 500]))
        if r.random() < 0.5:
            argv += ["-o", r.choice(["json", "jsonl", "csv", "table", "id"])]
        return argv, path

    # -- invariants ---------------------------------------------------------------------------
    def check(self, argv, path, status, out, err):
        problems = []
        if status == "timeout":
            problems.append(f"timeout after {self.timeout} s")
        elif status < 0 or status not in DESIGN_STATUSES:
            problems.append(f"status {status}" + (f" (signal {-status})" if status < 0 else ""))
        # Stderr never shows a key, the store's or one typed on the line. Stdout never shows the
        # store's keys except in the result of a command that makes one; a key-shaped value the
        # line itself gave may come back as the result (a backup path named like a key).
        supplied = set(KEY_RE.findall(" ".join(argv).encode()))
        for secret in self.secrets | supplied:
            if secret in err:
                problems.append("a key on stderr")
        for secret in self.secrets - supplied:
            if secret in out and path not in MAKES_KEYS:
                problems.append("a key on stdout")
        if len(err) > 64 << 10:
            problems.append(f"stderr of {len(err)} bytes")
        text = err.decode("utf-8", errors="replace")
        if UNSAFE_RE.search(text):
            problems.append(f"raw control character on stderr: {UNSAFE_RE.search(text).group()!r}")
        if "-o" in argv and argv[argv.index("-o") + 1:argv.index("-o") + 2] == ["json"] and status not in (0, "timeout"):
            for line in filter(None, text.splitlines()):
                if line.startswith(("\r", "warning:", "signed", "dry run", "interrupted", "replayed")):
                    continue
                try:
                    body = json.loads(line)
                except ValueError:
                    problems.append(f"stderr line not JSON: {line[:100]!r}")
                    break
                code = body.get("error") if isinstance(body, dict) else None
                if code not in CODE_STATUS:
                    problems.append(f"unknown error code {code!r}")
        return problems

    def record(self, n, argv, stdin, status, out, err, problems):
        self.failures += 1
        case = os.path.join(self.out, f"case-{n:05d}")
        os.makedirs(case, exist_ok=True)
        with open(case + "/argv.json", "w") as f: json.dump(argv, f)
        with open(case + "/stdin.bin", "wb") as f: f.write(stdin)
        with open(case + "/result.txt", "wb") as f:
            f.write(f"status {status}\nproblems {problems}\n--- stderr\n".encode() + err[:4096] + b"\n--- stdout\n" + out[:4096])
        print(f"case {n}: {problems}: folio {' '.join(a[:60] for a in argv)[:300]}", file=sys.stderr)

    def fuzz(self, rounds):
        self.seed_store()
        print(f"{len(self.commands)} commands; store {self.env['FOLIO_STORE']}", file=sys.stderr)
        for n in range(rounds):
            argv, path = self.command_line()
            stdin = self.hostile_stdin() if self.rng.random() < 0.7 else b""
            if path and path[-1] in ("revoke", "suspend") and "--yes" not in argv:
                argv.append("--yes" if self.rng.random() < 0.5 else "--dry-run")
            status, out, err = self.run(argv, stdin)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            problems = self.check(argv, path, status, out, err)
            if path in MAKES_KEYS:
                self.secrets.update(KEY_RE.findall(out))   # new keys: never to be seen again
            if problems:
                self.record(n, argv, stdin, status, out, err, problems)
            elif status == 1:
                # In the table, yet "a bug or an unexpected failure": listed for a look.
                first = err.decode(errors="replace").splitlines()[:1]
                print(f"notice: server_error in round {n}: {first} from folio {' '.join(a[:40] for a in argv)[:200]}",
                      file=sys.stderr)
        shutil.rmtree(self.work, ignore_errors=True)
        print("exit statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items(), key=str)), file=sys.stderr)
        return self.failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/debug/folio")
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--seed", type=int, default=random.randrange(1 << 30))
    parser.add_argument("--memory-mib", type=int, default=1024, help="address-space limit per run")
    parser.add_argument("--cpu-seconds", type=int, default=20)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    out = args.out or f"/tmp/folio-fuzz-{args.seed}"
    binary = os.path.abspath(args.binary)
    print(f"seed {args.seed}; failures go to {out}", file=sys.stderr)
    failures = Fuzzer(binary, args.seed, out, args.memory_mib, args.cpu_seconds, args.timeout).fuzz(args.rounds)
    print(f"{args.rounds} rounds, {failures} failing", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
