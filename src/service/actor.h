// Actor: who is doing something, for permission checks and the audit log's "who".
#pragma once

#include <optional>
#include <string>

#include "core/user.h"

namespace gongkai::service {

struct Actor {
  enum class Kind { kCli, kStaff, kPublic, kSystem };
  Kind kind = Kind::kSystem;
  std::optional<User> user;  // set for kStaff
  std::string ip;            // remote address for web actors
  std::string os_user;       // for kCli

  static Actor Cli();  // the local administrator running the `gongkai` command
  static Actor Staff(User user, std::string ip);
  static Actor Public(std::string ip);
  static Actor System();  // the platform itself (migrations, demo seeding)

  // The audit log's "who": "user:7 cizhong.clerk @127.0.0.1", "cli:root", "public @1.2.3.4",
  // "system".
  std::string Label() const;
  // The name shown on records ("张三" for staff; the Label otherwise).
  std::string DisplayName() const { return user ? user->display_name : Label(); }
};

}  // namespace gongkai::service
