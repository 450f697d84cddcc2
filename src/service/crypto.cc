#include "service/crypto.h"

#include <sodium.h>

#include <algorithm>
#include <vector>

namespace gongkai::service {

Status InitCrypto() {
  if (sodium_init() < 0) return Internal("libsodium failed to initialise", "加密组件初始化失败");
  return OkStatus();
}

namespace {
std::string Hex(const unsigned char* bin, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bin, n);
  out.pop_back();
  return out;
}

class SlotGuard {
 public:
  explicit SlotGuard(std::counting_semaphore<64>& s) : s_(s) { s_.acquire(); }
  ~SlotGuard() { s_.release(); }

 private:
  std::counting_semaphore<64>& s_;
};
}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return Hex(out, sizeof out);
}

std::string RandomHex(size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return Hex(buf.data(), buf.size());
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

HasherOptions HasherOptions::FastForTests() {
  HasherOptions o;
  o.ops_limit = crypto_pwhash_OPSLIMIT_MIN;
  o.mem_limit = crypto_pwhash_MEMLIMIT_MIN;
  return o;
}

PasswordHasher::PasswordHasher(HasherOptions options)
    : options_(options), slots_(std::clamp(options.max_concurrent, 1, 64)) {
  if (options_.ops_limit == 0) options_.ops_limit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  if (options_.mem_limit == 0) options_.mem_limit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  auto h = Hash("not a real password: equalises timing");
  if (h.ok()) dummy_hash_ = *h;
}

Result<std::string> PasswordHasher::Hash(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  SlotGuard guard(slots_);
  if (crypto_pwhash_str(out, password.data(), password.size(), options_.ops_limit,
                        options_.mem_limit) != 0) {
    return ResourceExhausted("password hashing ran out of memory", "系统繁忙，请稍后重试");
  }
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view stored_hash, std::string_view password) {
  std::string h(stored_hash);  // needs NUL termination
  SlotGuard guard(slots_);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::DummyVerify(std::string_view password) {
  if (!dummy_hash_.empty()) (void)Verify(dummy_hash_, password);
}

}  // namespace gongkai::service
