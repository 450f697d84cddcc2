#include "core/audit.h"

#include <gtest/gtest.h>

#include <functional>

namespace gongkai {
namespace {

// A stand-in digest: core does not hash; any deterministic function exercises the walk.
std::string FakeHash(const std::string& s) { return std::to_string(std::hash<std::string>{}(s)); }

std::vector<AuditEntry> Chain(int n) {
  std::vector<AuditEntry> out;
  std::string prev(kGenesisHash);
  for (int i = 1; i <= n; ++i) {
    AuditEntry e{i,
                 "2026-11-28T00:00:00.000Z",
                 "cli:root",
                 "agency.create",
                 "agency:" + std::to_string(i),
                 "",
                 "{\"name\":\"x\"}",
                 prev,
                 ""};
    e.hash = FakeHash(AuditCanonical(e));
    prev = e.hash;
    out.push_back(e);
  }
  return out;
}

TEST(AuditTest, IntactChainVerifies) { EXPECT_TRUE(VerifyAuditChain(Chain(5), FakeHash).empty()); }

TEST(AuditTest, DetectsEveryKindOfTampering) {
  auto altered = Chain(5);
  altered[2].after_json = "{\"name\":\"y\"}";
  auto problems = VerifyAuditChain(altered, FakeHash);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].seq, 3);

  auto deleted = Chain(5);
  deleted.erase(deleted.begin() + 1);
  problems = VerifyAuditChain(deleted, FakeHash);
  ASSERT_GE(problems.size(), 2u);  // gap and broken prev_hash
  EXPECT_EQ(problems[0].seq, 3);

  auto rehashed = Chain(5);  // altered and re-hashed: the next entry's prev_hash breaks
  rehashed[1].actor = "someone else";
  rehashed[1].hash = FakeHash(AuditCanonical(rehashed[1]));
  problems = VerifyAuditChain(rehashed, FakeHash);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].seq, 3);
}

TEST(AuditTest, CanonicalFormIsUnambiguous) {
  AuditEntry a{1, "t", "ab", "c", "", "", "", "", ""};
  AuditEntry b{1, "t", "a", "bc", "", "", "", "", ""};
  EXPECT_NE(AuditCanonical(a), AuditCanonical(b));
}

}  // namespace
}  // namespace gongkai
