// Auditing published annual reports in the back office (issue 5): the upload form, the audit of
// the uploaded batch, a kept file's audit again, saving its figures as the unit's report, and the
// kept file itself. The work is ReportAuditService's; these only translate.
#include "web/app/handlers/handlers.h"
#include "web/app/report_audit_model.h"

namespace gongkai::web::handlers {

namespace {

Result<int64_t> SourceId(Call& call) {
  int64_t id = 0;
  if (!ParseId(call.req.path_params["id"], &id)) {
    return NotFound("bad report file id", "未找到该上传文件");
  }
  return id;
}

bool MaySave(const Call& call) { return RoleAllows(call.user().role, Permission::kAuditReports); }

std::vector<service::AgencyNode> Units(App& app, const Call& call) {
  auto tree = app.platform().agencies().Tree(call.user().agency_id);
  return tree.ok() ? std::move(tree).value() : std::vector<service::AgencyNode>{};
}

Response AuditPage(App& app, const Call& call, nlohmann::json model, const std::string& title,
                   int http_status = 200) {
  const service::AuditLimits& limits = app.platform().report_audit().limits();
  model["script_url"] = app.views().StaticUrl("report-audit.js");
  model["max_files"] = limits.max_files;
  model["max_bytes"] = limits.max_total_bytes;
  model["max_mb"] = limits.max_total_bytes >> 20;
  model["has_files"] = model.contains("files") && !model["files"].empty();
  return RenderPage(app, call, "report_audit", model, title, "reports", http_status);
}

// A kept file's page again, with a message (after a refused save).
Response StoredPage(App& app, Call& call, int64_t id, const std::string& error, int http_status) {
  auto item = app.platform().report_audit().AuditStored(call.actor, id);
  if (!item.ok()) return ErrorPage(app, call, item.status());
  nlohmann::json model = AuditPageModel({*item}, Units(app, call), MaySave(call));
  model["single"] = true;
  model["error"] = error;
  return AuditPage(app, call, model, "年度报告审核：" + item->source.file_name, http_status);
}

std::string MimeTypeOf(const std::string& media_kind) {
  if (media_kind == "pdf") return "application/pdf";
  if (media_kind == "docx") {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (media_kind == "text") return "text/plain";
  return "application/octet-stream";  // HTML too: a download, never a page of this site
}

}  // namespace

Response ReportAuditForm(App& app, Call& call) {
  if (!RoleAllows(call.user().role, Permission::kAuditReports)) {
    return ErrorPage(
        app, call,
        PermissionDenied("role may not audit reports",
                         "“" + std::string(Label(call.user().role)) + "”角色不审核年度报告文件"));
  }
  return AuditPage(app, call, {{"show_form", true}}, "审核已发布的年度报告");
}

Response AuditReportFiles(App& app, Call& call) {
  std::vector<service::UploadedFile> files;
  files.reserve(call.files.size());
  for (MultipartPart& part : call.files) files.push_back({part.filename, std::move(part.data)});
  call.files.clear();
  auto items = app.platform().report_audit().AuditUploads(call.actor, files);
  if (!items.ok()) {
    return AuditPage(app, call, {{"show_form", true}, {"error", items.status().ui_message()}},
                     "审核已发布的年度报告", HttpStatusFor(items.status().code()));
  }
  return AuditPage(app, call, AuditPageModel(*items, Units(app, call), MaySave(call)),
                   "年度报告审核结果");
}

Response StoredReportAudit(App& app, Call& call) {
  auto id = SourceId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  return StoredPage(app, call, *id, "", 200);
}

Response SaveAuditedReport(App& app, Call& call) {
  auto id = SourceId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  int64_t agency = 0, year = 0;
  if (!ParseId(call.form.Get("agency_id"), &agency)) {
    return StoredPage(app, call, *id, "请选择要保存到的单位。", 400);
  }
  if (!ParseId(call.form.Get("year"), &year) || year > 9999) {
    return StoredPage(app, call, *id, "报告年度无效。", 400);
  }
  auto saved =
      app.platform().report_audit().SaveAudited(call.actor, *id, agency, static_cast<int>(year));
  if (!saved.ok()) {
    return StoredPage(app, call, *id, "未能保存：" + saved.status().ui_message(),
                      HttpStatusFor(saved.status().code()));
  }
  return Response::Redirect("/admin/reports/" + std::to_string(*saved) + "?done=imported");
}

Response ReportSourceFile(App& app, Call& call) {
  auto id = SourceId(call);
  if (!id.ok()) return ErrorPage(app, call, id.status());
  auto source = app.platform().report_audit().Source(call.actor, *id);
  if (!source.ok()) return ErrorPage(app, call, source.status());
  std::string name = source->file_name.substr(source->file_name.rfind('/') + 1);
  size_t dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  if (ext.size() > 8 || ext.find_first_of("\"\\;") != std::string::npos) ext.clear();
  Response res;
  res.content_type = MimeTypeOf(source->media_kind);
  res.body = std::move(source->content);
  res.SetHeader("Content-Disposition", "attachment; filename=\"report-source" + ext +
                                           "\"; filename*=UTF-8''" + PercentEncode(name));
  // Whatever the file holds, it never runs as part of this site.
  res.SetHeader("Content-Security-Policy", "sandbox; default-src 'none'");
  res.SetHeader("X-Content-Type-Options", "nosniff");
  return res;
}

}  // namespace gongkai::web::handlers
