// User use cases: create staff accounts, change passwords, authenticate with throttling.
//
// Throttling (two layers): a user is locked for lock_seconds after max_failures consecutive wrong
// passwords (stored, so it holds across server processes); and one address may fail at most
// max_failures_per_ip times per window (in memory, per process) to slow guessing across many names.
// Unknown user and wrong password give the same answer and take the same time.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/user.h"
#include "service/actor.h"
#include "service/clock.h"
#include "service/crypto.h"
#include "storage/store.h"

namespace gongkai::service {

struct ThrottleOptions {
  int max_failures = 5;
  int64_t lock_seconds = 15 * 60;
  int max_failures_per_ip = 30;
  int64_t ip_window_seconds = 10 * 60;
};

struct NewUser {
  std::string username;
  std::string display_name;
  Role role = Role::kClerk;
  int64_t agency_id = 0;
  std::string password;
};

class UserService {
 public:
  UserService(storage::Store& store, const Clock& clock, PasswordHasher& hasher,
              ThrottleOptions throttle = {})
      : store_(store), clock_(clock), hasher_(hasher), throttle_(throttle) {}

  Result<int64_t> Create(const Actor& actor, const NewUser& user);
  // Admins (in scope) and the CLI set anyone's password; a user may change their own with the old
  // one.
  Status SetPassword(const Actor& actor, const std::string& username,
                     const std::string& new_password, const std::string& old_password = {});
  Result<User> Get(int64_t id);
  Result<User> FindByName(const std::string& username);
  // Users of agencies in the subtree of root_id (all users when 0).
  Result<std::vector<User>> List(int64_t root_id = 0);

  // Checks the password; on success resets the failure count. Errors: Unauthenticated (wrong name
  // or password), ResourceExhausted (locked or throttled).
  Result<User> Authenticate(const std::string& username, const std::string& password,
                            const std::string& ip);

 private:
  bool IpThrottled(const std::string& ip);
  void NoteIpFailure(const std::string& ip);

  storage::Store& store_;
  const Clock& clock_;
  PasswordHasher& hasher_;
  ThrottleOptions throttle_;
  std::mutex ip_mu_;
  std::unordered_map<std::string, std::deque<int64_t>> ip_failures_;
};

}  // namespace gongkai::service
