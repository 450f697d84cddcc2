#include "io/application_csv.h"

#include "io/csv.h"

namespace gongkai::io {

namespace {

std::string OptDate(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

}  // namespace

std::string ApplicationsToCsv(const std::vector<ApplicationCsvRow>& rows) {
  std::string out = kUtf8Bom;
  out += CsvRow({"编号", "单位", "收到申请日期", "提交方式", "申请人类型", "申请人", "所需信息",
                 "文号", "状态", "答复期限", "期限为暂定", "剩余工作日", "办结日期", "处理结果",
                 "承办人"});
  for (const ApplicationCsvRow& r : rows) {
    const application::Application& a = *r.app;
    const application::Deadline& d = *r.deadline;
    std::string serial =
        "〔" + std::to_string(a.serial_year) + "〕" + std::to_string(a.serial_no) + "号";
    out += CsvRow(
        {serial, r.agency_name, OptDate(a.receipt_date), std::string(Label(a.channel)),
         std::string(Label(a.applicant.type)), a.applicant.name,
         a.request.title.empty() ? a.request.description : a.request.title,
         a.request.document_number, std::string(Label(a.state)), OptDate(d.due),
         d.provisional ? "是" : "", r.days_left ? std::to_string(*r.days_left) : "",
         OptDate(a.closed_on), a.outcome ? std::string(Label(*a.outcome)) : "", a.handler_name},
        /*neutralise_formulas=*/true);
  }
  return out;
}

}  // namespace gongkai::io
