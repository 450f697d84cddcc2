#include "web/app/publication_models.h"

#include <algorithm>
#include <cstdio>

#include "core/publication/catalogue.h"
#include "web/app/application_models.h"
#include "web/app/models.h"

namespace gongkai::web {

namespace pub = publication;

namespace {

std::string S(std::string_view v) { return std::string(v); }

std::string ItemLabel(const std::string& code) {
  for (const pub::CatalogueItem& i : pub::AllCatalogueItems()) {
    if (i.code == code) return S(i.label());
  }
  return code;
}

std::string SubjectText(const std::string& code) {
  return pub::IsSubject(code) ? S(pub::SubjectLabel(code)) : code;
}

// The metadata of a version as label/value rows (empty values left out).
nlohmann::json MetaRows(const pub::Publication& p, const pub::Content& c) {
  nlohmann::json rows = nlohmann::json::array();
  auto add = [&](const char* label, const std::string& value) {
    if (!value.empty()) rows.push_back({{"label", label}, {"value", value}});
  };
  add("索引号", p.index_number);
  add("主题分类", SubjectText(c.subject));
  add("公开事项", c.item_code.empty() ? "" : ItemLabel(c.item_code));
  add("公开属性", S(pub::Label(c.attribute)));
  add("公开主体", c.issuer);
  add("发文字号", c.document_number);
  add("成文日期", IsoDate(c.written_date));
  add("信息变更日期", IsoDate(c.changed_date));
  add("复核日期", IsoDate(c.review_by));
  return rows;
}

bool Allows(const service::PublicationView& v, pub::EventKind k) {
  return std::find(v.allowed.begin(), v.allowed.end(), k) != v.allowed.end();
}

}  // namespace

std::string IsoDate(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

std::string FileSize(int64_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
  }
  return buf;
}

nlohmann::json TimelinessModel(const pub::TimelinessInfo& t) {
  using pub::Timeliness;
  std::string note, cls;
  switch (t.status) {
    case Timeliness::kPending:
    case Timeliness::kDueSoon:
    case Timeliness::kOverdue:
      note = DaysLeftText(t.working_days_left);
      cls = t.status == Timeliness::kOverdue   ? "overdue"
            : t.status == Timeliness::kDueSoon ? "soon"
                                               : "ok";
      break;
    case Timeliness::kLate:
      note = S(pub::Label(t.status));
      cls = "overdue";
      break;
    case Timeliness::kOnTime:
      note = S(pub::Label(t.status));
      cls = "ok";
      break;
    case Timeliness::kNoDate:
    case Timeliness::kNotApplicable:
      note = S(pub::Label(t.status));
      break;
  }
  return {{"date", IsoDate(t.due)},
          {"start", IsoDate(t.start)},
          {"long_due", LongDate(t.due)},
          {"long_start", LongDate(t.start)},
          {"note", note},
          {"cls", cls},
          {"status", S(pub::Label(t.status))},
          {"status_code", S(pub::Code(t.status))},
          {"provisional", t.provisional}};
}

nlohmann::json PublicationLineModel(const service::PublicationLine& line) {
  const pub::Publication& p = line.item;
  const pub::Version* w = p.Working();
  const pub::Content empty;
  const pub::Content& c = w ? w->content : empty;
  return {{"url", "/admin/publications/" + std::to_string(p.id)},
          {"index_number", p.index_number},
          {"title", c.title.empty() ? "（未填标题）" : c.title},
          {"item", c.item_code.empty() ? "" : ItemLabel(c.item_code)},
          {"item_code", c.item_code},
          {"stage", S(pub::Label(p.stage))},
          {"stage_code", S(pub::Code(p.stage))},
          {"revision", p.RevisionPending()},
          {"working_version", p.working_version},
          {"written", IsoDate(c.written_date)},
          {"released", IsoDate(p.first_released_on)},
          {"stale", line.stale},
          {"due", TimelinessModel(line.timeliness)}};
}

nlohmann::json PublicationPageModel(const service::PublicationView& v,
                                    const PublicationPageContext& ctx) {
  const pub::Publication& p = v.item;
  const pub::Version* w = p.Working();
  const pub::Version* live = p.Live();
  const std::string base = "/admin/publications/" + std::to_string(p.id);
  const std::string today = ctx.today.ToString();

  nlohmann::json versions = nlohmann::json::array();
  for (const pub::Version& ver : p.versions) {
    versions.push_back(
        {{"number", ver.number},
         {"title", ver.content.title},
         {"released", IsoDate(ver.released_on)},
         {"created_by", ver.created_by},
         {"created_at", BeijingTime(ver.created_at)},
         {"live", ver.number == p.live_version && p.OnPortal()},
         {"working", ver.number == p.working_version && p.stage != pub::Stage::kPublished &&
                         p.stage != pub::Stage::kWithdrawn}});
  }
  nlohmann::json events = nlohmann::json::array();
  for (auto it = p.events.rbegin(); it != p.events.rend(); ++it) {
    const pub::Event& e = *it;
    nlohmann::json j = {{"date", e.date.ToString()},
                        {"at", BeijingTime(e.recorded_at)},
                        {"label", S(pub::Label(e.kind))},
                        {"kind", S(pub::Code(e.kind))},
                        {"by", e.by},
                        {"version", e.version},
                        {"text", e.text},
                        {"reviewer", nullptr},
                        {"conclusion", nullptr},
                        {"failed", false}};
    if (e.kind == pub::EventKind::kReviewed) {
      j["reviewer"] = e.reviewer;
      j["conclusion"] = e.conclusion == pub::ReviewConclusion::kPass ? "审查通过" : "审查未通过";
      j["failed"] = e.conclusion == pub::ReviewConclusion::kFail;
    }
    events.push_back(std::move(j));
  }
  std::vector<int64_t> photos;
  for (const auto& c : v.channels) {
    if (c.photo_attachment_id) photos.push_back(c.photo_attachment_id);
  }
  nlohmann::json files = nlohmann::json::array();
  for (const pub::Attachment& a : v.attachments) {
    files.push_back({{"name", a.file_name},
                     {"url", base + "/files/" + std::to_string(a.id)},
                     {"size", FileSize(a.size)},
                     {"version", a.version},
                     {"by", a.uploaded_by},
                     {"at", BeijingTime(a.uploaded_at)},
                     {"photo", std::find(photos.begin(), photos.end(), a.id) != photos.end()}});
  }
  nlohmann::json channels = nlohmann::json::array();
  for (const pub::ChannelRecord& c : v.channels) {
    channels.push_back(
        {{"channel", S(pub::Label(c.channel))},
         {"date", c.date.ToString()},
         {"link", c.link},
         {"place", c.place},
         {"note", c.note},
         {"photo_url",
          c.photo_attachment_id ? base + "/files/" + std::to_string(c.photo_attachment_id) : ""},
         {"by", c.recorded_by}});
  }

  // The steps the item allows now and the user's role may take.
  const Role role = ctx.user->role;
  const bool edit = RoleAllows(role, Permission::kEditPublications);
  const bool approve = RoleAllows(role, Permission::kApprovePublications);
  FormBuilder form{ctx.input};
  nlohmann::json actions = nlohmann::json::object();
  if (edit && Allows(v, pub::EventKind::kEdited)) actions["edit_url"] = base + "/edit";
  if (edit && Allows(v, pub::EventKind::kSubmitted)) {
    actions["submitted"] = form.Make("submitted", nlohmann::json::object());
  }
  if (edit && Allows(v, pub::EventKind::kReviewed)) {
    nlohmann::json r = form.Make(
        "reviewed", {{"reviewer", ctx.user->display_name}, {"conclusion", "pass"}, {"text", ""}});
    r["pass"] = r["conclusion"] == "pass";
    r["fail"] = r["conclusion"] == "fail";
    actions["reviewed"] = r;
  }
  if (approve && Allows(v, pub::EventKind::kApproved)) {
    actions["decision"] = form.Make("decision", {{"text", ""}});
    actions["decision"]["proactive"] = w && w->content.attribute == pub::Attribute::kProactive;
  }
  if (edit && Allows(v, pub::EventKind::kRevisionStarted)) {
    actions["revision_started"] = form.Make("revision_started", nlohmann::json::object());
  }
  if (edit && Allows(v, pub::EventKind::kWithdrawn)) {
    actions["withdrawn"] = form.Make("withdrawn", {{"text", ""}});
  }
  if (edit && Allows(v, pub::EventKind::kChannelRecorded)) {
    nlohmann::json c = form.Make(
        "channel",
        {{"channel", "wechat"}, {"date", today}, {"link", ""}, {"place", ""}, {"note", ""}});
    nlohmann::json choices = nlohmann::json::array();
    const bool boards =
        v.agency.level == AgencyLevel::kVillage || v.agency.level == AgencyLevel::kTownship;
    for (pub::Channel ch : pub::kAllChannels) {
      if (ch == pub::Channel::kPortal) continue;
      if (ch == pub::Channel::kVillageBoard && !boards) continue;
      choices.push_back({{"code", S(pub::Code(ch))},
                         {"label", S(pub::Label(ch))},
                         {"selected", pub::Code(ch) == c["channel"].get<std::string>()}});
    }
    c["channels"] = choices;
    actions["channel"] = c;
  }
  const bool any_action = !actions.empty();

  const pub::Content empty;
  const pub::Content& c = w ? w->content : empty;
  nlohmann::json model = {
      {"id", p.id},
      {"version", std::to_string(p.version)},
      {"base", base},
      {"title", c.title},
      {"index_number", p.index_number},
      {"agency", v.agency.name},
      {"stage", S(pub::Label(p.stage))},
      {"stage_code", S(pub::Code(p.stage))},
      {"working_version", p.working_version},
      {"live_version", p.live_version},
      {"revision_pending", p.RevisionPending()},
      {"on_portal", p.OnPortal()},
      {"portal_url", p.OnPortal() ? "/publications/" + std::to_string(p.id) : ""},
      {"withdrawn_on", IsoDate(p.withdrawn_on)},
      {"first_released", IsoDate(p.first_released_on)},
      {"meta", MetaRows(p, c)},
      {"body_html", c.body_html},
      {"versions", versions},
      {"events", events},
      {"files", files},
      {"has_files", !files.empty()},
      {"channels", channels},
      {"has_channels", !channels.empty()},
      {"timeliness", TimelinessModel(v.timeliness)},
      {"stale", v.stale},
      {"actions", actions},
      {"has_actions", any_action},
      {"helpers", p.OnPortal()},
      {"wechat_url", base + "/wechat"},
      {"notice_url", base + "/notice.pdf"},
  };
  if (live && p.RevisionPending()) {
    model["live_title"] = live->content.title;
  }
  return model;
}

nlohmann::json PortalItemModel(const service::PortalItem& p) {
  const pub::Content& c = p.live->content;
  nlohmann::json rows = nlohmann::json::array();
  auto add = [&](const char* label, const std::string& value) {
    if (!value.empty()) rows.push_back({{"label", label}, {"value", value}});
  };
  add("索引号", p.item.index_number);
  add("主题分类", SubjectText(c.subject));
  add("公开事项", c.item_code.empty() ? "" : ItemLabel(c.item_code));
  add("发文机关", p.agency.name);
  if (c.issuer != p.agency.name) add("公开主体", c.issuer);
  add("成文日期", IsoDate(c.written_date));
  add("发布日期", IsoDate(p.item.first_released_on));
  add("更新日期", IsoDate(p.updated_on));
  add("发文字号", c.document_number);
  add("公开属性", S(pub::Label(c.attribute)));
  nlohmann::json files = nlohmann::json::array();
  for (const pub::Attachment& a : p.attachments) {
    files.push_back(
        {{"name", a.file_name},
         {"url", "/publications/" + std::to_string(p.item.id) + "/files/" + std::to_string(a.id)},
         {"size", FileSize(a.size)}});
  }
  return {{"title", c.title},
          {"meta", rows},
          {"body_html", c.body_html},
          {"files", files},
          {"has_files", !files.empty()},
          {"agency", AgencyModel(p.agency)},
          {"released", IsoDate(p.live->released_on)}};
}

}  // namespace gongkai::web
