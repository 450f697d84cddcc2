// The case page of an application, shared by the page itself and the handlers of the steps taken
// on it (which show it again with the refusal next to the form and the input kept).
#pragma once

#include <string>
#include <string_view>

#include "web/app/app.h"
#include "web/app/application_models.h"

namespace gongkai::web::handlers {

Response CasePage(App& app, Call& call, int64_t id, const ActionInput* input,
                  const std::string& notice, int http_status);
// The case's letters as download links ("letters", "has_letters") for the case page.
void AddLetterLinks(const application::Application& a, nlohmann::json& model);
// The letters the applicant may download with the query code, for the status page.
nlohmann::json PublicLetterList(const service::PublicStatus& s);

// The confirmation shown after a step ("?done=..."), "" for an unknown one.
std::string StepNotice(std::string_view done);

}  // namespace gongkai::web::handlers
