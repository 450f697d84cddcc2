// Page and API handlers. Each translates one request into one service call and a rendered response.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/text.h"
#include "web/app/app.h"

namespace gongkai::web::handlers {

// Parses a positive decimal id from a path segment.
bool ParseId(std::string_view text, int64_t* id);

Response PortalHome(App& app, Call& call);
Response AgencyPage(App& app, Call& call);

Response LoginForm(App& app, Call& call);
Response Login(App& app, Call& call);
Response Logout(App& app, Call& call);

Response AdminHome(App& app, Call& call);
Response PasswordForm(App& app, Call& call);
Response ChangePassword(App& app, Call& call);
Response UsersPage(App& app, Call& call);
Response CreateUser(App& app, Call& call);
Response AuditPage(App& app, Call& call);
Response AgencyEditForm(App& app, Call& call);
Response SaveAgency(App& app, Call& call);

Response ApiHealth(App& app, Call& call);
Response ApiAgencies(App& app, Call& call);
Response ApiAgency(App& app, Call& call);

}  // namespace gongkai::web::handlers
