// Stable codes and UI labels of the publication enums (labels come from core/terms.cc).
#include "core/publication/publication.h"

namespace gongkai::publication {

std::string_view Code(Stage v) {
  switch (v) {
    case Stage::kDraft:
      return "draft";
    case Stage::kInReview:
      return "in_review";
    case Stage::kAwaitingApproval:
      return "awaiting_approval";
    case Stage::kPublished:
      return "published";
    case Stage::kCatalogued:
      return "catalogued";
    case Stage::kWithdrawn:
      return "withdrawn";
  }
  return "";
}

std::string_view Code(Attribute v) {
  switch (v) {
    case Attribute::kProactive:
      return "proactive";
    case Attribute::kOnRequest:
      return "on_request";
    case Attribute::kWithheld:
      return "withheld";
  }
  return "";
}

std::string_view Code(ReviewConclusion v) {
  switch (v) {
    case ReviewConclusion::kPass:
      return "pass";
    case ReviewConclusion::kFail:
      return "fail";
  }
  return "";
}

std::string_view Code(Channel v) {
  switch (v) {
    case Channel::kPortal:
      return "portal";
    case Channel::kWechat:
      return "wechat";
    case Channel::kNewMedia:
      return "new_media";
    case Channel::kLed:
      return "led";
    case Channel::kBulletinBoard:
      return "bulletin_board";
    case Channel::kVillageBoard:
      return "village_board";
  }
  return "";
}

std::string_view Code(EventKind v) {
  switch (v) {
    case EventKind::kCreated:
      return "created";
    case EventKind::kEdited:
      return "edited";
    case EventKind::kSubmitted:
      return "submitted";
    case EventKind::kReviewed:
      return "reviewed";
    case EventKind::kApproved:
      return "approved";
    case EventKind::kReturned:
      return "returned";
    case EventKind::kRevisionStarted:
      return "revision_started";
    case EventKind::kWithdrawn:
      return "withdrawn";
    case EventKind::kChannelRecorded:
      return "channel_recorded";
  }
  return "";
}

std::optional<Stage> ParseStage(std::string_view code) { return ParseCode(kAllStages, code); }
std::optional<Attribute> ParseAttribute(std::string_view code) {
  return ParseCode(kAllAttributes, code);
}
std::optional<ReviewConclusion> ParseReviewConclusion(std::string_view code) {
  constexpr std::array kAll = {ReviewConclusion::kPass, ReviewConclusion::kFail};
  return ParseCode(kAll, code);
}
std::optional<Channel> ParseChannel(std::string_view code) { return ParseCode(kAllChannels, code); }
std::optional<EventKind> ParseEventKind(std::string_view code) {
  return ParseCode(kAllEventKinds, code);
}

std::string_view Label(Stage v) { return LabelOf("publication_stage.", Code(v)); }
std::string_view Label(Attribute v) { return LabelOf("disclosure_attribute.", Code(v)); }
std::string_view Label(Channel v) { return LabelOf("channel.", Code(v)); }
std::string_view Label(EventKind v) { return LabelOf("publication_event.", Code(v)); }

const Version* Publication::Working() const {
  for (const Version& v : versions) {
    if (v.number == working_version) return &v;
  }
  return nullptr;
}

const Version* Publication::Live() const {
  for (const Version& v : versions) {
    if (v.number == live_version) return &v;
  }
  return nullptr;
}

}  // namespace gongkai::publication
