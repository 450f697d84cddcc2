#include "service/publication_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/publication/attachment_check.h"
#include "core/publication/index_number.h"
#include "core/publication/plain_text.h"
#include "core/text.h"
#include "service/audit_service.h"
#include "service/authorize.h"
#include "service/crypto.h"
#include "service/json_views.h"
#include "service/tx.h"

namespace gongkai::service {

using publication::Content;
using publication::EventKind;
using publication::Publication;
using publication::Stage;

namespace {

constexpr std::pair<PublicationList, std::string_view> kListCodes[] = {
    {PublicationList::kAll, "all"},
    {PublicationList::kDrafts, "drafts"},
    {PublicationList::kInReview, "in_review"},
    {PublicationList::kAwaitingApproval, "awaiting_approval"},
    {PublicationList::kPublished, "published"},
    {PublicationList::kDueSoon, "due_soon"},
    {PublicationList::kOverdue, "overdue"},
    {PublicationList::kLate, "late"},
    {PublicationList::kStale, "stale"},
    {PublicationList::kWithdrawn, "withdrawn"},
};

std::string Entity(int64_t id) { return "publication:" + std::to_string(id); }

Status Stale(const Publication& p, int64_t version) {
  if (p.version == version) return OkStatus();
  return Aborted("publication " + std::to_string(p.id) + " was changed by someone else (version " +
                     std::to_string(p.version) + ", you had " + std::to_string(version) +
                     "); reload and retry",
                 "该信息已被他人修改，请刷新页面后重试（您的输入已保留）");
}

nlohmann::json ContentJson(const Content& c) {
  auto date = [](const std::optional<Date>& d) -> nlohmann::json {
    return d ? nlohmann::json(d->ToString()) : nlohmann::json(nullptr);
  };
  return {{"title", c.title},
          {"subject", c.subject},
          {"item_code", c.item_code},
          {"attribute", Code(c.attribute)},
          {"written_date", date(c.written_date)},
          {"changed_date", date(c.changed_date)},
          {"document_number", c.document_number},
          {"issuer", c.issuer},
          {"review_by", date(c.review_by)},
          {"body_sha256", Sha256Hex(c.body_html)}};
}

nlohmann::json Snapshot(const Publication& p) {
  return {{"stage", Code(p.stage)},
          {"working_version", p.working_version},
          {"live_version", p.live_version},
          {"version", p.version}};
}

publication::StepContext ContextFor(const Actor& actor, const Agency& agency, const Clock& clock) {
  publication::StepContext ctx;
  ctx.today = clock.Today();
  ctx.level = agency.level;
  ctx.by = actor.DisplayName();
  ctx.by_user_id = actor.user ? actor.user->id : 0;
  ctx.recorded_at = clock.NowRfc3339();
  return ctx;
}

Content Cleaned(Content c, const Agency& agency) {
  for (std::string* s : {&c.title, &c.subject, &c.item_code, &c.document_number, &c.issuer}) {
    *s = std::string(TrimAscii(*s));
  }
  if (c.issuer.empty()) c.issuer = agency.name;
  return c;
}

bool InList(const PublicationLine& line, PublicationList list) {
  using publication::Timeliness;
  const Stage s = line.item.stage;
  switch (list) {
    case PublicationList::kAll:
      return true;
    case PublicationList::kDrafts:
      return s == Stage::kDraft;
    case PublicationList::kInReview:
      return s == Stage::kInReview;
    case PublicationList::kAwaitingApproval:
      return s == Stage::kAwaitingApproval;
    case PublicationList::kPublished:
      return line.item.OnPortal();
    case PublicationList::kDueSoon:
      return line.timeliness.status == Timeliness::kDueSoon;
    case PublicationList::kOverdue:
      return line.timeliness.status == Timeliness::kOverdue;
    case PublicationList::kLate:
      return line.timeliness.status == Timeliness::kLate;
    case PublicationList::kStale:
      return line.stale;
    case PublicationList::kWithdrawn:
      return s == Stage::kWithdrawn;
  }
  return false;
}

}  // namespace

std::string_view Code(PublicationList l) {
  for (const auto& [list, code] : kListCodes) {
    if (list == l) return code;
  }
  return "";
}

std::optional<PublicationList> ParsePublicationList(std::string_view code) {
  for (const auto& [list, c] : kListCodes) {
    if (c == code) return list;
  }
  return std::nullopt;
}

std::string_view Label(PublicationList l) { return LabelOf("publication_list.", Code(l)); }

Result<int64_t> PublicationService::Create(const Actor& actor, int64_t agency_id, Content content,
                                           std::string index_number) {
  const std::string action = "publication.create";
  int64_t id = 0;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditPublications, agency_id));
    GK_ASSIGN_OR_RETURN(Agency agency, tx.GetAgency(agency_id));
    publication::StepContext ctx = ContextFor(actor, agency, clock_);
    index_number = std::string(TrimAscii(index_number));
    int serial_year = 0, serial_no = 0;
    if (index_number.empty()) {
      serial_year = ctx.today.year();
      GK_ASSIGN_OR_RETURN(serial_no, tx.NextPublicationSerial(agency_id, serial_year));
      std::string prefix = publication::IndexPrefix(agency.region_code, agency.id);
      index_number = publication::FormatIndexNumber(prefix, serial_year, serial_no);
    }
    GK_ASSIGN_OR_RETURN(Publication p,
                        publication::NewPublication(agency_id, index_number,
                                                    Cleaned(std::move(content), agency), ctx));
    p.serial_year = serial_year;
    p.serial_no = serial_no;
    GK_ASSIGN_OR_RETURN(id, tx.InsertPublication(p));
    nlohmann::json after = {{"index_number", p.index_number},
                            {"content", ContentJson(p.versions.front().content)}};
    return RecordChange(tx, clock_, actor, action, Entity(id), "", Dump(after));
  });
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, action, "agency:" + std::to_string(agency_id), st);
    return st;
  }
  return id;
}

