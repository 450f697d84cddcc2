// Proactive disclosure in the back office (主动公开): the register with its tabs and counts, the
// draft form (new and edit, with attachments), the item page with the steps the item and the
// user's role allow (submit, confidentiality review, the leader's approval or return, revision,
// withdrawal, channel records), staff downloads, and the channel helpers (the WeChat layout and
// the printable notice for boards). The work is PublicationService's.
#include <algorithm>

#include "core/publication/catalogue.h"
#include "core/publication/index_number.h"
#include "core/publication/plain_text.h"
#include "render/notice.h"
#include "web/app/handlers/handlers.h"
#include "web/app/publication_form.h"
#include "web/app/publication_models.h"

namespace gongkai::web::handlers {

namespace pub = publication;

namespace {

constexpr const char* kStaleMessage =
    "该信息已被他人修改，本次操作未保存。页面已显示最新情况，请核对后再提交（您填写的内容已保留）"
    "。";

Result<int64_t> PathId(Call& call, const char* name = "id") {
  int64_t id = 0;
  if (!ParseId(call.req.path_params[name], &id)) {
    return NotFound("bad publication id", "未找到该信息");
  }
  return id;
}

Result<int64_t> FormVersion(const Call& call) {
  int64_t v = 0;
  if (!ParseId(call.form.Get("version"), &v)) {
    return InvalidArgument("form version missing", "表单已失效，请刷新页面后重试");
  }
  return v;
}

int RefusedStatus(const Status& st) {
  return st.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(st.code());
}

std::string IndexScheme(const Agency& agency, Date today) {
  std::string prefix = pub::IndexPrefix(agency.region_code, agency.id);
  return pub::FormatIndexNumber(prefix, today.year(), 1);
}

bool IsRevision(const pub::Publication& p) { return p.live_version > 0 || p.working_version > 1; }

pub::StepContext ValidationContext(const Agency& agency, Date today) {
  pub::StepContext ctx;
  ctx.today = today;
  ctx.level = agency.level;
  return ctx;
}

// The unit a new draft is for: the user's own agency, or one of its units named by `agency`
// (a township clerk drafts 村务公开 for its villages). Out of scope → PermissionDenied.
Result<Agency> DraftAgency(App& app, const Call& call, std::string_view requested) {
  if (requested.empty() || requested == std::to_string(call.user().agency_id)) {
    return app.platform().agencies().Get(call.user().agency_id);
  }
  int64_t id = 0;
  if (!ParseId(std::string(requested), &id)) {
    return InvalidArgument("agency: not an id", "所选单位无效");
  }
  GK_ASSIGN_OR_RETURN(auto tree, app.platform().agencies().Tree(call.user().agency_id));
  for (const service::AgencyNode& n : tree) {
    if (n.agency.id == id) return n.agency;
  }
  return PermissionDenied("agency " + std::to_string(id) + " is outside the user's scope",
                          "该单位不在您的管理范围内");
}

// The draft form, new (item null) or editing an item.
Response DraftFormPage(App& app, Call& call, const Agency& agency,
                       const service::PublicationView* item, const PublicationInput* input,
                       const std::string& error, int http_status) {
  PublicationFormContext ctx;
  ctx.level = agency.level;
  ctx.agency_name = agency.name;
  ctx.index_scheme = IndexScheme(agency, app.platform().clock().Today());
  ctx.revision = item && IsRevision(item->item);
  ctx.editing = item != nullptr;
  const pub::Version* w = item ? item->item.Working() : nullptr;
  nlohmann::json model = PublicationFormModel(input, w ? &w->content : nullptr, ctx);
  model["error"] = error;
  model["action"] = item ? "/admin/publications/" + std::to_string(item->item.id) + "/edit"
                         : "/admin/publications/new";
  model["version"] = item ? std::to_string(item->item.version) : "";
  model["cancel_url"] =
      item ? "/admin/publications/" + std::to_string(item->item.id) : "/admin/publications";
  model["index_number"] = item ? item->item.index_number : "";
  model["agency_id"] = item ? "" : std::to_string(agency.id);
  model["working_version"] = item ? item->item.working_version : 1;
  nlohmann::json files = nlohmann::json::array();
  if (item) {
    for (const auto& a : item->attachments) {
      if (a.version == item->item.working_version) files.push_back({{"name", a.file_name}});
    }
  }
  model["existing_files"] = files;
  model["has_existing_files"] = !files.empty();
  std::string title = item ? "编辑主动公开信息" : "起草主动公开信息";
  if (item && ctx.revision) title += "（第" + std::to_string(item->item.working_version) + "版）";
  return RenderPage(app, call, "publication_form", model, title, "publications", http_status);
}

// Attaches the uploaded files to the item's working version, one by one; the names refused.
std::vector<std::string> AttachFiles(App& app, Call& call, int64_t id) {
  std::vector<std::string> failed;
  auto& service = app.platform().publications();
  for (MultipartPart& f : call.files) {
    if (f.name != "files") continue;
    auto view = service.Get(call.actor, id);
    Status st = view.status();
    if (st.ok())
      st = service.Attach(call.actor, id, view->item.version, f.filename, f.data).status();
    if (!st.ok()) failed.push_back(f.filename + "：" + st.ui_message());
  }
  return failed;
}

std::string DoneUrl(int64_t id, const std::string& done, const std::vector<std::string>& removed,
                    const std::vector<std::string>& failed) {
  std::string url = "/admin/publications/" + std::to_string(id) + "?done=" + done;
  std::string r;
  for (const std::string& n : removed) r += (r.empty() ? "" : "|") + n;
  if (!r.empty()) url += "&removed=" + PercentEncode(r.substr(0, 1000));
  if (!failed.empty()) url += "&failed=" + std::to_string(failed.size());
  return url;
}

std::string Notice(std::string_view done) {
  static const std::pair<std::string_view, const char*> kNotices[] = {
      {"created", "已保存草稿。"},
      {"edited", "已保存修改。"},
      {"submitted", "已提交保密审查。"},
      {"reviewed", "已登记保密审查结论。"},
      {"approved", "已审批通过。主动公开的信息已在门户网站发布。"},
      {"returned", "已退回修改。"},
      {"revision_started",
       "已开始更新：请修改内容并填写信息变更日期，审批通过前门户网站继续显示当前版本。"},
      {"withdrawn", "已撤回，门户网站不再显示该信息。"},
      {"channel", "已登记发布渠道。"},
  };
  for (const auto& [code, text] : kNotices) {
    if (code == done) return text;
  }
  return "";
}

Response ItemPage(App& app, Call& call, int64_t id, const PublicationStepInput* input,
                  int http_status) {
  auto view = app.platform().publications().Get(call.actor, id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  PublicationPageContext ctx;
  ctx.user = &call.user();
  ctx.today = app.platform().clock().Today();
  ctx.input = input;
  nlohmann::json model = PublicationPageModel(*view, ctx);
  model["notice"] = input ? "" : Notice(call.req.QueryParam("done"));
  std::vector<std::string> removed;
  if (!input) {
    const std::string r = call.req.QueryParam("removed");
    for (size_t start = 0; !r.empty() && start <= r.size();) {
      size_t bar = std::min(r.find('|', start), r.size());
      removed.push_back(r.substr(start, bar - start));
      start = bar + 1;
    }
  }
  model["removed"] = RemovedNotesZh(removed);
  model["has_removed"] = !removed.empty();
  model["files_failed"] = input ? "" : call.req.QueryParam("failed");
  model["stale"] = input && input->stale;
  // A refusal whose form the page does not show (a step the role may not take) is shown on top.
  model["page_error"] = nullptr;
  if (input && !input->error.empty()) {
    const std::string key = input->action;
    if (input->stale || !model["actions"].contains(key)) model["page_error"] = input->error;
  }
  const std::string title = model["title"].get<std::string>();
  return RenderPage(app, call, "publication", model, title.empty() ? "主动公开信息" : title,
                    "publications", http_status);
}

PublicationStepInput InputOf(const Call& call, std::string action) {
  PublicationStepInput in;
  in.action = std::move(action);
  for (const auto& [name, value] : call.form.all()) {
    if (name != "_csrf" && name != "kind" && name != "version") in.values[name] = value;
  }
  return in;
}

Response Refused(App& app, Call& call, int64_t id, PublicationStepInput& input, const Status& st) {
  input.stale = st.code() == StatusCode::kAborted;
  input.error = input.stale ? kStaleMessage : st.ui_message();
  return ItemPage(app, call, id, &input, RefusedStatus(st));
}

Response FileResponse(const pub::Attachment& a, std::string data) {
  Response res;
  res.content_type = a.content_type;
  res.body = std::move(data);
  std::string ext = a.file_name.substr(std::min(a.file_name.rfind('.'), a.file_name.size()));
  res.SetHeader("Content-Disposition", "attachment; filename=\"attachment" + ext +
                                           "\"; filename*=UTF-8''" + PercentEncode(a.file_name));
  res.SetHeader("X-Content-Type-Options", "nosniff");
  return res;
}

}  // namespace

Response PublicationsPage(App& app, Call& call) {
  auto& service = app.platform().publications();
  service::PublicationListQuery q;
  const std::string list_code = call.req.QueryParam("list");
  if (auto l = service::ParsePublicationList(list_code)) q.list = *l;
  q.item_code = call.req.QueryParam("item");
  auto lines = service.List(call.actor, q);
  if (!lines.ok()) return ErrorPage(app, call, lines.status());
  auto counts = service.Counts(call.actor, 0);
  if (!counts.ok()) return ErrorPage(app, call, counts.status());
  auto agency = app.platform().agencies().Get(call.user().agency_id);
  if (!agency.ok()) return ErrorPage(app, call, agency.status());
  const std::string filter = q.item_code.empty() ? "" : "&item=" + PercentEncode(q.item_code);
  nlohmann::json tabs = nlohmann::json::array();
  for (const auto& [l, count] : *counts) {
    std::string code(service::Code(l));
    tabs.push_back({{"label", std::string(service::Label(l))},
                    {"count", count},
                    {"url", "/admin/publications?list=" + code + filter},
                    {"current", l == q.list},
                    {"alert", count > 0 && (l == service::PublicationList::kOverdue ||
                                            l == service::PublicationList::kAwaitingApproval)}});
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& line : *lines) rows.push_back(PublicationLineModel(line));
  nlohmann::json items = nlohmann::json::array();
  for (const pub::CatalogueItem& i : pub::CatalogueItemsFor(agency->level)) {
    items.push_back({{"code", std::string(i.code)},
                     {"label", std::string(i.code) + " " + std::string(i.label())},
                     {"selected", i.code == q.item_code}});
  }
  nlohmann::json model = {
      {"tabs", tabs},
      {"rows", rows},
      {"has_rows", !rows.empty()},
      {"list_code", std::string(service::Code(q.list))},
      {"list_label", std::string(service::Label(q.list))},
      {"items", items},
      {"filtered", !q.item_code.empty()},
      {"can_create", RoleAllows(call.user().role, Permission::kEditPublications)}};
  // Villages (村务公开) and other units below the user's agency get their own 新建 links.
  nlohmann::json units = nlohmann::json::array();
  if (auto tree = app.platform().agencies().Tree(call.user().agency_id); tree.ok()) {
    for (const service::AgencyNode& n : *tree) {
      if (n.depth != 1) continue;
      units.push_back({{"name", n.agency.short_name.empty() ? n.agency.name : n.agency.short_name},
                       {"url", "/admin/publications/new?agency=" + std::to_string(n.agency.id)}});
    }
  }
  model["units"] = units;
  model["has_units"] = !units.empty() && model["can_create"].get<bool>();
  return RenderPage(app, call, "publications", model, "主动公开", "publications");
}

Response NewPublicationForm(App& app, Call& call) {
  if (!RoleAllows(call.user().role, Permission::kEditPublications)) {
    return ErrorPage(app, call,
                     PermissionDenied("role may not draft publications",
                                      "“" + std::string(Label(call.user().role)) +
                                          "”角色不起草主动公开信息，请由公开专员起草"));
  }
  auto agency = DraftAgency(app, call, call.req.QueryParam("agency"));
  if (!agency.ok()) return ErrorPage(app, call, agency.status());
  return DraftFormPage(app, call, *agency, nullptr, nullptr, "", 200);
}

Response CreatePublication(App& app, Call& call) {
  auto agency = DraftAgency(app, call, call.form.Get("agency"));
  if (!agency.ok()) return ErrorPage(app, call, agency.status());
  PublicationInput input = ParsePublicationForm(call.form);
  CheckPublicationFiles(call.files, input);
  const Date today = app.platform().clock().Today();
  AddFieldErrors(input, pub::ValidateContent(input.content, ValidationContext(*agency, today),
                                             /*complete=*/false, /*revision=*/false));
  if (!input.errors.empty()) return DraftFormPage(app, call, *agency, nullptr, &input, "", 422);
  auto id = app.platform().publications().Create(call.actor, agency->id, input.content,
                                                 input.index_number);
  if (!id.ok()) {
    const Status& st = id.status();
    std::string error;
    if (st.code() == StatusCode::kAlreadyExists) {
      input.errors.emplace("index_number", st.ui_message());
    } else {
      error = st.ui_message();
    }
    return DraftFormPage(app, call, *agency, nullptr, &input, error, RefusedStatus(st));
  }
  std::vector<std::string> failed = AttachFiles(app, call, *id);
  return Response::Redirect(DoneUrl(*id, "created", input.removed, failed));
}

Response PublicationPage(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  return ItemPage(app, call, *id, nullptr, 200);
}

Response EditPublicationForm(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto view = app.platform().publications().Get(call.actor, *id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  if (view->item.stage != pub::Stage::kDraft) {
    return ErrorPage(
        app, call,
        FailedPrecondition("not a draft", "只有草稿状态的信息可以编辑（已发布的信息请先“更新”）"));
  }
  return DraftFormPage(app, call, view->agency, &*view, nullptr, "", 200);
}

Response SavePublication(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto& service = app.platform().publications();
  auto view = service.Get(call.actor, *id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  PublicationInput input = ParsePublicationForm(call.form);
  CheckPublicationFiles(call.files, input);
  const Date today = app.platform().clock().Today();
  AddFieldErrors(input, pub::ValidateContent(input.content, ValidationContext(view->agency, today),
                                             false, IsRevision(view->item)));
  input.errors.erase("index_number");  // fixed once the item exists
  if (!input.errors.empty()) {
    return DraftFormPage(app, call, view->agency, &*view, &input, "", 422);
  }
  auto version = FormVersion(call);
  Status st = version.status();
  if (st.ok()) st = service.Edit(call.actor, *id, *version, input.content);
  if (!st.ok()) {
    const bool stale = st.code() == StatusCode::kAborted;
    return DraftFormPage(app, call, view->agency, &*view, &input,
                         stale ? kStaleMessage : st.ui_message(), RefusedStatus(st));
  }
  std::vector<std::string> failed = AttachFiles(app, call, *id);
  return Response::Redirect(DoneUrl(*id, "edited", input.removed, failed));
}

Response PublicationStep(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  const std::string& kind = call.form.Get("kind");
  const bool decision = kind == "approved" || kind == "returned";
  PublicationStepInput input = InputOf(call, decision ? "decision" : kind);
  auto version = FormVersion(call);
  Status st = version.status();
  auto step = ParsePublicationStep(call.form);
  if (st.ok()) st = step.status();
  if (st.ok()) st = app.platform().publications().Step(call.actor, *id, *version, *step);
  if (!st.ok()) return Refused(app, call, *id, input, st);
  return Response::Redirect("/admin/publications/" + std::to_string(*id) + "?done=" + kind);
}

Response RecordPublicationChannel(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  PublicationStepInput input = InputOf(call, "channel");
  auto version = FormVersion(call);
  Status st = version.status();
  auto record = ParseChannelRecord(call.form);
  if (st.ok()) st = record.status();
  std::string photo_name, photo;
  for (MultipartPart& f : call.files) {
    if (f.name == "photo") {
      photo_name = f.filename;
      photo = std::move(f.data);
    }
  }
  if (st.ok()) {
    st = app.platform()
             .publications()
             .RecordChannel(call.actor, *id, *version, *record, photo_name, photo)
             .status();
  }
  if (!st.ok()) return Refused(app, call, *id, input, st);
  return Response::Redirect("/admin/publications/" + std::to_string(*id) + "?done=channel");
}

Response StaffPublicationFile(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  int64_t file = 0;
  if (!ParseId(call.req.path_params["file"], &file)) {
    return ErrorPage(app, call, NotFound("bad attachment id", "未找到该附件"));
  }
  std::string data;
  auto a = app.platform().publications().AttachmentForStaff(call.actor, file, &data);
  if (!a.ok()) return ErrorPage(app, call, a.status());
  if (a->publication_id != *id) {
    return ErrorPage(app, call, NotFound("attachment of another item", "未找到该附件"));
  }
  Response res = FileResponse(*a, std::move(data));
  res.SetHeader("Cache-Control", "private, no-store");
  return res;
}

Response PublicationWechat(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto view = app.platform().publications().Get(call.actor, *id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  const pub::Publication& p = view->item;
  const pub::Version* v = p.OnPortal() ? p.Live() : p.Working();
  if (v == nullptr) return ErrorPage(app, call, NotFound("no version", "未找到该信息"));
  const std::string released = v->released_on ? v->released_on->ToString() : "（尚未发布）";
  const std::string meta =
      "索引号：" + p.index_number + "　发布机关：" + view->agency.name + "　发布日期：" + released;
  const std::string body = v->content.body_html;
  const std::string html = "<p>" + HtmlEscape(meta) + "</p>\n" + body;
  const std::string text = v->content.title + "\n" + meta + "\n\n" + pub::PlainTextOfHtml(body);
  nlohmann::json model = {{"title", v->content.title},
                          {"meta", meta},
                          {"body_html", body},
                          {"html", html},
                          {"text", text},
                          {"back_url", "/admin/publications/" + std::to_string(*id)},
                          {"draft", !p.OnPortal()}};
  return RenderPage(app, call, "publication_wechat", model, "微信公众号排版", "publications");
}

Response PublicationNoticePdf(App& app, Call& call) {
  auto id = PathId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto view = app.platform().publications().Get(call.actor, *id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  const pub::Publication& p = view->item;
  const pub::Version* v = p.Live();
  if (!p.OnPortal() || v == nullptr) {
    return ErrorPage(app, call,
                     FailedPrecondition("not published", "该信息尚未发布，不能打印张贴版"));
  }
  render::Notice n;
  n.agency = v->content.issuer.empty() ? view->agency.name : v->content.issuer;
  n.title = v->content.title;
  n.index_number = p.index_number;
  n.date = v->released_on ? v->released_on->ToChinese() : "";
  n.body = render::NoticeParagraphs(pub::PlainTextOfHtml(v->content.body_html));
  std::string host(call.req.Header("host"));
  if (!host.empty()) {
    n.portal_url = std::string(app.options().secure_cookies ? "https://" : "http://") + host +
                   "/publications/" + std::to_string(p.id);
  }
  auto pdf = render::RenderNoticePdf(n);
  if (!pdf.ok()) return ErrorPage(app, call, pdf.status());
  Response res;
  res.content_type = "application/pdf";
  res.body = std::move(pdf).value();
  res.SetHeader("Content-Disposition", "attachment; filename=\"notice.pdf\"; filename*=UTF-8''" +
                                           PercentEncode(n.title + "（公告栏张贴版）.pdf"));
  res.SetHeader("X-Content-Type-Options", "nosniff");
  return res;
}

Response PortalPublication(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return ErrorPage(app, call, NotFound("bad publication id", "未找到该公开信息"));
  }
  auto item = app.platform().publications().Portal(id);
  if (!item.ok()) {
    if (item.status().code() == StatusCode::kFailedPrecondition) {
      // Withdrawn: gone on purpose (410), with the date.
      nlohmann::json model = {{"code", 410}, {"message", item.status().ui_message()}};
      return RenderPage(app, call, "error", model, "该信息已撤回", "portal", 410);
    }
    return ErrorPage(app, call, item.status());
  }
  nlohmann::json model = PortalItemModel(*item);
  nlohmann::json crumbs = nlohmann::json::array();
  if (auto path = app.platform().agencies().Path(item->agency.id); path.ok()) {
    for (const auto& a : *path)
      crumbs.push_back({{"url", "/agencies/" + std::to_string(a.id)},
                        {"name", a.short_name.empty() ? a.name : a.short_name}});
  }
  model["breadcrumbs"] = crumbs;
  model["own_heading"] = true;
  return RenderPage(app, call, "portal_publication", model, model["title"].get<std::string>(),
                    "portal");
}

Response PortalPublicationFile(App& app, Call& call) {
  int64_t id = 0, file = 0;
  if (!ParseId(call.req.path_params["id"], &id) || !ParseId(call.req.path_params["file"], &file)) {
    return ErrorPage(app, call, NotFound("bad attachment id", "未找到该附件"));
  }
  std::string data;
  auto a = app.platform().publications().PortalAttachment(file, &data);
  if (!a.ok()) return ErrorPage(app, call, a.status());
  if (a->publication_id != id) {
    return ErrorPage(app, call, NotFound("attachment of another item", "未找到该附件"));
  }
  Response res = FileResponse(*a, std::move(data));
  res.SetHeader("Cache-Control", "public, max-age=300");
  return res;
}

}  // namespace gongkai::web::handlers
