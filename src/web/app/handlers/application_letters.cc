// The letters of an application case as downloads (受理回执, 补正告知书, 延期答复告知书,
// 征求意见书, 收费通知书, 答复书; render/case_letters): for staff from the case page, for the
// applicant from the status page with the query code, posted so the code stays out of URLs. Each
// letter states the dates as they stood when its event happened (CaseAsOf).
#include <algorithm>

#include "core/application/deadline.h"
#include "render/case_letters.h"
#include "web/app/application_models.h"
#include "web/app/handlers/application_page.h"
#include "web/app/handlers/handlers.h"

namespace gongkai::web::handlers {

namespace app = application;

namespace {

constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The date a letter is about: its event's, or the receipt date for the receipt (seq 0).
std::string LetterDate(const app::Application& a, int seq) {
  for (const app::CaseEvent& e : a.events) {
    if (e.seq == seq) return e.date.ToString();
  }
  return a.receipt_date ? a.receipt_date->ToString() : "";
}

// Letters the applicant may download: those addressed to them (a consultation is addressed to the
// third party or agency consulted, an extension notice needs the request the public view omits).
bool ForApplicant(render::LetterKind k) {
  switch (k) {
    case render::LetterKind::kReceipt:
    case render::LetterKind::kCorrection:
    case render::LetterKind::kFeeNotice:
    case render::LetterKind::kAnswer:
    case render::LetterKind::kExtension:  // the public view keeps an approved extension's request
      return true;
    case render::LetterKind::kConsultation:  // addressed to the third party, not the applicant
      return false;
  }
  return false;
}

Response LetterFile(App& app, const Call& call, render::LetterKind kind, int seq,
                    const std::string& format, const app::Application& a, const Agency& agency) {
  if (format != "docx" && format != "pdf") {
    return ErrorPage(app, call, NotFound("unknown letter format", "未知的文书格式"));
  }
  auto cal = app.platform().calendar().Current();
  if (!cal.ok()) return ErrorPage(app, call, cal.status());
  const app::Deadline deadline = app::ComputeDeadline(render::CaseAsOf(a, seq), **cal);
  auto letter = render::BuildCaseLetter(kind, a, agency, deadline, seq);
  if (!letter.ok()) return ErrorPage(app, call, letter.status());
  auto bytes =
      format == "docx" ? render::RenderLetterDocx(*letter) : render::RenderLetterPdf(*letter);
  if (!bytes.ok()) return ErrorPage(app, call, bytes.status());
  Response res;
  res.content_type = format == "docx" ? kDocxType : "application/pdf";
  res.body = std::move(bytes).value();
  std::string name = std::string(render::Label(kind)) + "-" + SerialText(a) + "." + format;
  res.SetHeader("Content-Disposition", "attachment; filename=\"letter." + format +
                                           "\"; filename*=UTF-8''" + PercentEncode(name));
  res.SetHeader("X-Content-Type-Options", "nosniff");
  res.SetHeader("Cache-Control", "no-store");
  return res;
}

}  // namespace

void AddLetterLinks(const app::Application& a, nlohmann::json& model) {
  nlohmann::json letters = nlohmann::json::array();
  const std::string base = "/admin/applications/" + std::to_string(a.id) + "/letters/";
  for (const auto& [kind, seq] : render::AvailableLetters(a)) {
    std::string url = base + std::string(render::Code(kind)) + "/" + std::to_string(seq);
    letters.push_back({{"title", std::string(render::Label(kind))},
                       {"date", LetterDate(a, seq)},
                       {"docx", url + ".docx"},
                       {"pdf", url + ".pdf"}});
  }
  model["letters"] = letters;
  model["has_letters"] = !letters.empty();
}

nlohmann::json PublicLetterList(const service::PublicStatus& s) {
  nlohmann::json letters = nlohmann::json::array();
  for (const auto& [kind, seq] : render::AvailableLetters(s.app)) {
    if (!ForApplicant(kind)) continue;
    letters.push_back({{"title", std::string(render::Label(kind))},
                       {"date", LetterDate(s.app, seq)},
                       {"kind", std::string(render::Code(kind))},
                       {"seq", seq}});
  }
  return letters;
}

Response ApplicationLetter(App& app, Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return ErrorPage(app, call, NotFound("bad application id", "未找到该申请"));
  }
  auto kind = render::ParseLetterKind(call.req.path_params["kind"]);
  // "3.docx": the event's number and the format.
  const std::string& file = call.req.path_params["file"];
  const size_t dot = file.find('.');
  int64_t seq = 0;
  const std::string seq_text = file.substr(0, dot);
  if (!kind || dot == std::string::npos || (seq_text != "0" && !ParseId(seq_text, &seq)) ||
      seq > 1000000) {
    return ErrorPage(app, call, NotFound("bad letter path", "未找到该文书"));
  }
  auto view = app.platform().applications().Get(call.actor, id);
  if (!view.ok()) return ErrorPage(app, call, view.status());
  return LetterFile(app, call, *kind, static_cast<int>(seq), file.substr(dot + 1), view->app,
                    view->agency);
}

Response PublicLetter(App& app, Call& call) {
  auto status = app.platform().applications().Track(call.form.Get("code"));
  if (!status.ok()) return ErrorPage(app, call, status.status());
  auto kind = render::ParseLetterKind(call.form.Get("kind"));
  int64_t seq = 0;
  const std::string& seq_text = call.form.Get("seq");
  if (!kind || !ForApplicant(*kind) || (seq_text != "0" && !ParseId(seq_text, &seq)) ||
      seq > 1000000) {
    return ErrorPage(app, call, NotFound("bad letter", "未找到该文书"));
  }
  return LetterFile(app, call, *kind, static_cast<int>(seq), call.form.Get("format"), status->app,
                    status->agency);
}

}  // namespace gongkai::web::handlers