Status PublicationService::Edit(const Actor& actor, int64_t id, int64_t version, Content content) {
  publication::Step step;
  step.kind = EventKind::kEdited;
  step.content = std::move(content);
  return Step(actor, id, version, std::move(step));
}

Status PublicationService::Step(const Actor& actor, int64_t id, int64_t version,
                                publication::Step step) {
  const bool edit = step.kind == EventKind::kEdited;
  const std::string action = edit ? "publication.edit" : "publication.step";
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(Publication p, tx.GetPublication(id));
    const bool leader_step = step.kind == EventKind::kApproved || step.kind == EventKind::kReturned;
    GK_RETURN_IF_ERROR(Authorize(
        tx, actor, leader_step ? Permission::kApprovePublications : Permission::kEditPublications,
        p.agency_id));
    if (step.kind == EventKind::kChannelRecorded || step.kind == EventKind::kCreated) {
      return InvalidArgument("use RecordChannel / Create for this step", "不支持的操作");
    }
    GK_RETURN_IF_ERROR(Stale(p, version));
    GK_ASSIGN_OR_RETURN(Agency agency, tx.GetAgency(p.agency_id));
    if (step.content) step.content = Cleaned(std::move(*step.content), agency);
    nlohmann::json before = Snapshot(p);
    GK_ASSIGN_OR_RETURN(Publication next,
                        publication::Apply(p, step, ContextFor(actor, agency, clock_)));
    GK_RETURN_IF_ERROR(tx.UpdatePublication(next));
    next.version = p.version + 1;
    nlohmann::json after = Snapshot(next);
    const publication::Event& ev = next.events.back();
    after["event"] = {{"kind", Code(ev.kind)}, {"version", ev.version}, {"text", ev.text}};
    if (ev.kind == EventKind::kReviewed) {
      after["event"]["reviewer"] = ev.reviewer;
      after["event"]["conclusion"] = Code(ev.conclusion);
    }
    if (edit) after["content"] = ContentJson(*step.content);
    // The portal is a channel like the others: its record is written when the item goes live.
    if (ev.kind == EventKind::kApproved && next.OnPortal()) {
      publication::ChannelRecord portal;
      portal.publication_id = id;
      portal.channel = publication::Channel::kPortal;
      portal.date = ev.date;
      portal.note = "第" + std::to_string(next.live_version) + "版";
      portal.recorded_by = ev.by;
      portal.recorded_at = ev.recorded_at;
      GK_RETURN_IF_ERROR(tx.InsertChannelRecord(portal).status());
    }
    return RecordChange(tx, clock_, actor, action, Entity(id), Dump(before), Dump(after));
  });
  if (!st.ok()) {
    nlohmann::json tried = {{"kind", Code(step.kind)}, {"text", step.text}};
    if (step.content) tried["content"] = ContentJson(*step.content);
    RecordRejected(
        store_, clock_, actor, "publication.refused", Entity(id),
        Status(st.code(), st.message() + " (tried: " + Dump(tried) + ")", st.ui_message()));
  }
  return st;
}

