#include "core/user.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(UserTest, UsernameRules) {
  for (const char* good : {"clerk", "cizhong.clerk", "a_b-c9"})
    EXPECT_TRUE(ValidateUsername(good).ok()) << good;
  for (const char* bad :
       {"", "ab", "Clerk", "9abc", "张三", "a b", "abcdefghijklmnopqrstuvwxyz0123456"}) {
    EXPECT_EQ(ValidateUsername(bad).code(), StatusCode::kInvalidArgument) << bad;
  }
}

TEST(UserTest, PasswordPolicy) {
  EXPECT_TRUE(ValidatePasswordPolicy("correct horse", "clerk").ok());
  EXPECT_FALSE(ValidatePasswordPolicy("short", "clerk").ok());
  EXPECT_FALSE(ValidatePasswordPolicy("12345678", "clerk").ok());
  EXPECT_FALSE(ValidatePasswordPolicy("clerkclerk", "clerkclerk").ok());
  EXPECT_FALSE(ValidatePasswordPolicy(std::string(300, 'x'), "clerk").ok());
}

TEST(UserTest, RolePermissions) {
  EXPECT_TRUE(RoleAllows(Role::kAdmin, Permission::kManageUsers));
  EXPECT_FALSE(RoleAllows(Role::kClerk, Permission::kManageUsers));
  EXPECT_TRUE(RoleAllows(Role::kSupervisor, Permission::kViewAuditLog));
  EXPECT_FALSE(RoleAllows(Role::kLeader, Permission::kViewAuditLog));
  for (Role r : kAllRoles) EXPECT_TRUE(RoleAllows(r, Permission::kViewBackOffice));
  // Auditing uploaded reports: the supervisor, and the unit's own clerk and admin; not the leader,
  // who approves.
  EXPECT_TRUE(RoleAllows(Role::kSupervisor, Permission::kAuditReports));
  EXPECT_TRUE(RoleAllows(Role::kClerk, Permission::kAuditReports));
  EXPECT_TRUE(RoleAllows(Role::kAdmin, Permission::kAuditReports));
  EXPECT_FALSE(RoleAllows(Role::kLeader, Permission::kAuditReports));
}

}  // namespace
}  // namespace gongkai
