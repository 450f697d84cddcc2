// gongkai: the command-line entry point. Every subcommand calls the same services as the web
// handlers.
#include <spdlog/spdlog.h>

#include "cli/common.h"

int main(int argc, char** argv) {
  using namespace gongkai::cli;
  CLI::App app{"gongkai — 政务公开工作平台 (government information disclosure platform)",
               "gongkai"};
  app.set_version_flag("--version", GONGKAI_VERSION);
  app.require_subcommand(1);
  app.option_defaults()->always_capture_default();
  app.add_option("--db", Globals().db,
                 "Database: a SQLite file path (default $GONGKAI_DB or var/gongkai.db)");
  app.add_option("--log-level", Globals().log_level, "trace|debug|info|warn|error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));
  int exit_code = 0;
  AddInitCommands(app, &exit_code);
  AddServeCommand(app, &exit_code);
  AddAgencyCommands(app, &exit_code);
  AddUserCommands(app, &exit_code);
  AddCalendarCommands(app, &exit_code);
  AddAuditCommands(app, &exit_code);
  AddAuditReportsCommand(app, &exit_code);
  AddReportCommands(app, &exit_code);
  AddApplicationCommands(app, &exit_code);
  AddPublicationCommands(app, &exit_code);
  AddFiguresCommands(app, &exit_code);
  app.parse_complete_callback(
      [] { spdlog::set_level(spdlog::level::from_str(Globals().log_level)); });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints the message (or the help); any refusal of the command line is exit 2
    // (docs/cli.md), whatever CLI11's own code for it.
    return app.exit(e) == 0 ? 0 : 2;
  }
  return exit_code;
}