Result<int64_t> PublicationService::Attach(const Actor& actor, int64_t id, int64_t version,
                                           std::string file_name, std::string_view bytes) {
  const std::string action = "publication.attachment";
  int64_t attachment_id = 0;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(Publication p, tx.GetPublication(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditPublications, p.agency_id));
    GK_RETURN_IF_ERROR(Stale(p, version));
    if (p.stage != Stage::kDraft) {
      return FailedPrecondition("attachments are added to drafts only",
                                "只有草稿状态的信息可以上传附件（已发布的信息请先“更新”）");
    }
    GK_ASSIGN_OR_RETURN(std::string content_type, publication::CheckAttachment(file_name, bytes));
    publication::Attachment a;
    a.publication_id = id;
    a.version = p.working_version;
    a.file_name = file_name;
    a.content_type = content_type;
    a.size = static_cast<int64_t>(bytes.size());
    a.sha256 = Sha256Hex(bytes);
    a.uploaded_at = clock_.NowRfc3339();
    a.uploaded_by = actor.DisplayName();
    GK_ASSIGN_OR_RETURN(attachment_id, tx.InsertAttachment(a, bytes));
    // The item's version moves so a form read before the upload is stale.
    GK_RETURN_IF_ERROR(tx.UpdatePublication(p));
    nlohmann::json after = {{"attachment", attachment_id},
                            {"file_name", a.file_name},
                            {"size", a.size},
                            {"sha256", a.sha256},
                            {"content_type", a.content_type}};
    return RecordChange(tx, clock_, actor, action, Entity(id), "", Dump(after));
  });
  if (!st.ok()) {
    RecordRejected(store_, clock_, actor, "publication.refused", Entity(id),
                   Status(st.code(),
                          st.message() + " (tried: attach '" + file_name + "', " +
                              std::to_string(bytes.size()) + " bytes)",
                          st.ui_message()));
    return st;
  }
  return attachment_id;
}

Result<int64_t> PublicationService::RecordChannel(const Actor& actor, int64_t id, int64_t version,
                                                  publication::ChannelRecord record,
                                                  std::string photo_name, std::string_view photo) {
  const std::string action = "publication.channel";
  int64_t record_id = 0;
  Status st = InWrite(store_, [&](storage::Transaction& tx) -> Status {
    GK_ASSIGN_OR_RETURN(Publication p, tx.GetPublication(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kEditPublications, p.agency_id));
    GK_RETURN_IF_ERROR(Stale(p, version));
    GK_ASSIGN_OR_RETURN(Agency agency, tx.GetAgency(p.agency_id));
    publication::StepContext ctx = ContextFor(actor, agency, clock_);
    if (record.channel == publication::Channel::kPortal) {
      return InvalidArgument("the portal is recorded automatically on publication",
                             "门户网站的发布记录在审批通过时自动生成");
    }
    if (record.channel == publication::Channel::kVillageBoard &&
        agency.level != AgencyLevel::kVillage && agency.level != AgencyLevel::kTownship) {
      return InvalidArgument("village boards belong to townships and villages",
                             "村务公开栏只适用于乡镇和村");
    }
    if (record.date > ctx.today) {
      return InvalidArgument("the date is in the future", "发布日期不能晚于今天");
    }
    if (p.first_released_on && record.date < *p.first_released_on) {
      return InvalidArgument("the date is before the item was approved",
                             "发布日期不能早于信息审批发布的日期");
    }
    record.link = std::string(TrimAscii(record.link));
    record.place = std::string(TrimAscii(record.place));
    record.note = std::string(TrimAscii(record.note));
    const bool online = record.channel == publication::Channel::kWechat ||
                        record.channel == publication::Channel::kNewMedia;
    if (online &&
        !(record.link.rfind("https://", 0) == 0 || record.link.rfind("http://", 0) == 0)) {
      return InvalidArgument("a WeChat or new-media post needs its link (http:// or https://)",
                             "请填写微信或新媒体文章的链接（以 http:// 或 https:// 开头）");
    }
    const bool board = record.channel == publication::Channel::kBulletinBoard ||
                       record.channel == publication::Channel::kVillageBoard;
    if (board && record.place.empty()) {
      return InvalidArgument("a board posting needs the place", "请填写张贴地点");
    }
    for (const std::string* s : {&record.link, &record.place, &record.note}) {
      GK_RETURN_IF_ERROR(CheckText(*s, 0, 500, "channel record", "发布记录"));
    }
    publication::Step step;
    step.kind = EventKind::kChannelRecorded;
    step.channel = record.channel;
    step.text = std::string(Label(record.channel)) + " " + record.date.ToString();
    GK_ASSIGN_OR_RETURN(Publication next, publication::Apply(p, step, ctx));
    if (!photo.empty()) {
      GK_ASSIGN_OR_RETURN(std::string type, publication::CheckAttachment(photo_name, photo));
      if (type != "image/jpeg" && type != "image/png") {
        return InvalidArgument("the photo must be a JPEG or PNG image",
                               "现场照片只能是 JPEG 或 PNG 图片");
      }
      publication::Attachment a;
      a.publication_id = id;
      a.version = std::max(1, p.live_version);
      a.file_name = photo_name;
      a.content_type = type;
      a.size = static_cast<int64_t>(photo.size());
      a.sha256 = Sha256Hex(photo);
      a.uploaded_at = ctx.recorded_at;
      a.uploaded_by = ctx.by;
      // Evidence photos are not part of the published text: the portal leaves out any file a
      // channel record names.
      GK_ASSIGN_OR_RETURN(record.photo_attachment_id, tx.InsertAttachment(a, photo));
    }
    record.publication_id = id;
    record.recorded_by = ctx.by;
    record.recorded_at = ctx.recorded_at;
    GK_ASSIGN_OR_RETURN(record_id, tx.InsertChannelRecord(record));
    GK_RETURN_IF_ERROR(tx.UpdatePublication(next));
    nlohmann::json after = {{"record", record_id},
                            {"channel", Code(record.channel)},
                            {"date", record.date.ToString()},
                            {"link", record.link},
                            {"place", record.place},
                            {"photo", record.photo_attachment_id}};
    return RecordChange(tx, clock_, actor, action, Entity(id), "", Dump(after));
  });
  if (!st.ok()) {
    RecordRejected(
        store_, clock_, actor, "publication.refused", Entity(id),
        Status(st.code(),
               st.message() + " (tried: channel " + std::string(Code(record.channel)) + ")",
               st.ui_message()));
    return st;
  }
  return record_id;
}

