#include "core/user.h"

#include "core/text.h"

namespace gongkai {

Status ValidateUsername(std::string_view u) {
  bool ok = u.size() >= 3 && u.size() <= 32 && u[0] >= 'a' && u[0] <= 'z';
  for (char c : u) {
    ok &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  }
  if (!ok) {
    return InvalidArgument(
        "user name '" + std::string(u.substr(0, 40)) +
            "' must be 3-32 characters of a-z, 0-9, '_', '.', '-' starting with a letter",
        "用户名“" + std::string(u.substr(0, 40)) +
            "”应为3—32位小写字母、数字或“_.-”，并以字母开头");
  }
  return OkStatus();
}

Status ValidateDisplayName(std::string_view name) {
  return CheckText(name, 1, 40, "display name", "姓名");
}

Status ValidatePasswordPolicy(std::string_view password, std::string_view username) {
  if (Utf8Length(password) < 8 || !IsValidUtf8(password)) {
    return InvalidArgument("password must be at least 8 characters", "密码至少8位");
  }
  if (password.size() > 256) {
    return InvalidArgument("password must be at most 256 bytes", "密码过长");
  }
  if (password == username) {
    return InvalidArgument("password must differ from the user name", "密码不能与用户名相同");
  }
  bool all_digits = true;
  for (char c : password) all_digits &= (c >= '0' && c <= '9');
  if (all_digits) {
    return InvalidArgument("password must not be digits only", "密码不能全为数字");
  }
  return OkStatus();
}

bool RoleAllows(Role role, Permission p) {
  switch (p) {
    case Permission::kViewBackOffice:
      return true;
    case Permission::kEditAgency:
    case Permission::kManageUsers:
    case Permission::kManageCalendar:
      return role == Role::kAdmin;
    case Permission::kViewAuditLog:
      return role == Role::kAdmin || role == Role::kSupervisor;
    case Permission::kSuperviseSubtree:
    case Permission::kSummariseReports:
      return role == Role::kSupervisor;
    case Permission::kEditReport:
      return role == Role::kClerk || role == Role::kAdmin;
    case Permission::kAuditReports:
      return role == Role::kSupervisor || role == Role::kClerk || role == Role::kAdmin;
    case Permission::kApproveReport:
    case Permission::kApproveExtension:
    case Permission::kApprovePublications:
      return role == Role::kLeader;
    case Permission::kHandleApplications:
    case Permission::kEditPublications:
    case Permission::kEditDisclosureFigures:
      return role == Role::kClerk || role == Role::kAdmin;
  }
  return false;
}

}  // namespace gongkai
