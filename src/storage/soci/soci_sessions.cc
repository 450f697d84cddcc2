// Server-side login sessions, keyed by the hash of the cookie token.
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {

Status SociTransaction::InsertSession(const SessionRecord& session) {
  GK_RETURN_IF_ERROR(CheckUsable("insert session", true));
  ConstraintMessages constraints{
      .unique =
          [](const UniqueViolation&) {
            return AlreadyExists("a session with this id already exists", "会话已存在");
          },
      .foreign_key =
          [&] {
            return FailedPrecondition("user " + std::to_string(session.user_id) + " does not exist",
                                      "用户（编号" + std::to_string(session.user_id) + "）不存在");
          },
  };
  return Write(
      "insert session",
      [&] {
        sql() << "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)"
                 " VALUES (:id_hash, :user_id, :csrf_token, :created_at, :expires_at)",
            soci::use(session.id_hash), soci::use(session.user_id), soci::use(session.csrf_token),
            soci::use(session.created_at), soci::use(session.expires_at);
        return OkStatus();
      },
      constraints);
}

Result<SessionRecord> SociTransaction::GetSession(std::string_view id_hash) {
  GK_RETURN_IF_ERROR(CheckUsable("get session", false));
  return Read("get session", [&]() -> Result<SessionRecord> {
    SessionRecord session;
    std::string key(id_hash);
    sql() << "SELECT id_hash, user_id, csrf_token, created_at, expires_at FROM sessions"
             " WHERE id_hash = :id_hash",
        soci::use(key), soci::into(session.id_hash), soci::into(session.user_id),
        soci::into(session.csrf_token), soci::into(session.created_at),
        soci::into(session.expires_at);
    // The key is a secret's hash: keep it out of messages.
    if (!sql().got_data()) return NotFound("no such session", "会话不存在或已过期");
    return session;
  });
}

Status SociTransaction::DeleteSession(std::string_view id_hash) {
  GK_RETURN_IF_ERROR(CheckUsable("delete session", true));
  return Write("delete session", [&] {
    std::string key(id_hash);
    sql() << "DELETE FROM sessions WHERE id_hash = :id_hash", soci::use(key);
    return OkStatus();
  });
}

Status SociTransaction::DeleteUserSessions(int64_t user_id) {
  GK_RETURN_IF_ERROR(CheckUsable("delete user sessions", true));
  return Write("delete sessions of user " + std::to_string(user_id), [&] {
    sql() << "DELETE FROM sessions WHERE user_id = :user_id", soci::use(user_id);
    return OkStatus();
  });
}

Result<int64_t> SociTransaction::DeleteExpiredSessions(int64_t now) {
  GK_RETURN_IF_ERROR(CheckUsable("delete expired sessions", true));
  return Write("delete expired sessions", [&]() -> Result<int64_t> {
    // A session is valid while now < expires_at.
    soci::statement remove =
        (sql().prepare << "DELETE FROM sessions WHERE expires_at <= :now", soci::use(now));
    remove.execute(true);
    return static_cast<int64_t>(remove.get_affected_rows());
  });
}

}  // namespace gongkai::storage
