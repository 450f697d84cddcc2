// The register's workflow as pure transitions (Art. 17: review before publication; the seed
// agency's 主管领导把关审批; Art. 26: updates). Apply() checks that a step may happen to the item
// as it stands and returns the item with the step's event appended and its stage updated; nothing
// changes when it refuses. Who may take a step (only the leader approves or returns) is the
// service's check; what the content must contain is ValidateContent's.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/field_error.h"
#include "core/publication/publication.h"
#include "core/status.h"
#include "core/terms.h"

namespace gongkai::publication {

struct StepContext {
  Date today;
  AgencyLevel level = AgencyLevel::kTownship;  // the agency's, for the catalogue items it may use
  std::string by;
  int64_t by_user_id = 0;
  std::string recorded_at;
};

struct Step {
  EventKind kind = EventKind::kEdited;
  std::optional<Content> content;  // kEdited
  std::string reviewer;            // kReviewed
  ReviewConclusion conclusion = ReviewConclusion::kPass;
  std::optional<Channel> channel;  // kChannelRecorded
  std::string text;  // review opinion, return comment, withdrawal reason, channel note
};

// Problems with a version's content. A draft may be incomplete (`complete` false: only what is
// there is checked); what goes to review must be complete. A revision of a published item must
// say when the information changed (Art. 26's clock for updates).
std::vector<FieldError> ValidateContent(const Content& content, const StepContext& ctx,
                                        bool complete, bool revision);

// A new draft (version 1, event kCreated). The index number is the caller's (generated or typed;
// ValidateIndexNumber checks its form, the store its uniqueness).
Result<Publication> NewPublication(int64_t agency_id, std::string index_number, Content content,
                                   const StepContext& ctx);

Result<Publication> Apply(const Publication& item, const Step& step, const StepContext& ctx);

// The steps the item allows now, for the page to offer (kEdited included when editable).
std::vector<EventKind> AllowedSteps(const Publication& item);

}  // namespace gongkai::publication
