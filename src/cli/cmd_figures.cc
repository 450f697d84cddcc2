// figures import | show, normative list: Table 二's records (docs/disclosure-figures.md). The
// register is kept in the back office; the command imports the yearly figures in bulk and reads
// both.
#include <iostream>

#include "cli/common.h"
#include "core/report/report_data.h"
#include "io/file_reader.h"
#include "io/report_text.h"

namespace gongkai::cli {

namespace {

constexpr size_t kMaxCsvBytes = 8 << 20;

}  // namespace

void AddFiguresCommands(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand(
      "figures", "Yearly licensing, penalty and coercion decisions and fees (Table 二)");
  group->require_subcommand(1);

  static std::string csv_path;
  auto* import = group->add_subcommand(
      "import", "Import figures from CSV (agency, year, licensing, penalty, coercion, fee in 万元); "
                "nothing is saved when any row is bad");
  import->add_option("FILE", csv_path, "CSV file, UTF-8 with or without BOM")->required();
  import->callback([exit_code] {
    auto text = io::ReadFileLimited(csv_path, kMaxCsvBytes);
    if (!text.ok()) return void(*exit_code = Fail(text.status()));
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    service::FiguresImport result = p->disclosure_figures().ImportCsv(service::Actor::Cli(), *text);
    if (!result.status.ok()) {
      for (const auto& problem : result.problems) {
        std::cerr << csv_path << ": " << problem.message << "\n";
      }
      std::cerr << "gongkai: " << csv_path << ": "
                << (result.problems.empty() ? result.status.message()
                                            : std::to_string(result.problems.size()) +
                                                  " problem(s); nothing was saved")
                << "\n";
      return void(*exit_code = ExitCodeFor(result.status.code()));
    }
    std::cout << "imported " << result.created + result.updated << " row(s) from " << csv_path
              << " (" << result.created << " new, " << result.updated << " replaced)\n";
  });

  static std::string show_agency;
  static int show_year = 0;
  auto* show = group->add_subcommand(
      "show", "An agency's figures for a year and Table 二 as its records give it");
  show->add_option("AGENCY", show_agency, "Agency id, region code, name or short name")->required();
  show->add_option("YEAR", show_year, "Report year")->required()->check(CLI::Range(2008, 2200));
  show->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto agency = ResolveAgency(*p, show_agency);
    if (!agency.ok()) return void(*exit_code = Fail(agency.status()));
    auto& svc = p->disclosure_figures();
    auto figures = svc.GetFigures(service::Actor::Cli(), agency->id, show_year);
    if (!figures.ok()) return void(*exit_code = Fail(figures.status()));
    auto t2 = svc.CountTable2(service::Actor::Cli(), agency->id, show_year);
    if (!t2.ok()) return void(*exit_code = Fail(t2.status()));
    std::cout << agency->name << "  " << show_year << "年度\n";
    if (*figures) {
      const auto& f = **figures;
      std::cout << "行政许可\t" << f.licensing << "\n行政处罚\t" << f.penalty << "\n行政强制\t"
                << f.coercion << "\n行政事业性收费（万元）\t" << io::FenToWanYuan(f.fee_fen)
                << "\n最近修改\t" << f.updated_by << " " << f.updated_at << "\n";
    } else {
      std::cout << "(no decision and fee figures entered for " << show_year << ")\n";
    }
    std::cout << "\n表二（按记录统计）\t本年制发\t本年废止\t现行有效\n";
    for (const auto& [row, label] : {std::pair{"rules", "规章"}, {"normative", "行政规范性文件"}}) {
      std::string r = std::string("t2.") + row + ".";
      std::cout << label << "\t" << t2->Get(r + "made") << "\t" << t2->Get(r + "repealed") << "\t"
                << t2->Get(r + "in_force") << "\n";
    }
  });

  auto* normative = app.add_subcommand(
      "normative", "The register of rules and normative documents (规章和行政规范性文件)");
  normative->require_subcommand(1);
  static std::string list_agency, list_kind, list_state;
  static int list_year = 0;
  auto* list = normative->add_subcommand("list", "An agency's documents, newest first");
  list->add_option("AGENCY", list_agency, "Agency id, region code, name or short name")
      ->required();
  list->add_option("--kind", list_kind, "rule|normative")
      ->check(CLI::IsMember({"rule", "normative"}));
  list->add_option("--state", list_state, "in_force|repealed (today)")
      ->check(CLI::IsMember({"in_force", "repealed"}));
  list->add_option("--year", list_year, "Made or repealed in this year")
      ->check(CLI::Range(1949, 2200));
  list->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto agency = ResolveAgency(*p, list_agency);
    if (!agency.ok()) return void(*exit_code = Fail(agency.status()));
    disclosure::DocumentFilter filter;
    filter.kind = disclosure::ParseDocumentKind(list_kind);
    if (!list_state.empty()) filter.in_force = list_state == "in_force";
    if (list_year > 0) filter.year = list_year;
    auto docs =
        p->disclosure_figures().ListDocuments(service::Actor::Cli(), agency->id, filter);
    if (!docs.ok()) return void(*exit_code = Fail(docs.status()));
    for (const auto& d : *docs) {
      std::cout << d.id << "  " << disclosure::Label(d.kind) << "  " << d.number << "  "
                << d.made_on.ToString() << "  "
                << (d.repealed_on ? "废止于 " + d.repealed_on->ToString() : std::string("有效"))
                << "  " << d.title << "\n";
    }
    std::cout << docs->size() << " document(s)\n";
  });
}

}  // namespace gongkai::cli
