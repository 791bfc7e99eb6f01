import Testing
@testable import FolioCore
import FolioSupport

@Suite("API key values: scopes, rate limits, durations, tier gate")
struct KeyValuesTests {
    @Test("scopes: catalogue only, deduplicated, none or * is full access")
    func scopes() throws {
        #expect(try Scopes.normalize([]) == ["*"])
        #expect(try Scopes.normalize(["documents:read", "*"]) == ["*"])
        #expect(try Scopes.normalize(["documents:read", "documents:read", "exports:*"]) == ["documents:read", "exports:*"])
        #expect(throws: FolioError.self) { try Scopes.normalize(["documents:fly"]) }
        #expect(throws: FolioError.self) { try Scopes.normalize(["audit:write"]) }
        #expect(Scopes.grants(["*"], "audit:read"))
        #expect(Scopes.grants(["documents:*"], "documents:delete"))
        #expect(Scopes.grants(["documents:read"], "documents:read"))
        #expect(!Scopes.grants(["documents:read"], "documents:write"))
        #expect(!Scopes.grants(["exports:*"], "documents:read"))
    }

    @Test("rate limits parse N/sec, N/min, N/hour and print back")
    func rateLimits() {
        #expect(RateLimit("600/min") == RateLimit(count: 600, seconds: 60))
        #expect(RateLimit("5/sec")?.seconds == 1)
        #expect(RateLimit("100/hour")?.seconds == 3600)
        #expect(RateLimit("600/min")?.description == "600/min")
        for bad in ["0/min", "-1/min", "600", "600/day", "x/min", "600/min/2"] { #expect(RateLimit(bad) == nil, "\(bad)") }
        #expect(RateLimit.default(for: .starter).description == "600/min")
    }

    @Test("durations: 30d, 24h, 90m, 3600s")
    func durations() {
        let month: Int64 = 2_592_000
        #expect(DurationText.seconds("30d") == month)
        #expect(DurationText.seconds("24h") == 86400)
        #expect(DurationText.seconds("90m") == 5400)
        #expect(DurationText.seconds("3600s") == 3600)
        for bad in ["", "d", "1.5h", "-1h", "10", "1w", "99999999999999999d"] { #expect(DurationText.seconds(bad) == nil, "\(bad)") }
    }

    @Test("the production gate needs starter+; a trial tenant is gated outside the sandbox")
    func gate() throws {
        let now = Timestamp(seconds: 1_800_000_000)
        func tenant(_ tier: Tier) -> Tenant {
            Tenant(id: "ten_X", email: "a@example.com", name: "A", tier: tier, language: .es, status: .active,
                   environment: .sandbox, verifiedAt: nil, suspendedReason: nil,
                   trialEndsAt: tier == .trial ? now.adding(seconds: 86400) : nil, createdAt: now, updatedAt: now)
        }
        #expect(throws: Never.self) { try PlanGate.require(.starter, for: "x", tenant: tenant(.starter), environment: .production, now: now) }
        #expect(throws: Never.self) { try PlanGate.require(.growth, for: "x", tenant: tenant(.trial), environment: .sandbox, now: now) }
        do {
            try PlanGate.require(.starter, for: "x", tenant: tenant(.trial), environment: .production, now: now)
            Issue.record("a trial tenant passed the production gate")
        } catch {
            #expect(error.code == .planTierRequired)
            #expect(error.details.contains(JSONMember("required", .string("starter"))))
            #expect(error.details.contains(JSONMember("current", .string("trial"))))
        }
        #expect(throws: FolioError.self) {
            try PlanGate.require(.growth, for: "x", tenant: tenant(.trial), environment: .sandbox, now: now.adding(seconds: 2 * 86400))
        }
    }

    @Test("scan finds 36-character runs after the prefix only, with their line numbers")
    func scanPattern() {
        let key = ApiKeyFormat.generate(.production)
        var broken = Array(key)
        broken[30] = broken[30] == "a" ? "b" : "a"
        let text = "first line\nKEY=\(key)\nlonger \(key)X\ntruncated \(key.dropLast())\n\"\(String(broken))\"\n"
        let found = Keys.candidatesIn(Array(text.utf8), file: "f")
        #expect(found.count == 2)
        #expect(found.first?.line == 2)
        #expect(found.first?.hash == ApiKeyFormat.hash(key))
        #expect(found.last?.line == 5)
        #expect(found.last?.hash == nil)
        #expect(found.allSatisfy { $0.start.count == 15 })
    }
}
