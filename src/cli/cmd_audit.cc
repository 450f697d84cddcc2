// audit-log verify.
#include <iostream>

#include "cli/common.h"

namespace gongkai::cli {

void AddAuditCommands(CLI::App& app, int* exit_code) {
  auto* audit = app.add_subcommand("audit-log", "The tamper-evident audit log");
  audit->require_subcommand(1);
  auto* verify =
      audit->add_subcommand("verify", "Recompute the hash chain; exit 1 if any entry was altered");
  verify->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto v = p->audit().Verify();
    if (!v.ok()) return void(*exit_code = Fail(v.status()));
    for (const auto& problem : v->problems) {
      std::cout << "entry " << problem.seq << ": " << problem.what << "\n";
    }
    if (v->ok()) {
      std::cout << "audit log intact: " << v->entries << " entries, hash chain verified\n";
    } else {
      std::cout << "audit log TAMPERED: " << v->problems.size() << " problem(s) in " << v->entries
                << " entries\n";
      *exit_code = 1;
    }
  });
}

}  // namespace gongkai::cli
