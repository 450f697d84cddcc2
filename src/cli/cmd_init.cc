// init, demo (and, via cmd_db.cc, the db maintenance commands).
#include <iostream>

#include "cli/common.h"
#include "service/demo.h"

namespace gongkai::cli {

namespace {

void PrintAccounts(const std::vector<service::DemoAccount>& accounts) {
  std::cout << "Demo accounts (password for all: " << service::kDemoPassword << "):\n";
  for (const auto& a : accounts) {
    std::cout << "  " << a.username << "  " << a.role_label << "  " << a.agency_name << "\n";
  }
}

}  // namespace

void AddInitCommands(CLI::App& app, int* exit_code) {
  auto* init =
      app.add_subcommand("init", "Create or upgrade the database and load the bundled calendars");
  init->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    st = LoadBundledCalendars(*p, false);
    if (!st.ok()) return void(*exit_code = Fail(st));
    auto m = p->store().Migrations();
    std::cout << "database " << DatabaseUrl() << " ready at migration "
              << (m.ok() ? m->database_version : 0) << "\n";
  });

  auto* demo =
      app.add_subcommand("demo", "Fill an empty database with the demo agencies and accounts");
  static bool if_empty = false;
  demo->add_flag("--if-empty", if_empty,
                 "Do nothing (but print the accounts) if the database has data");
  demo->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    st = LoadBundledCalendars(*p, true);
    if (!st.ok()) return void(*exit_code = Fail(st));
    auto seeded = service::SeedDemo(*p, {});
    if (!seeded.ok()) {
      if (if_empty && seeded.status().code() == StatusCode::kFailedPrecondition) {
        std::cout << "database " << DatabaseUrl() << " already has data; demo not loaded again\n";
        PrintAccounts(service::DemoAccounts());
        return;
      }
      return void(*exit_code = Fail(seeded.status()));
    }
    std::cout << "demo data loaded into " << DatabaseUrl() << "\n";
    PrintAccounts(*seeded);
  });

  AddDbCommands(app, exit_code);
}

}  // namespace gongkai::cli
