// The adapter boundary: SOCI and libpq report failures by throwing; callers of the Store get a
// Status. Guard runs a body and converts whatever it throws, by SQLSTATE:
//   23505 unique_violation → AlreadyExists (the operation names the field, by constraint)
//   23503 foreign_key_violation → FailedPrecondition (the operation names the missing id)
//   connection lost (class 08, 57P01–57P03, or libpq's connection gone) → Unavailable; the
//     pool then discards the connection, so the next request reconnects
//   55P03 lock_not_available (lock_timeout 5 s) → Unavailable, like SQLite's busy_timeout
//   40001/40P01 serialization failure, deadlock → Aborted (retry)
//   anything else                → Internal, with the server's message
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "storage/soci/constraint_messages.h"
#include "storage/soci/guard.h"

namespace soci {
class session;
}

namespace gongkai::storage::postgres {

// Converts the exception being handled; call only inside a catch block. `session` is asked
// whether its connection is gone.
Status CurrentExceptionToStatus(std::string_view operation, soci::session& session,
                                const ConstraintMessages& messages);

template <class F>
auto Guard(std::string_view operation, soci::session& session, F&& body,
           const ConstraintMessages& messages = {}) -> decltype(body()) {
  return GuardWith(body, [&] { return CurrentExceptionToStatus(operation, session, messages); });
}

// Whether libpq has found the connection broken (server gone, backend terminated).
bool ConnectionLost(soci::session& session);

// Runs parameterless SQL, possibly several statements, on the native handle (SOCI sends one
// statement with parameters). Returns the last command's tag (e.g. "COMMIT", or "ROLLBACK" when
// PostgreSQL rolled back a failed transaction instead). Throws soci::postgresql_soci_error like
// SOCI does, so Guard maps it the same way.
std::string ExecScript(soci::session& session, const std::string& sql);

}  // namespace gongkai::storage::postgres
