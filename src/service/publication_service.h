// Proactive disclosure use cases (主动公开): the clerk drafts items with catalogue metadata, the
// confidentiality review is recorded, the leader approves (publishing on the portal) or returns
// them; published items are revised (a new version through the same steps) or withdrawn; every
// channel an item went out on is recorded. The public reads the portal column, item pages and
// feeds, and searches. Every change is one version-guarded write and audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/agency.h"
#include "core/publication/publication.h"
#include "core/publication/timeliness.h"
#include "core/publication/workflow.h"
#include "core/search/search.h"
#include "service/actor.h"
#include "service/calendar_service.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

// One item as the back office shows it.
struct PublicationView {
  publication::Publication item;
  Agency agency;
  publication::TimelinessInfo timeliness;
  bool stale = false;
  std::vector<publication::Attachment> attachments;
  std::vector<publication::ChannelRecord> channels;
  std::vector<publication::EventKind> allowed;  // steps the item allows now (not who may)
};

struct PublicationLine {
  publication::Publication item;  // without bodies and events
  publication::TimelinessInfo timeliness;
  bool stale = false;
};

enum class PublicationList {
  kAll,
  kDrafts,            // being written (incl. returned ones and revisions)
  kInReview,          // awaiting the confidentiality review
  kAwaitingApproval,  // awaiting the leader
  kPublished,         // on the portal
  kDueSoon,           // not yet published, Art. 26 date within 5 working days
  kOverdue,           // not yet published, past the Art. 26 date
  kLate,              // published after the Art. 26 date
  kStale,             // on the portal and past its review-by date
  kWithdrawn,
};
inline constexpr std::array kAllPublicationLists = {
    PublicationList::kAll,       PublicationList::kDrafts,
    PublicationList::kInReview,  PublicationList::kAwaitingApproval,
    PublicationList::kPublished, PublicationList::kDueSoon,
    PublicationList::kOverdue,   PublicationList::kLate,
    PublicationList::kStale,     PublicationList::kWithdrawn};
std::string_view Code(PublicationList l);
std::optional<PublicationList> ParsePublicationList(std::string_view code);
std::string_view Label(PublicationList l);

struct PublicationListQuery {
  int64_t agency_id = 0;  // 0: the actor's agency; its subtree is included
  PublicationList list = PublicationList::kAll;
  std::string item_code;
  int limit = 500;
};

// The portal's view of a live item: the published version only.
struct PortalItem {
  publication::Publication item;  // with versions; events dropped
  const publication::Version* live = nullptr;
  Agency agency;
  std::vector<publication::Attachment> attachments;  // those of published versions
  std::optional<Date> updated_on;                    // release of the live version, if revised
};

struct PortalColumn {
  Agency agency;
  std::vector<publication::Publication> items;  // live versions only, newest first
  int64_t total = 0;
  std::vector<std::pair<std::string, int64_t>> item_counts;  // per catalogue item code
  std::vector<int> years;                                    // years with items, newest first
};

// The newest live items of one agency with their live version's body, for feeds.
struct PortalFeed {
  Agency agency;
  std::vector<publication::Publication> items;  // newest first; versions: the live one only
};

struct PortalColumnQuery {
  int64_t agency_id = 0;
  std::string item_code;
  std::string subject;
  int year = 0;
  int page = 1;
  int per_page = 20;
};

struct SearchHit {
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string agency_name;
  std::string index_number;
  std::string title;
  std::optional<Date> released_on;
  bool title_match = false;
  std::vector<search::SnippetPiece> title_pieces;
  std::vector<search::SnippetPiece> snippet;
};

struct SearchResults {
  search::QueryPlan plan;
  int64_t total = 0;  // at most storage::PublicationQuery::count_limit; pages end there
  bool more = false;  // more items match than `total`
  int page = 1;
  int per_page = 20;
  std::vector<SearchHit> hits;
};

class PublicationService {
 public:
  PublicationService(storage::Store& store, const Clock& clock, CalendarService& calendar)
      : store_(store), clock_(clock), calendar_(calendar) {}

  // A new draft. An empty index number is generated ({division code}/{year}-{serial:05}); a typed
  // one must be well formed and unused. The body is sanitised by the caller (io/html_sanitize).
  Result<int64_t> Create(const Actor& actor, int64_t agency_id, publication::Content content,
                         std::string index_number = "");
  // Replaces the working version's content (drafts only).
  Status Edit(const Actor& actor, int64_t id, int64_t version, publication::Content content);
  // Every other step (submit, review, approve, return, revise, withdraw). Approving and returning
  // need the leader; the rest the clerk or admin.
  Status Step(const Actor& actor, int64_t id, int64_t version, publication::Step step);
  // A file attached to the working version (checked by type, content and size).
  Result<int64_t> Attach(const Actor& actor, int64_t id, int64_t version, std::string file_name,
                         std::string_view bytes);
  // Records that a live item went out on a channel (not the portal: that one is automatic). A
  // photo, when given, is kept as an attachment of the item and linked as evidence.
  Result<int64_t> RecordChannel(const Actor& actor, int64_t id, int64_t version,
                                publication::ChannelRecord record, std::string photo_name = "",
                                std::string_view photo = {});

  Result<PublicationView> Get(const Actor& actor, int64_t id);
  Result<std::vector<PublicationLine>> List(const Actor& actor, const PublicationListQuery& query);
  // Tab counts of the lists for the actor's scope.
  Result<std::vector<std::pair<PublicationList, int64_t>>> Counts(const Actor& actor,
                                                                  int64_t agency_id);
  // An attachment's bytes for staff (any version).
  Result<publication::Attachment> AttachmentForStaff(const Actor& actor, int64_t attachment_id,
                                                     std::string* data);
  // What went out on each channel in `year` (for the annual report's narrative).
  Result<std::vector<storage::ChannelCount>> ChannelCounts(int64_t agency_id, int year);

  // The public portal.
  Result<PortalItem> Portal(int64_t id);
  Result<PortalColumn> Column(const PortalColumnQuery& query);
  // At most `limit` (1–100) of the agency's newest live items, with bodies (Atom and LED feeds).
  Result<PortalFeed> Feed(int64_t agency_id, int limit);
  // An attachment of a published version of a live item; NotFound otherwise.
  Result<publication::Attachment> PortalAttachment(int64_t attachment_id, std::string* data);
  // Exact substring search of live items (agency 0: all agencies; else the agency's subtree).
  Result<SearchResults> Search(std::string_view text, int64_t agency_id, int page);

 private:
  Result<std::shared_ptr<const WorkingCalendar>> Calendar() { return calendar_.Current(); }
  storage::Store& store_;
  const Clock& clock_;
  CalendarService& calendar_;
};

}  // namespace gongkai::service