Result<PublicationView> PublicationService::Get(const Actor& actor, int64_t id) {
  GK_ASSIGN_OR_RETURN(auto cal, Calendar());
  return InRead(store_, [&](storage::Transaction& tx) -> Result<PublicationView> {
    PublicationView v;
    GK_ASSIGN_OR_RETURN(v.item, tx.GetPublication(id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, v.item.agency_id));
    GK_ASSIGN_OR_RETURN(v.agency, tx.GetAgency(v.item.agency_id));
    GK_ASSIGN_OR_RETURN(v.attachments, tx.ListAttachments(id));
    GK_ASSIGN_OR_RETURN(v.channels, tx.ListChannelRecords(id));
    const Date today = clock_.Today();
    v.timeliness = publication::TimelinessOf(v.item, *cal, today);
    v.stale = publication::IsStale(v.item, today);
    v.allowed = publication::AllowedSteps(v.item);
    return v;
  });
}

Result<std::vector<PublicationLine>> PublicationService::List(const Actor& actor,
                                                              const PublicationListQuery& q) {
  GK_ASSIGN_OR_RETURN(auto cal, Calendar());
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::vector<PublicationLine>> {
    storage::PublicationFilter f;
    GK_ASSIGN_OR_RETURN(f.agency_ids, VisibleScope(tx, actor, q.agency_id));
    f.item_code = q.item_code;
    f.limit = 100000;  // the register of one agency tree; lists are filtered below
    switch (q.list) {
      case PublicationList::kDrafts:
        f.stages = {Stage::kDraft};
        break;
      case PublicationList::kInReview:
        f.stages = {Stage::kInReview};
        break;
      case PublicationList::kAwaitingApproval:
        f.stages = {Stage::kAwaitingApproval};
        break;
      case PublicationList::kWithdrawn:
        f.stages = {Stage::kWithdrawn};
        break;
      case PublicationList::kDueSoon:
      case PublicationList::kOverdue:
        f.stages = {Stage::kDraft, Stage::kInReview, Stage::kAwaitingApproval};
        break;
      case PublicationList::kStale:
        f.review_by_before = clock_.Today();
        break;
      default:
        break;
    }
    GK_ASSIGN_OR_RETURN(std::vector<Publication> items, tx.ListPublications(f));
    const Date today = clock_.Today();
    std::vector<PublicationLine> out;
    for (Publication& p : items) {
      PublicationLine line;
      line.timeliness = publication::TimelinessOf(p, *cal, today);
      line.stale = publication::IsStale(p, today);
      line.item = std::move(p);
      if (!InList(line, q.list)) continue;
      out.push_back(std::move(line));
      if (static_cast<int>(out.size()) >= q.limit) break;
    }
    return out;
  });
}

