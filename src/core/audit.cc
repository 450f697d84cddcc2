#include "core/audit.h"

namespace gongkai {

namespace {
void Field(std::string* out, std::string_view v) {
  out->append(std::to_string(v.size()));
  out->push_back(':');
  out->append(v);
  out->push_back('\n');
}
}  // namespace

std::string AuditCanonical(const AuditEntry& e) {
  std::string out = "gongkai-audit-v1\n";
  Field(&out, std::to_string(e.seq));
  Field(&out, e.at);
  Field(&out, e.actor);
  Field(&out, e.action);
  Field(&out, e.entity);
  Field(&out, e.before_json);
  Field(&out, e.after_json);
  Field(&out, e.prev_hash);
  return out;
}

std::vector<AuditProblem> VerifyAuditChain(
    const std::vector<AuditEntry>& entries,
    const std::function<std::string(const std::string&)>& hash_fn, int64_t first_expected_seq,
    std::string expected_prev) {
  std::vector<AuditProblem> problems;
  int64_t want_seq = first_expected_seq;
  for (const AuditEntry& e : entries) {
    if (e.seq != want_seq) {
      problems.push_back({e.seq, "expected entry " + std::to_string(want_seq) + ", found " +
                                     std::to_string(e.seq) + " (entries missing or reordered)"});
    }
    if (e.prev_hash != expected_prev) {
      problems.push_back({e.seq, "prev_hash does not match the hash of the entry before it"});
    }
    if (hash_fn(AuditCanonical(e)) != e.hash) {
      problems.push_back({e.seq, "hash does not match the entry's contents (entry altered)"});
    }
    expected_prev = e.hash;
    want_seq = e.seq + 1;
  }
  return problems;
}

}  // namespace gongkai
