// View models of the proactive-disclosure register: a line of the back-office list, the item page
// (metadata, body, versions, history, Art. 26, attachments, channels and the step forms the item
// and the user's role allow), and the public item page.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/user.h"
#include "service/publication_service.h"
#include "web/app/step_form.h"

namespace gongkai::web {

// "2026-01-31"; "" for none.
std::string IsoDate(const std::optional<Date>& d);
// "1.2 MB", "35 KB".
std::string FileSize(int64_t bytes);

// The Art. 26 column/panel: due date, days left or overdue, status label and class, provisional.
nlohmann::json TimelinessModel(const publication::TimelinessInfo& t);

nlohmann::json PublicationLineModel(const service::PublicationLine& line);

// A step form sent back refused: which form, what was typed, why.
using PublicationStepInput = StepFormInput;  // action: "submitted", "reviewed", …, "channel"

struct PublicationPageContext {
  const User* user = nullptr;
  Date today;
  const PublicationStepInput* input = nullptr;
};

nlohmann::json PublicationPageModel(const service::PublicationView& v,
                                    const PublicationPageContext& ctx);

// The public page of a live item.
nlohmann::json PortalItemModel(const service::PortalItem& p);

}  // namespace gongkai::web
