// How one operation words its constraint failures, shared by the SOCI adapters: each backend's
// error conversion finds the violation, the operation says what it means to the user.
#pragma once

#include <functional>
#include <string_view>

#include "core/status.h"

namespace gongkai::storage {

// A unique-key violation as the backend reports it.
struct UniqueViolation {
  // What messages quote: SQLite's message ("UNIQUE constraint failed: users.username") or
  // PostgreSQL's constraint name ("users_username_key").
  std::string_view detail;
  bool names_constraint = false;  // PostgreSQL names the constraint; SQLite only the columns

  // Whether the violated key is `constraint`. SQLite cannot say, but there it is always the one
  // unique key the operation sets (ids are generated), so it counts as a match.
  bool Is(std::string_view constraint) const { return !names_constraint || detail == constraint; }
};

// Unset → a generic message.
struct ConstraintMessages {
  std::function<Status(const UniqueViolation& violation)> unique;
  std::function<Status()> foreign_key;
};

}  // namespace gongkai::storage