Result<std::vector<std::pair<PublicationList, int64_t>>> PublicationService::Counts(
    const Actor& actor, int64_t agency_id) {
  PublicationListQuery q;
  q.agency_id = agency_id;
  q.limit = 1000000;
  GK_ASSIGN_OR_RETURN(std::vector<PublicationLine> all, List(actor, q));
  std::vector<std::pair<PublicationList, int64_t>> out;
  for (PublicationList l : kAllPublicationLists) {
    out.emplace_back(l, std::count_if(all.begin(), all.end(), [&](const PublicationLine& line) {
                       return InList(line, l);
                     }));
  }
  return out;
}

Result<publication::Attachment> PublicationService::AttachmentForStaff(const Actor& actor,
                                                                       int64_t attachment_id,
                                                                       std::string* data) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<publication::Attachment> {
    GK_ASSIGN_OR_RETURN(publication::Attachment a, tx.GetAttachment(attachment_id, data));
    GK_ASSIGN_OR_RETURN(Publication p, tx.GetPublication(a.publication_id));
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, p.agency_id));
    return a;
  });
}

Result<std::vector<storage::ChannelCount>> PublicationService::ChannelCounts(int64_t agency_id,
                                                                             int year) {
  return InRead(store_,
                [&](storage::Transaction& tx) { return tx.CountChannelRecords(agency_id, year); });
}

Result<PortalItem> PublicationService::Portal(int64_t id) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<PortalItem> {
    PortalItem out;
    GK_ASSIGN_OR_RETURN(out.item, tx.GetPublication(id));
    if (out.item.stage == Stage::kWithdrawn && out.item.live_version > 0) {
      return FailedPrecondition(
          "publication " + std::to_string(id) + " was withdrawn",
          "该信息已于" + (out.item.withdrawn_on ? out.item.withdrawn_on->ToString() : "") +
              "撤回，不再公开");
    }
    if (!out.item.OnPortal()) {
      return NotFound("publication " + std::to_string(id) + " is not published",
                      "未找到该公开信息");
    }
    out.item.events.clear();
    // Only published versions leave the building.
    std::erase_if(out.item.versions,
                  [&](const publication::Version& v) { return v.number > out.item.live_version; });
    out.live = out.item.Live();
    if (out.item.live_version > 1 && out.live->released_on != out.item.first_released_on) {
      out.updated_on = out.live->released_on;
    }
    GK_ASSIGN_OR_RETURN(out.agency, tx.GetAgency(out.item.agency_id));
    GK_ASSIGN_OR_RETURN(std::vector<publication::Attachment> files, tx.ListAttachments(id));
    std::vector<int64_t> photos;
    GK_ASSIGN_OR_RETURN(std::vector<publication::ChannelRecord> channels,
                        tx.ListChannelRecords(id));
    for (const auto& c : channels) photos.push_back(c.photo_attachment_id);
    for (auto& f : files) {
      if (f.version > out.item.live_version) continue;
      if (std::find(photos.begin(), photos.end(), f.id) != photos.end()) continue;
      out.attachments.push_back(std::move(f));
    }
    return out;
  });
}

Result<PortalColumn> PublicationService::Column(const PortalColumnQuery& q) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<PortalColumn> {
    PortalColumn out;
    GK_ASSIGN_OR_RETURN(out.agency, tx.GetAgency(q.agency_id));
    storage::PublicationFilter f;
    f.agency_ids = {q.agency_id};
    f.on_portal = true;
    f.item_code = q.item_code;
    f.subject = q.subject;
    f.year = q.year;
    f.limit = std::clamp(q.per_page, 1, 100);
    f.offset = (std::max(q.page, 1) - 1) * f.limit;
    GK_ASSIGN_OR_RETURN(out.items, tx.ListPublications(f));
    GK_ASSIGN_OR_RETURN(out.total, tx.CountPublications(f));
    GK_ASSIGN_OR_RETURN(out.item_counts, tx.CountPortalItems(q.agency_id));
    for (Publication& p : out.items) {
      std::erase_if(p.versions,
                    [&](const publication::Version& v) { return v.number != p.live_version; });
    }
    // Years with items: from the first release of the oldest to this year (cheap, few).
    storage::PublicationFilter oldest;
    oldest.agency_ids = {q.agency_id};
    oldest.on_portal = true;
    oldest.limit = 1;
    GK_ASSIGN_OR_RETURN(int64_t n, tx.CountPublications(oldest));
    if (n > 0) {
      oldest.offset = static_cast<int>(n - 1);
      GK_ASSIGN_OR_RETURN(std::vector<Publication> last, tx.ListPublications(oldest));
      int from = last.empty() || !last.front().first_released_on
                     ? clock_.Today().year()
                     : last.front().first_released_on->year();
      for (int y = clock_.Today().year(); y >= from; --y) out.years.push_back(y);
    }
    return out;
  });
}

