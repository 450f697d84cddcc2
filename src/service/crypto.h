// Thin wrappers over libsodium: hashing, random tokens, argon2id password hashing.
#pragma once

#include <semaphore>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::service {

// Must be called once before any other function here (idempotent, thread-safe).
Status InitCrypto();
std::string Sha256Hex(std::string_view data);
// `bytes` random bytes, hex encoded.
std::string RandomHex(size_t bytes);
// Constant-time comparison of two strings of equal length.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

struct HasherOptions {
  // libsodium's "interactive" limits by default: ~66 ms and 64 MiB per hash on this machine kind.
  unsigned long long ops_limit = 0;  // 0: crypto_pwhash_OPSLIMIT_INTERACTIVE
  size_t mem_limit = 0;              // 0: crypto_pwhash_MEMLIMIT_INTERACTIVE
  int max_concurrent = 2;            // bound memory: at most this many hashes at once
  static HasherOptions FastForTests();
};

// argon2id password hashing with bounded concurrency: each hash takes 64 MiB, so an unbounded
// number of concurrent logins could exhaust memory.
class PasswordHasher {
 public:
  explicit PasswordHasher(HasherOptions options = {});
  Result<std::string> Hash(std::string_view password);
  bool Verify(std::string_view stored_hash, std::string_view password);
  // Burns the same time as a Verify, for unknown users (no user-name oracle by timing).
  void DummyVerify(std::string_view password);

 private:
  HasherOptions options_;
  std::counting_semaphore<64> slots_;
  std::string dummy_hash_;
};

}  // namespace gongkai::service
