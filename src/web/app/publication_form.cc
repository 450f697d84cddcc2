#include "web/app/publication_form.h"

#include "core/publication/attachment_check.h"
#include "core/publication/catalogue.h"
#include "core/publication/index_number.h"
#include "core/text.h"
#include "io/html_sanitize.h"

namespace gongkai::web {

namespace pub = publication;

namespace {

struct FieldDef {
  const char* name;
  const char* label;
};

// In the order the form shows them (the error summary follows it).
constexpr FieldDef kFields[] = {
    {"title", "标题"},
    {"index_number", "索引号"},
    {"subject", "主题分类"},
    {"item_code", "公开事项"},
    {"attribute", "公开属性"},
    {"written_date", "成文日期"},
    {"changed_date", "信息变更日期"},
    {"document_number", "发文字号"},
    {"issuer", "公开主体"},
    {"review_by", "复核日期"},
    {"body", "正文"},
};

std::optional<Date> OptionalDate(PublicationInput& in, const char* name) {
  const std::string& text = in.raw[name];
  if (text.empty()) return std::nullopt;
  auto d = Date::Parse(text);
  if (!d.ok()) {
    in.errors.emplace(name, "日期格式应为“2026-01-31”");
    return std::nullopt;
  }
  return *d;
}

std::string S(std::string_view v) { return std::string(v); }

}  // namespace

PublicationInput ParsePublicationForm(const FormFields& form) {
  PublicationInput in;
  for (const FieldDef& f : kFields) in.raw[f.name] = form.Get(f.name);
  pub::Content& c = in.content;
  c.title = in.raw["title"];
  in.index_number = std::string(TrimAscii(in.raw["index_number"]));
  if (!in.index_number.empty()) {
    if (Status st = pub::ValidateIndexNumber(in.index_number); !st.ok()) {
      in.errors.emplace("index_number", st.ui_message());
    }
  }
  c.subject = in.raw["subject"];
  c.item_code = in.raw["item_code"];
  if (auto a = pub::ParseAttribute(in.raw["attribute"])) {
    c.attribute = *a;
  } else {
    in.errors.emplace("attribute", "请选择公开属性");
  }
  c.written_date = OptionalDate(in, "written_date");
  c.changed_date = OptionalDate(in, "changed_date");
  c.review_by = OptionalDate(in, "review_by");
  c.document_number = in.raw["document_number"];
  c.issuer = in.raw["issuer"];
  const std::string& body = in.raw["body"];
  if (!IsValidUtf8(body)) {
    in.errors.emplace("body", "正文含有乱码（不是有效的UTF-8文本）");
  } else if (auto clean = io::SanitizeHtml(body); clean.ok()) {
    c.body_html = std::move(clean->html);
    in.removed = std::move(clean->removed);
  } else {
    in.errors.emplace("body", clean.status().ui_message());
  }
  return in;
}

void CheckPublicationFiles(const std::vector<MultipartPart>& files, PublicationInput& input) {
  for (const MultipartPart& f : files) {
    if (f.name != "files") continue;
    auto type = pub::CheckAttachment(f.filename, f.data);
    if (!type.ok()) {
      input.file_errors.push_back({{"name", f.filename}, {"message", type.status().ui_message()}});
    }
  }
  if (!input.file_errors.empty()) {
    input.errors.emplace("files", "有附件不能上传，请按下列说明处理后重新选择全部附件");
  }
}

void AddFieldErrors(PublicationInput& input, const std::vector<FieldError>& errors) {
  for (const FieldError& e : errors) input.errors.emplace(e.field, e.zh);
}

std::vector<std::string> RemovedNotesZh(const std::vector<std::string>& removed) {
  std::vector<std::string> out;
  for (const std::string& note : removed) {
    std::string_view n = note;
    auto strip = [&](std::string_view suffix) {
      return n.ends_with(suffix) ? std::optional<std::string>(n.substr(0, n.size() - suffix.size()))
                                 : std::nullopt;
    };
    if (auto name = strip(" element")) {
      out.push_back("<" + *name + "> 元素（连同其中的内容）");
    } else if (auto attr = strip(" attribute")) {
      out.push_back(*attr + " 属性");
    } else if (auto tag = strip(" tag")) {
      out.push_back("<" + *tag + "> 标签（其中的文字已保留）");
    } else if (auto link = strip(" link")) {
      out.push_back(*link + " 链接");
    } else {
      out.push_back(note);
    }
  }
  return out;
}

nlohmann::json PublicationFormModel(const PublicationInput* input, const pub::Content* existing,
                                    const PublicationFormContext& ctx) {
  pub::Content blank;
  blank.issuer = ctx.agency_name;
  const pub::Content& c = input ? input->content : existing ? *existing : blank;
  nlohmann::json v = nlohmann::json::object();
  nlohmann::json err = nlohmann::json::object();
  nlohmann::json summary = nlohmann::json::array();
  auto iso = [](const std::optional<Date>& d) { return d ? d->ToString() : std::string(); };
  for (const FieldDef& f : kFields) {
    std::string value;
    const std::string name = f.name;
    if (input) {
      if (auto it = input->raw.find(name); it != input->raw.end()) value = it->second;
    } else if (name == "title") {
      value = c.title;
    } else if (name == "subject") {
      value = c.subject;
    } else if (name == "item_code") {
      value = c.item_code;
    } else if (name == "attribute") {
      value = S(pub::Code(c.attribute));
    } else if (name == "written_date") {
      value = iso(c.written_date);
    } else if (name == "changed_date") {
      value = iso(c.changed_date);
    } else if (name == "review_by") {
      value = iso(c.review_by);
    } else if (name == "document_number") {
      value = c.document_number;
    } else if (name == "issuer") {
      value = c.issuer;
    } else if (name == "body") {
      value = c.body_html;
    }
    v[name] = value;
    err[name] = nullptr;
    if (!input) continue;
    if (auto it = input->errors.find(name); it != input->errors.end()) {
      err[name] = it->second;
      summary.push_back({{"id", "f-" + name}, {"label", f.label}, {"message", it->second}});
    }
  }
  nlohmann::json file_errors = nlohmann::json::array();
  if (input) {
    for (const auto& [field, message] : input->errors) {
      bool shown = field == "files";
      for (const FieldDef& f : kFields) shown = shown || field == f.name;
      if (!shown) summary.push_back({{"id", ""}, {"label", ""}, {"message", message}});
    }
    if (auto it = input->errors.find("files"); it != input->errors.end()) {
      summary.push_back({{"id", "f-files"}, {"label", "附件"}, {"message", it->second}});
      err["files"] = it->second;
    }
    for (const auto& fe : input->file_errors) file_errors.push_back(fe);
  }
  const std::string subject = v["subject"].get<std::string>();
  const std::string item = v["item_code"].get<std::string>();
  const std::string attribute = v["attribute"].get<std::string>();
  nlohmann::json subjects = nlohmann::json::array();
  for (std::string_view s : pub::AllSubjects()) {
    subjects.push_back(
        {{"code", S(s)}, {"label", S(pub::SubjectLabel(s))}, {"selected", s == subject}});
  }
  struct Group {
    const char* prefix;
    const char* label;
  };
  constexpr Group kGroups[] = {{"20.", "条例第二十条规定的主动公开事项"},
                               {"21.", "条例第二十一条规定的重点公开事项"},
                               {"village.", "村务公开事项"}};
  nlohmann::json groups = nlohmann::json::array();
  for (const Group& g : kGroups) {
    nlohmann::json options = nlohmann::json::array();
    for (const pub::CatalogueItem& i : pub::CatalogueItemsFor(ctx.level)) {
      if (!i.code.starts_with(g.prefix)) continue;
      std::string label = S(i.label());
      if (std::string_view(g.prefix) == "20.") {
        label = "（" + S(i.code.substr(3)) + "）" + label;
      }
      options.push_back({{"code", S(i.code)}, {"label", label}, {"selected", i.code == item}});
    }
    if (!options.empty()) groups.push_back({{"label", g.label}, {"options", options}});
  }
  nlohmann::json attributes = nlohmann::json::array();
  for (pub::Attribute a : pub::kAllAttributes) {
    attributes.push_back({{"code", S(pub::Code(a))},
                          {"label", S(pub::Label(a))},
                          {"selected", pub::Code(a) == attribute}});
  }
  const std::vector<std::string> removed =
      input ? RemovedNotesZh(input->removed) : std::vector<std::string>{};
  return {{"v", v},
          {"err", err},
          {"errors", summary},
          {"has_errors", !summary.empty()},
          {"file_errors", file_errors},
          {"has_file_errors", !file_errors.empty()},
          {"removed", removed},
          {"has_removed", !removed.empty()},
          {"subjects", subjects},
          {"item_groups", groups},
          {"attributes", attributes},
          {"revision", ctx.revision},
          {"editing", ctx.editing},
          {"index_scheme", ctx.index_scheme},
          {"agency_name", ctx.agency_name}};
}

Result<pub::Step> ParsePublicationStep(const FormFields& form) {
  const std::string& code = form.Get("kind");
  auto kind = pub::ParseEventKind(code);
  if (!kind || *kind == pub::EventKind::kCreated || *kind == pub::EventKind::kEdited ||
      *kind == pub::EventKind::kChannelRecorded) {
    return InvalidArgument("unknown step '" + code + "'", "未知的操作");
  }
  pub::Step step;
  step.kind = *kind;
  step.text = std::string(TrimAscii(form.Get("text")));
  switch (*kind) {
    case pub::EventKind::kReviewed: {
      step.reviewer = std::string(TrimAscii(form.Get("reviewer")));
      if (step.reviewer.empty()) {
        return InvalidArgument("reviewer missing", "请填写保密审查人");
      }
      auto c = pub::ParseReviewConclusion(form.Get("conclusion"));
      if (!c) return InvalidArgument("conclusion missing", "请选择审查结论");
      step.conclusion = *c;
      if (*c == pub::ReviewConclusion::kFail && step.text.empty()) {
        return InvalidArgument("opinion missing on a failed review", "审查未通过时请填写审查意见");
      }
      break;
    }
    case pub::EventKind::kReturned:
      if (step.text.empty()) return InvalidArgument("comment missing", "退回修改时请填写意见");
      break;
    case pub::EventKind::kWithdrawn:
      if (step.text.empty()) return InvalidArgument("reason missing", "撤回时请填写撤回原因");
      if (form.Get("confirm") != "yes") {
        return InvalidArgument("withdrawal not confirmed",
                               "请勾选“确认撤回”：撤回后门户网站将不再显示该信息");
      }
      break;
    default:
      break;
  }
  return step;
}

Result<pub::ChannelRecord> ParseChannelRecord(const FormFields& form) {
  pub::ChannelRecord r;
  auto channel = pub::ParseChannel(form.Get("channel"));
  if (!channel) return InvalidArgument("channel missing", "请选择发布渠道");
  if (*channel == pub::Channel::kPortal) {
    return InvalidArgument("portal is automatic", "门户网站的发布记录在审批通过时自动生成");
  }
  r.channel = *channel;
  const std::string& date = form.Get("date");
  if (date.empty()) return InvalidArgument("date missing", "请填写发布日期");
  auto d = Date::Parse(date);
  if (!d.ok()) return InvalidArgument("date malformed", "发布日期格式应为“2026-01-31”");
  r.date = *d;
  r.link = form.Get("link");
  r.place = form.Get("place");
  r.note = form.Get("note");
  return r;
}

}  // namespace gongkai::web
