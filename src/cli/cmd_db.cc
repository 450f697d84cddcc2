// db status, db migrate, db copy.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/common.h"
#include "service/db_copy.h"
#include "storage/store.h"

namespace gongkai::cli {
namespace {

// The URL without its password, for output: postgresql://user:secret@host → user:***@host.
std::string Redacted(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// Opens the --db store without migrating; reports and returns nullptr on failure.
std::unique_ptr<storage::Store> OpenUnmigratedOrReport(int* exit_code) {
  auto store = storage::OpenStoreUnmigrated(DatabaseUrl());
  if (!store.ok()) {
    Status st = store.status();
    *exit_code = Fail(st.Annotate("database " + Redacted(DatabaseUrl()), "数据库"));
    return nullptr;
  }
  return std::move(store).value();
}

void ShowStatus(int* exit_code) {
  auto store = OpenUnmigratedOrReport(exit_code);
  if (!store) return;
  auto m = store->Migrations();
  if (!m.ok()) return void(*exit_code = Fail(m.status()));
  std::cout << "backend: " << store->backend() << "\ndatabase: " << Redacted(DatabaseUrl())
            << "\nmigration: " << m->database_version << " (this gongkai knows up to "
            << m->binary_version << ")\n";
  if (m->database_version < m->binary_version) {
    std::cout << "pending: " << m->binary_version - m->database_version
              << " migration(s); run `gongkai db migrate` (or any command) to apply\n";
  }
  // Same refusal (and exit code) as every other command on a database from a newer gongkai.
  if (m->database_version > m->binary_version) *exit_code = Fail(store->Migrate().status());
}

void Migrate(int* exit_code) {
  auto store = OpenUnmigratedOrReport(exit_code);
  if (!store) return;
  auto applied = store->Migrate();
  if (!applied.ok()) return void(*exit_code = Fail(applied.status()));
  for (const auto& step : *applied) {
    std::cout << "applied migration " << step.version << " (" << step.name << ")\n";
  }
  auto m = store->Migrations();
  if (!m.ok()) return void(*exit_code = Fail(m.status()));
  if (applied->empty()) {
    std::cout << "database is up to date at migration " << m->database_version << "\n";
  } else {
    std::cout << "database is now at migration " << m->database_version << "\n";
  }
}

void PrintReport(const service::CopyReport& r) {
  // The first 16 hex digits identify a table's content well enough to read; the comparison itself
  // uses the whole digest.
  std::printf("%-22s %11s %-16s %11s %-16s %7s\n", "table", "source rows", "sha256", "target rows",
              "sha256", "copied");
  for (size_t i = 0; i < r.source.size(); ++i) {
    const auto& s = r.source[i];
    const auto& t = r.target[i];
    std::string copied = i < r.copied.size() ? std::to_string(r.copied[i].rows) : "-";
    std::printf("%-22s %11lld %-16s %11lld %-16s %7s\n", s.table.c_str(),
                static_cast<long long>(s.rows), s.sha256.substr(0, 16).c_str(),
                static_cast<long long>(t.rows), t.sha256.substr(0, 16).c_str(), copied.c_str());
  }
  std::fflush(stdout);
}

void Copy(const std::string& from, const std::string& to, int* exit_code) {
  auto report = service::CopyDatabase(from, to);
  if (!report.ok()) return void(*exit_code = Fail(report.status()));
  std::cout << "copied " << Redacted(from) << " -> " << Redacted(to) << " at migration "
            << report->migration << "\n"
            << "sessions are not copied: users sign in again on the target\n";
  PrintReport(*report);
  int64_t written = 0;
  for (const auto& c : report->copied) written += c.rows;
  if (written == 0) std::cout << "nothing to copy: the target already had every row\n";
  if (!report->verified()) {
    std::string tables;
    for (const auto& t : report->mismatches) tables += (tables.empty() ? "" : ", ") + t;
    *exit_code = Fail(FailedPrecondition("verification failed: source and target differ in " +
                                         tables + " (was the target written meanwhile?)"));
    return;
  }
  std::cout << "verified: row counts and SHA-256 checksums match in all " << report->source.size()
            << " tables\n";
}

}  // namespace

void AddDbCommands(CLI::App& app, int* exit_code) {
  auto* db = app.add_subcommand("db", "Database maintenance");
  db->require_subcommand(1);
  db->add_subcommand("status", "Show the database's and the binary's migration versions")
      ->callback([exit_code] { ShowStatus(exit_code); });
  db->add_subcommand("migrate", "Apply pending migrations and say which")->callback([exit_code] {
    Migrate(exit_code);
  });

  auto* copy = db->add_subcommand(
      "copy", "Copy all data (ids, audit log and its chain; not sessions) into another database");
  static std::string from, to;
  copy->add_option("--from", from, "Source database URL (not modified; must be migrated)")
      ->required();
  copy->add_option("--to", to, "Target database URL (migrated on open; may already hold a copy)")
      ->required();
  copy->callback([exit_code] { Copy(from, to, exit_code); });
}

}  // namespace gongkai::cli
