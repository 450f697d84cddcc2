#include "service/actor.h"

#include <cstdlib>

namespace gongkai::service {

Actor Actor::Cli() {
  Actor a;
  a.kind = Kind::kCli;
  const char* u = std::getenv("USER");
  a.os_user = u && *u ? u : "unknown";
  return a;
}

Actor Actor::Staff(User user, std::string ip) {
  Actor a;
  a.kind = Kind::kStaff;
  a.user = std::move(user);
  a.ip = std::move(ip);
  return a;
}

Actor Actor::Public(std::string ip) {
  Actor a;
  a.kind = Kind::kPublic;
  a.ip = std::move(ip);
  return a;
}

Actor Actor::System() { return Actor(); }

std::string Actor::Label() const {
  switch (kind) {
    case Kind::kCli:
      return "cli:" + os_user;
    case Kind::kStaff:
      return "user:" + std::to_string(user->id) + " " + user->username +
             (ip.empty() ? "" : " @" + ip);
    case Kind::kPublic:
      return "public" + (ip.empty() ? std::string() : " @" + ip);
    case Kind::kSystem:
      return "system";
  }
  return "?";
}

}  // namespace gongkai::service
