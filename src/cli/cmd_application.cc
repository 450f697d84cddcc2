// application list | show | tally: disclosure applications for administrators and batch work
// (docs/applications.md). Reads only; cases are handled in the back office.
#include <fstream>
#include <iostream>

#include "cli/common.h"
#include "core/report/format.h"

namespace gongkai::cli {

namespace {

std::string Serial(const application::Application& a) {
  return "〔" + std::to_string(a.serial_year) + "〕" + std::to_string(a.serial_no) + "号";
}

std::string DueText(const application::Deadline& d, const std::optional<int>& left) {
  if (!d.due) return std::string(application::Label(d.status));
  std::string s = d.due->ToString();
  if (d.provisional) s += "（暂定）";
  if (left)
    s += *left < 0 ? "  逾期" + std::to_string(-*left) + "个工作日"
                   : "  剩余" + std::to_string(*left) + "个工作日";
  return s;
}

// Tables 三 and 四 as tab-separated lines under their official labels (a spreadsheet pastes them).
std::string TablesText(const report::ReportData& data) {
  const report::FormatDef& f = report::Format2021();
  std::string out;
  for (const report::TableDef* t : {&f.t3, &f.t4}) {
    out += t->title + "\n项目";
    for (const auto& c : t->columns) out += "\t" + c.label;
    out += "\n";
    for (const auto& r : t->rows) {
      out += (r.group.empty() ? "" : r.group + " ") + r.label;
      for (const auto& c : t->columns) {
        out += "\t" + std::to_string(data.Get(report::CellId(t->id, r.id, c.id)));
      }
      out += "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

void AddApplicationCommands(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("application", "Disclosure applications (依申请公开)");
  group->require_subcommand(1);

  static std::string agency_spec, list_code = "open", out_file;
  static bool csv = false;
  static int due_within = 5;
  auto* list = group->add_subcommand("list", "List an agency's applications (and its units')");
  list->add_option("AGENCY", agency_spec, "Agency id, region code, name or short name")->required();
  list->add_option(
      "--list", list_code,
      "all|open|due_soon|overdue|paused|awaiting_approval|awaiting_confirmation|closed");
  list->add_option("--due-within", due_within, "Working days for due_soon")
      ->check(CLI::Range(0, 60));
  list->add_flag("--csv", csv, "CSV (UTF-8 with BOM) instead of a table");
  list->add_option("-o,--output", out_file, "Write to FILE instead of standard output");
  list->callback([exit_code] {
    auto which = service::ParseApplicationList(list_code);
    if (!which) {
      return void(*exit_code = Fail(InvalidArgument("--list: unknown list '" + list_code + "'")));
    }
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto agency = ResolveAgency(*p, agency_spec);
    if (!agency.ok()) return void(*exit_code = Fail(agency.status()));
    service::ApplicationQuery q;
    q.agency_id = agency->id;
    q.list = *which;
    q.due_within = due_within;
    q.limit = 100000;
    std::string text;
    if (csv) {
      auto out = p->applications().ExportCsv(service::Actor::Cli(), q);
      if (!out.ok()) return void(*exit_code = Fail(out.status()));
      text = *out;
    } else {
      auto lines = p->applications().List(service::Actor::Cli(), q);
      if (!lines.ok()) return void(*exit_code = Fail(lines.status()));
      for (const auto& l : *lines) {
        const application::Application& a = l.app;
        text += std::to_string(a.id) + "  " + Serial(a) + "  " +
                (a.receipt_date ? a.receipt_date->ToString() : std::string("(待确认)")) + "  " +
                std::string(application::Label(a.state)) + "  " + DueText(l.deadline, l.days_left) +
                "  " + a.applicant.name + "  " +
                (a.request.title.empty() ? a.request.description : a.request.title) + "\n";
      }
      text += std::to_string(lines->size()) + " application(s)\n";
    }
    if (out_file.empty()) {
      std::cout << text;
    } else {
      std::ofstream f(out_file, std::ios::binary);
      f << text;
      if (!f) return void(*exit_code = Fail(Unavailable("cannot write " + out_file)));
    }
  });

  static int64_t show_id = 0;
  auto* show = group->add_subcommand(
      "show", "One application: its history and how its due date is computed");
  show->add_option("ID", show_id, "Application id")->required();
  show->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto v = p->applications().Get(service::Actor::Cli(), show_id);
    if (!v.ok()) return void(*exit_code = Fail(v.status()));
    const application::Application& a = v->app;
    std::cout << v->agency.name << "  " << Serial(a) << "  " << application::Label(a.state) << "\n"
              << "申请人：" << a.applicant.name << "（" << application::Label(a.applicant.type)
              << "）\n"
              << "所需信息：" << (a.request.title.empty() ? a.request.description : a.request.title)
              << "\n答复期限：" << DueText(v->deadline, v->days_left) << "\n";
    if (a.outcome) std::cout << "处理结果：" << application::Label(*a.outcome) << "\n";
    std::cout << "\n办理记录：\n";
    for (const auto& e : a.events) {
      std::cout << "  " << e.seq << ". " << e.date.ToString() << "  " << application::Label(e.kind)
                << "  " << e.by << (e.text.empty() ? "" : "  " + e.text) << "\n";
    }
    std::cout << "\n答复期限的计算：\n";
    for (const auto& s : v->deadline.steps) std::cout << "  - " << s.text << "\n";
  });

  static std::string tally_agency;
  static int tally_year = 0;
  auto* tally = group->add_subcommand(
      "tally", "Tables 三 and 四 of an agency's year counted from its records");
  tally->add_option("AGENCY", tally_agency, "Agency")->required();
  tally->add_option("YEAR", tally_year, "Report year")->required()->check(CLI::Range(2021, 2200));
  tally->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto agency = ResolveAgency(*p, tally_agency);
    if (!agency.ok()) return void(*exit_code = Fail(agency.status()));
    auto data = p->applications().TallyYear(service::Actor::Cli(), agency->id, tally_year);
    if (!data.ok()) return void(*exit_code = Fail(data.status()));
    std::cout << TablesText(*data);
  });
}

}  // namespace gongkai::cli
