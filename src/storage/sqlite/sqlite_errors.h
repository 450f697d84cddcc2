// The adapter boundary: SOCI and SQLite report failures by throwing; callers of the Store get a
// Status. Guard runs a body and converts whatever it throws:
//   UNIQUE constraint      → AlreadyExists (the operation says which field, in both languages;
//                            it gets SQLite's message, e.g. "UNIQUE constraint failed: users.name")
//   FOREIGN KEY constraint → FailedPrecondition (the operation says what was missing)
//   busy/locked after busy_timeout → Unavailable
//   anything else          → Internal, with the library's message
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "storage/soci/constraint_messages.h"
#include "storage/soci/guard.h"

namespace soci {
class session;
}

namespace gongkai::storage::sqlite {

// Converts the exception being handled; call only inside a catch block.
Status CurrentExceptionToStatus(std::string_view operation, const ConstraintMessages& messages);

template <class F>
auto Guard(std::string_view operation, F&& body, const ConstraintMessages& messages = {})
    -> decltype(body()) {
  return GuardWith(body, [&] { return CurrentExceptionToStatus(operation, messages); });
}

// Runs one or more SQL statements on the native handle (SOCI prepares only the first statement of a
// string). Throws soci::sqlite3_soci_error like SOCI does, so Guard maps it the same way.
void ExecScript(soci::session& session, const std::string& sql);

}  // namespace gongkai::storage::sqlite
