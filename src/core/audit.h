// The audit log (操作日志): an append-only chain of every state change, with who and when.
//
// Each entry carries the hash of the previous entry; its own hash covers its canonical form and
// that previous hash, so changing, inserting or deleting any row breaks the chain from there on.
// Hashing is done outside core (service, with libsodium); core defines the canonical bytes and the
// verification walk.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace gongkai {

struct AuditEntry {
  int64_t seq = 0;          // 1, 2, 3 … without gaps
  std::string at;           // UTC, RFC 3339 with milliseconds: 2026-11-28T14:50:23.123Z
  std::string actor;        // "user:7 zhangsan", "cli:root", "public 1.2.3.4"
  std::string action;       // "agency.create", "user.passwd", "login.failed" …
  std::string entity;       // "agency:4", "user:7"
  std::string before_json;  // state before ("" for a creation)
  std::string after_json;   // state after ("" for a deletion)
  std::string prev_hash;    // hex; 64 zeros for the first entry
  std::string hash;         // hex sha-256 of Canonical(entry) (which includes prev_hash)
};

inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Length-prefixed fields: unambiguous whatever the field contents.
std::string AuditCanonical(const AuditEntry& entry);

struct AuditProblem {
  int64_t seq;
  std::string what;  // English
};

// Walks entries in seq order and reports every break: gaps, a prev_hash that does not match, a hash
// that does not match its contents. hash_fn computes the hex digest of the canonical bytes.
std::vector<AuditProblem> VerifyAuditChain(
    const std::vector<AuditEntry>& entries,
    const std::function<std::string(const std::string&)>& hash_fn, int64_t first_expected_seq = 1,
    std::string expected_prev = std::string(kGenesisHash));

}  // namespace gongkai
