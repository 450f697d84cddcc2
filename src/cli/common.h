// Shared pieces of the `gongkai` command: global options, opening the platform, exit codes.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "service/platform.h"

namespace gongkai::cli {

struct GlobalOptions {
  std::string db;  // --db or $GONGKAI_DB or var/gongkai.db
  std::string log_level = "info";
};

GlobalOptions& Globals();
// The database URL to use; creates the parent folder of a SQLite file.
std::string DatabaseUrl();
const service::Clock& SystemClockInstance();
// Opens (and migrates) the database; prints the error and returns nullptr on failure.
std::unique_ptr<service::Platform> OpenOrReport(Status* status);

// One mapping from status codes to exit codes (documented in docs/cli.md).
int ExitCodeFor(StatusCode code);
// Prints "gongkai: <English message>" to stderr and returns the exit code.
int Fail(const Status& status);
// The agency a person names on the command line: an id ("4"), a region code ("411202"), the full
// name or the short name ("磁钟乡"). NotFound when nothing matches; InvalidArgument naming the
// candidates when a short name is shared.
Result<Agency> ResolveAgency(service::Platform& platform, const std::string& spec);
// Several of them, comma-separated ("磁钟乡,交口乡").
Result<std::vector<Agency>> ResolveAgencies(service::Platform& platform, const std::string& specs);
// Loads the calendars bundled in the binary that the database does not have yet.
Status LoadBundledCalendars(service::Platform& platform, bool quiet);

// Registration of each command group (cmd_*.cc). Each sets its own callback that stores an exit
// code.
void AddInitCommands(CLI::App& app, int* exit_code);         // init, demo, and AddDbCommands
void AddDbCommands(CLI::App& app, int* exit_code);           // db status|migrate|copy
void AddServeCommand(CLI::App& app, int* exit_code);         // serve
void AddAgencyCommands(CLI::App& app, int* exit_code);       // agency add|list|show
void AddUserCommands(CLI::App& app, int* exit_code);         // user add|list|passwd
void AddCalendarCommands(CLI::App& app, int* exit_code);     // calendar list|load|check
void AddAuditCommands(CLI::App& app, int* exit_code);        // audit-log verify
void AddAuditReportsCommand(CLI::App& app, int* exit_code);  // audit PATH... (published reports)
void AddReportCommands(CLI::App& app, int* exit_code);       // report check|render|list|show|...
void AddApplicationCommands(CLI::App& app, int* exit_code);  // application list|show|tally
void AddPublicationCommands(CLI::App& app, int* exit_code);  // publication list|show|search|…
void AddFiguresCommands(CLI::App& app, int* exit_code);      // figures import|show, normative list

}  // namespace gongkai::cli
