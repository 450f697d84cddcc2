// Server-side sessions, stored in the database so any server process can serve any request.
// The cookie holds a random token; the database holds only its hash.
#pragma once

#include <optional>
#include <string>

#include "core/user.h"
#include "service/actor.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

struct SessionOptions {
  int64_t lifetime_seconds = 8 * 3600;  // one working day
};

struct ActiveSession {
  std::string token;       // only known right after Create (goes into the cookie)
  std::string csrf_token;  // goes into every form of this session
  User user;
  int64_t expires_at = 0;
};

class SessionService {
 public:
  SessionService(storage::Store& store, const Clock& clock, SessionOptions options = {})
      : store_(store), clock_(clock), options_(options) {}

  // Starts a session for an authenticated user and records the login.
  Result<ActiveSession> Create(const User& user, const std::string& ip);
  // The live session for a cookie token, or nullopt when unknown, expired, or the user is disabled.
  Result<std::optional<ActiveSession>> Resolve(const std::string& token);
  Status Destroy(const std::string& token, const Actor& actor);
  Result<int64_t> PurgeExpired();

 private:
  storage::Store& store_;
  const Clock& clock_;
  SessionOptions options_;
};

}  // namespace gongkai::service
