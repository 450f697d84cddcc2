#include "service/session_service.h"

#include "service/audit_service.h"
#include "service/crypto.h"
#include "service/tx.h"

namespace gongkai::service {

Result<ActiveSession> SessionService::Create(const User& user, const std::string& ip) {
  ActiveSession s;
  s.token = RandomHex(32);
  s.csrf_token = RandomHex(32);
  s.user = user;
  int64_t now = clock_.NowSeconds();
  s.expires_at = now + options_.lifetime_seconds;
  GK_RETURN_IF_ERROR(InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_RETURN_IF_ERROR(
        tx.InsertSession({Sha256Hex(s.token), user.id, s.csrf_token, now, s.expires_at}));
    return RecordChange(tx, clock_, Actor::Staff(user, ip), "login",
                        "user:" + std::to_string(user.id), "", "");
  }));
  return s;
}

Result<std::optional<ActiveSession>> SessionService::Resolve(const std::string& token) {
  if (token.size() != 64) return std::optional<ActiveSession>();
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::optional<ActiveSession>> {
    auto rec = tx.GetSession(Sha256Hex(token));
    if (!rec.ok()) {
      if (rec.status().code() == StatusCode::kNotFound) return std::optional<ActiveSession>();
      return rec.status();
    }
    if (rec->expires_at <= clock_.NowSeconds()) return std::optional<ActiveSession>();
    auto user = tx.GetUser(rec->user_id);
    if (!user.ok()) {
      if (user.status().code() == StatusCode::kNotFound) return std::optional<ActiveSession>();
      return user.status();
    }
    if (!user->active) return std::optional<ActiveSession>();
    return std::optional<ActiveSession>(ActiveSession{"", rec->csrf_token, *user, rec->expires_at});
  });
}

Status SessionService::Destroy(const std::string& token, const Actor& actor) {
  return InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_RETURN_IF_ERROR(tx.DeleteSession(Sha256Hex(token)));
    std::string entity = actor.user ? "user:" + std::to_string(actor.user->id) : "session";
    return RecordChange(tx, clock_, actor, "logout", entity, "", "");
  });
}

Result<int64_t> SessionService::PurgeExpired() {
  int64_t n = 0;
  GK_RETURN_IF_ERROR(InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(n, tx.DeleteExpiredSessions(clock_.NowSeconds()));
    return OkStatus();
  }));
  return n;
}

}  // namespace gongkai::service
