// Staff users.
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

ConstraintMessages UserConstraints(const User& user) {
  return {
      .unique =
          [&](const UniqueViolation& violation) {
            if (!violation.Is("users_username_key")) {
              return AlreadyExists("user: unique constraint " + std::string(violation.detail),
                                   "用户信息与已有用户重复");
            }
            return AlreadyExists("user name '" + user.username + "' is already taken",
                                 "用户名“" + user.username + "”已被使用");
          },
      .foreign_key =
          [&] {
            std::string agency = std::to_string(user.agency_id);
            return FailedPrecondition(
                "agency " + agency + " of user '" + user.username + "' does not exist",
                "用户所属单位（编号" + agency + "）不存在");
          },
  };
}

Status NoSuchUser(int64_t id) {
  return NotFound("user " + std::to_string(id) + " does not exist",
                  "用户（编号" + std::to_string(id) + "）不存在");
}

}  // namespace

Result<int64_t> SociTransaction::InsertUser(const User& user) {
  GK_RETURN_IF_ERROR(CheckUsable("insert user", true));
  return Write(
      "insert user '" + user.username + "'",
      [&]() -> Result<int64_t> {
        std::string role(Code(user.role));
        int active = user.active ? 1 : 0;
        int64_t id = 0;
        sql() << "INSERT INTO users (username, display_name, role, agency_id, password_hash,"
                 " active, failed_logins, locked_until, version) VALUES (:username,"
                 " :display_name, :role, :agency_id, :password_hash, :active, :failed_logins,"
                 " :locked_until, 1) RETURNING id",
            soci::use(user.username), soci::use(user.display_name), soci::use(role),
            soci::use(user.agency_id), soci::use(user.password_hash), soci::use(active),
            soci::use(user.failed_logins), soci::use(user.locked_until), soci::into(id);
        return id;
      },
      UserConstraints(user));
}

Status SociTransaction::UpdateUser(const User& user) {
  GK_RETURN_IF_ERROR(CheckUsable("update user", true));
  return Write(
      "update user " + std::to_string(user.id),
      [&]() -> Status {
        std::string role(Code(user.role));
        int active = user.active ? 1 : 0;
        soci::statement update =
            (sql().prepare << "UPDATE users SET username = :username,"
                              " display_name = :display_name, role = :role,"
                              " agency_id = :agency_id, password_hash = :password_hash,"
                              " active = :active, failed_logins = :failed_logins,"
                              " locked_until = :locked_until, version = version + 1"
                              " WHERE id = :id AND version = :version",
             soci::use(user.username), soci::use(user.display_name), soci::use(role),
             soci::use(user.agency_id), soci::use(user.password_hash), soci::use(active),
             soci::use(user.failed_logins), soci::use(user.locked_until), soci::use(user.id),
             soci::use(user.version));
        update.execute(true);
        if (update.get_affected_rows() > 0) return OkStatus();
        int64_t current = 0;
        sql() << "SELECT version FROM users WHERE id = :id", soci::use(user.id),
            soci::into(current);
        if (!sql().got_data()) return NoSuchUser(user.id);
        return Aborted("user " + std::to_string(user.id) +
                           " was changed by someone else (version " + std::to_string(current) +
                           ", you had " + std::to_string(user.version) + "); reload and retry",
                       "该用户信息已被他人修改，请刷新后重试");
      },
      UserConstraints(user));
}

Result<User> SociTransaction::GetUser(int64_t id) {
  GK_RETURN_IF_ERROR(CheckUsable("get user", false));
  GK_ASSIGN_OR_RETURN(std::vector<User> found, SelectUsers(" WHERE id = :id", &id));
  if (found.empty()) return NoSuchUser(id);
  return std::move(found.front());
}

Result<User> SociTransaction::FindUserByName(std::string_view username) {
  GK_RETURN_IF_ERROR(CheckUsable("find user", false));
  std::string name(username);
  GK_ASSIGN_OR_RETURN(std::vector<User> found, SelectUsers(" WHERE username = :username", &name));
  if (found.empty()) {
    return NotFound("user '" + name + "' does not exist", "用户“" + name + "”不存在");
  }
  return std::move(found.front());
}

Result<std::vector<User>> SociTransaction::ListUsers() {
  GK_RETURN_IF_ERROR(CheckUsable("list users", false));
  return SelectUsers<int>("", nullptr);
}

template <class T>
Result<std::vector<User>> SociTransaction::SelectUsers(const std::string& where, const T* value) {
  return Read("read users", [&]() -> Result<std::vector<User>> {
    std::vector<User> users;
    User row;
    std::string role;
    int active = 0;  // SOCI has no bool into(), so the dialect reads it as 0/1
    soci::details::prepare_temp_type query =
        (sql().prepare << "SELECT id, username, display_name, role, agency_id, password_hash, " +
                              std::string(dialect_.ActiveAsInteger()) +
                              ", failed_logins, locked_until, version FROM users" + where +
                              " ORDER BY id",
         soci::into(row.id), soci::into(row.username), soci::into(row.display_name),
         soci::into(role), soci::into(row.agency_id), soci::into(row.password_hash),
         soci::into(active), soci::into(row.failed_logins), soci::into(row.locked_until),
         soci::into(row.version));
    if (value != nullptr) query, soci::use(*value);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      std::optional<Role> parsed = ParseRole(role);
      if (!parsed) {
        return Internal("users row " + std::to_string(row.id) + " has unknown role '" + role + "'");
      }
      row.role = *parsed;
      row.active = active != 0;
      users.push_back(row);
    }
    return users;
  });
}

}  // namespace gongkai::storage
