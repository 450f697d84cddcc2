// Staff users and what each role may do. A user belongs to one agency and acts on it and its
// subtree (a supervisor at a district sees every township below). The public is anonymous and never
// a User.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/terms.h"

namespace gongkai {

struct User {
  int64_t id = 0;
  std::string username;      // login name: 3-32 of [a-z0-9_.-], starts with a letter
  std::string display_name;  // shown in the UI and the audit log
  Role role = Role::kClerk;
  int64_t agency_id = 0;
  std::string password_hash;  // argon2id string (libsodium crypto_pwhash_str); never the password
  bool active = true;
  int failed_logins = 0;     // consecutive failures since the last success
  int64_t locked_until = 0;  // unix seconds; 0 = not locked
  int64_t version = 0;
};

Status ValidateUsername(std::string_view username);
Status ValidateDisplayName(std::string_view name);
// At least 8 characters, not the user name, not all one character class of digits.
Status ValidatePasswordPolicy(std::string_view password, std::string_view username);

// What a staff member may do inside their scope. Checked by the service layer.
enum class Permission {
  kViewBackOffice,      // every role
  kEditAgency,          // admin
  kManageUsers,         // admin
  kManageCalendar,      // admin
  kViewAuditLog,        // admin, supervisor
  kSuperviseSubtree,    // supervisor
  kEditReport,          // clerk, admin: enter figures and narrative, submit for approval
  kApproveReport,       // leader: approve and publish, or return with a comment
  kSummariseReports,    // supervisor: region summaries of the units below
  kAuditReports,        // supervisor, clerk, admin: audit uploaded published reports and save their
                        // figures as a unit's imported report
  kHandleApplications,  // clerk, admin: register and handle applications, record review and
                        // litigation cases
  kApproveExtension,    // leader: approve or refuse extending an answer period (Art. 33)
  kEditPublications,    // clerk, admin: draft proactive-disclosure items, record the
                        // confidentiality review, channels; revise and withdraw published items
  kApprovePublications,  // leader: approve items for publication or return them
  kEditDisclosureFigures,  // clerk, admin: keep the register of rules and normative documents
                           // and the yearly decision and fee figures (Table 二)
};
bool RoleAllows(Role role, Permission permission);

}  // namespace gongkai
