// Proactive disclosure (主动公开, 《政府信息公开条例》 Art. 19-26): an item of the disclosure
// register (a Publication), its versions and its history.
//
// An item has one working version that moves draft → review (保密审查, Art. 17) → leader approval
// (主管领导把关审批) → published. A published item can be revised: the revision is a new working
// version that goes through review and approval again while the published one stays on the portal;
// every published version is kept. Withdrawal takes the item off the portal; the record stays.
// Items whose 公开属性 is not 主动公开 are approved into the catalogue, never onto the portal.
//
// Callers may rely on: every enum has a stable code (stored and exposed) and a label in terms.cc.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/terms.h"

namespace gongkai::publication {

// Where the working version stands. kPublished: live with no pending revision.
enum class Stage { kDraft, kInReview, kAwaitingApproval, kPublished, kCatalogued, kWithdrawn };
inline constexpr std::array kAllStages = {
    Stage::kDraft,     Stage::kInReview,   Stage::kAwaitingApproval,
    Stage::kPublished, Stage::kCatalogued, Stage::kWithdrawn};

// 公开属性.
enum class Attribute { kProactive, kOnRequest, kWithheld };
inline constexpr std::array kAllAttributes = {Attribute::kProactive, Attribute::kOnRequest,
                                              Attribute::kWithheld};

// 保密审查 conclusion.
enum class ReviewConclusion { kPass, kFail };

// Where an item went out (Art. 23-25). kPortal is recorded automatically on publication.
enum class Channel { kPortal, kWechat, kNewMedia, kLed, kBulletinBoard, kVillageBoard };
inline constexpr std::array kAllChannels = {Channel::kPortal,        Channel::kWechat,
                                            Channel::kNewMedia,      Channel::kLed,
                                            Channel::kBulletinBoard, Channel::kVillageBoard};

enum class EventKind {
  kCreated,
  kEdited,
  kSubmitted,        // sent to confidentiality review
  kReviewed,         // `reviewer`, `conclusion`, opinion in `text`
  kApproved,         // by the leader; publishes (or catalogues) the working version
  kReturned,         // by the leader, comment in `text`; back to draft
  kRevisionStarted,  // a new working version of a published item
  kWithdrawn,        // reason in `text`
  kChannelRecorded,  // `channel`, details in `text`
};
inline constexpr std::array kAllEventKinds = {
    EventKind::kCreated,         EventKind::kEdited,    EventKind::kSubmitted,
    EventKind::kReviewed,        EventKind::kApproved,  EventKind::kReturned,
    EventKind::kRevisionStarted, EventKind::kWithdrawn, EventKind::kChannelRecorded};

// The catalogue metadata and body of one version.
struct Content {
  std::string title;
  std::string subject;    // 主题分类 code (catalogue.h)
  std::string item_code;  // Art. 20 / Art. 21 / village item code (catalogue.h)
  Attribute attribute = Attribute::kProactive;
  std::optional<Date> written_date;  // 成文日期: starts the Art. 26 clock
  std::optional<Date> changed_date;  // a revision: the day the information changed (Art. 26)
  std::string document_number;       // 发文字号, optional
  std::string issuer;                // 公开主体 (defaults to the agency's name)
  std::string body_html;             // sanitised rich text
  std::optional<Date> review_by;     // 复核日期: when the content must be checked again
  bool operator==(const Content&) const = default;
};

struct Version {
  int number = 1;
  Content content;
  std::optional<Date> released_on;  // 发布日期: set when the leader approves
  std::string created_at;
  std::string created_by;
};

struct Event {
  int seq = 0;
  EventKind kind = EventKind::kCreated;
  int version = 0;  // the working version the event concerns
  Date date;        // the civil date of the event
  std::string recorded_at;
  std::string by;
  int64_t by_user_id = 0;
  std::string reviewer;  // kReviewed: who reviewed (may differ from who recorded it)
  ReviewConclusion conclusion = ReviewConclusion::kPass;
  std::optional<Channel> channel;
  std::string text;
};

struct Attachment {
  int64_t id = 0;
  int64_t publication_id = 0;
  int version = 1;  // the version it was added to; the portal shows those up to the live one
  std::string file_name;
  std::string content_type;
  int64_t size = 0;
  std::string sha256;
  std::string uploaded_at;
  std::string uploaded_by;
};

// One record of an item going out on a channel.
struct ChannelRecord {
  int64_t id = 0;
  int64_t publication_id = 0;
  Channel channel = Channel::kPortal;
  Date date;
  std::string link;   // WeChat / new media: the post's address
  std::string place;  // boards: where it was posted
  std::string note;
  int64_t photo_attachment_id = 0;  // optional photo as evidence (0: none)
  std::string recorded_by;
  std::string recorded_at;
};

struct Publication {
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string index_number;  // 索引号, unique
  int serial_year = 0;       // a generated index number's year and serial; 0 when typed
  int serial_no = 0;
  Stage stage = Stage::kDraft;
  int working_version = 1;  // the version being edited / reviewed (== live_version when none)
  int live_version = 0;     // the version on the portal; 0 = never published
  std::optional<Date> first_released_on;
  std::optional<Date> withdrawn_on;
  std::vector<Version> versions;  // by number, 1..n
  std::vector<Event> events;      // by seq
  std::string created_at;
  int64_t version = 0;  // optimistic concurrency (row version)

  const Version* Working() const;
  const Version* Live() const;
  bool OnPortal() const { return live_version > 0 && stage != Stage::kWithdrawn; }
  bool RevisionPending() const {
    return live_version > 0 && working_version > live_version && stage != Stage::kWithdrawn;
  }
};

std::string_view Code(Stage v);
std::string_view Code(Attribute v);
std::string_view Code(ReviewConclusion v);
std::string_view Code(Channel v);
std::string_view Code(EventKind v);
std::optional<Stage> ParseStage(std::string_view code);
std::optional<Attribute> ParseAttribute(std::string_view code);
std::optional<ReviewConclusion> ParseReviewConclusion(std::string_view code);
std::optional<Channel> ParseChannel(std::string_view code);
std::optional<EventKind> ParseEventKind(std::string_view code);
std::string_view Label(Stage v);
std::string_view Label(Attribute v);
std::string_view Label(Channel v);
std::string_view Label(EventKind v);

}  // namespace gongkai::publication