Result<PortalFeed> PublicationService::Feed(int64_t agency_id, int limit) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<PortalFeed> {
    PortalFeed out;
    GK_ASSIGN_OR_RETURN(out.agency, tx.GetAgency(agency_id));
    storage::PublicationFilter f;
    f.agency_ids = {agency_id};
    f.on_portal = true;
    f.limit = std::clamp(limit, 1, 100);
    GK_ASSIGN_OR_RETURN(std::vector<Publication> lines, tx.ListPublications(f));
    for (const Publication& line : lines) {
      GK_ASSIGN_OR_RETURN(Publication p, tx.GetPublication(line.id));
      p.events.clear();
      std::erase_if(p.versions,
                    [&](const publication::Version& v) { return v.number != p.live_version; });
      if (p.versions.empty()) continue;
      out.items.push_back(std::move(p));
    }
    return out;
  });
}

Result<publication::Attachment> PublicationService::PortalAttachment(int64_t attachment_id,
                                                                     std::string* data) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<publication::Attachment> {
    Status missing =
        NotFound("attachment " + std::to_string(attachment_id) + " is not public", "未找到该附件");
    auto a = tx.GetAttachment(attachment_id, data);
    if (!a.ok()) return a.status().code() == StatusCode::kNotFound ? missing : a.status();
    GK_ASSIGN_OR_RETURN(Publication p, tx.GetPublication(a->publication_id));
    if (!p.OnPortal() || a->version > p.live_version) return missing;
    GK_ASSIGN_OR_RETURN(std::vector<publication::ChannelRecord> channels,
                        tx.ListChannelRecords(p.id));
    for (const auto& c : channels) {
      if (c.photo_attachment_id == attachment_id) return missing;  // evidence, not publication
    }
    return *a;
  });
}

Result<SearchResults> PublicationService::Search(std::string_view text, int64_t agency_id,
                                                 int page) {
  SearchResults out;
  out.plan = search::PlanQuery(text);
  out.page = std::max(page, 1);
  if (out.plan.empty()) return out;
  return InRead(store_, [&](storage::Transaction& tx) -> Result<SearchResults> {
    storage::PublicationQuery q;
    if (agency_id > 0) {
      GK_ASSIGN_OR_RETURN(q.agency_ids, SubtreeIds(tx, agency_id));
    }
    q.text = std::string(text);
    q.limit = out.per_page;
    q.offset = (out.page - 1) * out.per_page;
    GK_ASSIGN_OR_RETURN(storage::PublicationHits hits, tx.SearchPublications(q));
    out.total = hits.total;
    out.more = hits.more;
    std::map<int64_t, std::string> agency_names;
    for (int64_t id : hits.ids) {
      GK_ASSIGN_OR_RETURN(Publication p, tx.GetPublication(id));
      const publication::Version* live = p.Live();
      if (live == nullptr) continue;
      SearchHit h;
      h.id = id;
      h.agency_id = p.agency_id;
      auto name = agency_names.find(p.agency_id);
      if (name == agency_names.end()) {
        GK_ASSIGN_OR_RETURN(Agency a, tx.GetAgency(p.agency_id));
        name =
            agency_names.emplace(p.agency_id, a.short_name.empty() ? a.name : a.short_name).first;
      }
      h.agency_name = name->second;
      h.index_number = p.index_number;
      h.title = live->content.title;
      h.released_on = p.first_released_on;
      h.title_match = search::Contains(h.title, out.plan);
      h.title_pieces = search::Snippet(h.title, out.plan, 200);
      h.snippet =
          search::Snippet(publication::PlainTextOfHtml(live->content.body_html), out.plan, 120);
      out.hits.push_back(std::move(h));
    }
    return out;
  });
}

}  // namespace gongkai::service
