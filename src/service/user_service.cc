#include "service/user_service.h"

#include <nlohmann/json.hpp>

#include "service/audit_service.h"
#include "service/authorize.h"
#include "service/json_views.h"
#include "service/tx.h"

namespace gongkai::service {

namespace {
std::string Entity(int64_t id) { return "user:" + std::to_string(id); }
Status WrongCredentials() {
  return Unauthenticated("wrong user name or password", "用户名或密码错误");
}
}  // namespace

Result<int64_t> UserService::Create(const Actor& actor, const NewUser& nu) {
  Status st = ValidateUsername(nu.username);
  if (st.ok()) st = ValidateDisplayName(nu.display_name);
  if (st.ok()) st = ValidatePasswordPolicy(nu.password, nu.username);
  std::string hash;
  if (st.ok()) {
    auto h = hasher_.Hash(nu.password);  // outside the transaction: it takes ~66 ms
    if (h.ok()) hash = *h;
    st = h.status();
  }
  int64_t id = 0;
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      auto agency = tx.GetAgency(nu.agency_id);
      if (!agency.ok()) return agency.status();
      GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kManageUsers, nu.agency_id));
      User u;
      u.username = nu.username;
      u.display_name = nu.display_name;
      u.role = nu.role;
      u.agency_id = nu.agency_id;
      u.password_hash = hash;
      GK_ASSIGN_OR_RETURN(id, tx.InsertUser(u));
      GK_ASSIGN_OR_RETURN(User stored, tx.GetUser(id));
      return RecordChange(tx, clock_, actor, "user.create", Entity(id), "", Dump(ToJson(stored)));
    });
  }
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "user.create", "user:" + nu.username, st);
    return st;
  }
  return id;
}

Status UserService::SetPassword(const Actor& actor, const std::string& username,
                                const std::string& new_password, const std::string& old_password) {
  auto target = FindByName(username);
  if (!target.ok()) return target.status();
  bool self = actor.kind == Actor::Kind::kStaff && actor.user->id == target->id;
  Status st = ValidatePasswordPolicy(new_password, username);
  if (st.ok() && self && !hasher_.Verify(target->password_hash, old_password)) {
    st = InvalidArgument("the current password is wrong", "当前密码不正确");
  }
  std::string hash;
  if (st.ok()) {
    auto h = hasher_.Hash(new_password);
    if (h.ok()) hash = *h;
    st = h.status();
  }
  if (st.ok()) {
    st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
      GK_ASSIGN_OR_RETURN(User u, tx.GetUser(target->id));
      if (!self) GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kManageUsers, u.agency_id));
      u.password_hash = hash;
      u.failed_logins = 0;
      u.locked_until = 0;
      GK_RETURN_IF_ERROR(tx.UpdateUser(u));
      // A new password ends every other session of that user.
      GK_RETURN_IF_ERROR(tx.DeleteUserSessions(u.id));
      nlohmann::json after = {{"password", "changed"}, {"sessions", "ended"}};
      return RecordChange(tx, clock_, actor, "user.passwd", Entity(u.id), "", Dump(after));
    });
  }
  if (!st.ok()) RecordRejected(store_, clock_, actor, "user.passwd", Entity(target->id), st);
  return st;
}

Result<User> UserService::Get(int64_t id) {
  return InRead(store_, [&](storage::Transaction& tx) { return tx.GetUser(id); });
}

Result<User> UserService::FindByName(const std::string& username) {
  return InRead(store_, [&](storage::Transaction& tx) { return tx.FindUserByName(username); });
}

Result<std::vector<User>> UserService::List(int64_t root_id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::vector<User>> {
    GK_ASSIGN_OR_RETURN(std::vector<User> all, tx.ListUsers());
    if (root_id == 0) return all;
    std::vector<User> out;
    for (User& u : all) {
      GK_ASSIGN_OR_RETURN(bool inside, InSubtree(tx, root_id, u.agency_id));
      if (inside) out.push_back(std::move(u));
    }
    return out;
  });
}

bool UserService::IpThrottled(const std::string& ip) {
  std::lock_guard lock(ip_mu_);
  auto& q = ip_failures_[ip];
  int64_t now = clock_.NowSeconds();
  while (!q.empty() && q.front() <= now - throttle_.ip_window_seconds) q.pop_front();
  return static_cast<int>(q.size()) >= throttle_.max_failures_per_ip;
}

void UserService::NoteIpFailure(const std::string& ip) {
  std::lock_guard lock(ip_mu_);
  ip_failures_[ip].push_back(clock_.NowSeconds());
  if (ip_failures_.size() > 100000)
    ip_failures_.clear();  // bound memory under a spray of addresses
}

Result<User> UserService::Authenticate(const std::string& username, const std::string& password,
                                       const std::string& ip) {
  Actor who = Actor::Public(ip);
  if (IpThrottled(ip)) {
    Status st =
        ResourceExhausted("too many failed logins from " + ip, "登录失败次数过多，请稍后再试");
    RecordRejected(store_, clock_, who, "login", "user:" + username.substr(0, 40), st);
    return st;
  }
  auto found = FindByName(username);
  if (!found.ok()) {
    if (found.status().code() != StatusCode::kNotFound) return found.status();
    hasher_.DummyVerify(password);
    NoteIpFailure(ip);
    Status st = WrongCredentials();
    RecordRejected(store_, clock_, who, "login", "user:" + username.substr(0, 40), st);
    return st;
  }
  User u = *found;
  int64_t now = clock_.NowSeconds();
  if (u.locked_until > now) {
    Status st =
        ResourceExhausted("user " + username + " is locked after repeated failed logins",
                          "登录失败次数过多，账号已临时锁定，请" +
                              std::to_string((u.locked_until - now + 59) / 60) + "分钟后再试");
    RecordRejected(store_, clock_, who, "login", Entity(u.id), st);
    return st;
  }
  bool good = hasher_.Verify(u.password_hash, password) && u.active;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(User cur, tx.GetUser(u.id));
    if (good) {
      if (cur.failed_logins == 0 && cur.locked_until == 0) return OkStatus();
      cur.failed_logins = 0;
      cur.locked_until = 0;
      return tx.UpdateUser(cur);
    }
    cur.failed_logins += 1;
    nlohmann::json after = {{"failed_logins", cur.failed_logins}};
    if (cur.failed_logins >= throttle_.max_failures) {
      cur.locked_until = now + throttle_.lock_seconds;
      after["locked_until"] = cur.locked_until;
    }
    GK_RETURN_IF_ERROR(tx.UpdateUser(cur));
    return RecordChange(tx, clock_, who, "login.failed", Entity(u.id), "", Dump(after));
  });
  if (!st.ok()) return st;
  if (!good) {
    NoteIpFailure(ip);
    return WrongCredentials();
  }
  u.failed_logins = 0;
  u.locked_until = 0;
  return u;
}

}  // namespace gongkai::service
