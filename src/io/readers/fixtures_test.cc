// Our own published-report fixtures (tests/fixtures/reports, written by make_fixtures.py there)
// read end to end: each file NAME.EXT beside a NAME.expected.json is read with ReadPublishedReport
// and audited, and every cell of its format, the agency, year and format version, the rules that
// fire and the number of extraction problems are compared with what the JSON says (the README
// beside the fixtures describes the JSON). Files in a folder named batch-* are audited together,
// as one agency's consecutive years, for the year-over-year rules; every other file alone.
//
// A fixture whose JSON has "known_bug" is skipped with the reason printed: the figures it
// expects are right and the reader or extractor is not yet (GONGKAI_FIXTURES_KNOWN_BUGS=1 runs
// those too).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/report/report_audit.h"
#include "io/file_reader.h"
#include "io/report_import.h"

namespace gongkai::io {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The same bound as `gongkai audit` (cli/cmd_audit_reports.cc).
constexpr size_t kMaxReportBytes = 64u << 20;

std::string SourceDir() {
  if (const char* dir = std::getenv("GONGKAI_SOURCE_DIR"); dir != nullptr && *dir != '\0')
    return dir;
  // ctest lists the tests (gtest_discover_tests) without the tests' environment: fall back to
  // where this file is, src/io/readers/ under the source tree.
  return fs::path(__FILE__).parent_path().parent_path().parent_path().parent_path().string();
}

fs::path FixtureRoot() { return fs::path(SourceDir()) / "tests" / "fixtures" / "reports"; }

struct Fixture {
  std::string path;      // the file
  std::string relative;  // under FixtureRoot(), with '/'
  std::string expected;  // its NAME.expected.json
};

// Test names and failure messages show the fixture's path, not its bytes.
void PrintTo(const Fixture& f, std::ostream* os) { *os << f.relative; }

std::string ExpectedPathFor(const fs::path& file) {
  return (file.parent_path() / (file.stem().string() + ".expected.json")).string();
}

std::vector<Fixture> Discover() {
  std::vector<Fixture> out;
  std::error_code ec;
  fs::path root = FixtureRoot();
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::string name = it->path().filename().string();
    if (name.ends_with(".expected.json")) continue;
    std::string expected = ExpectedPathFor(it->path());
    if (!fs::exists(expected, ec)) continue;
    out.push_back(
        {it->path().string(), fs::relative(it->path(), root, ec).generic_string(), expected});
  }
  std::sort(out.begin(), out.end(),
            [](const Fixture& a, const Fixture& b) { return a.relative < b.relative; });
  return out;
}

const std::vector<Fixture>& AllFixtures() {
  static const std::vector<Fixture> all = Discover();
  return all;
}

json LoadJson(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str(), nullptr, /*allow_exceptions=*/false);
}

bool InBatchFolder(const Fixture& f) {
  return fs::path(f.path).parent_path().filename().string().starts_with("batch");
}

// The fixture and, in a batch-* folder, the other fixtures of that folder.
std::vector<Fixture> BatchOf(const Fixture& f) {
  if (!InBatchFolder(f)) return {f};
  std::vector<Fixture> out;
  fs::path dir = fs::path(f.path).parent_path();
  for (const auto& other : AllFixtures())
    if (fs::path(other.path).parent_path() == dir) out.push_back(other);
  return out;
}

// As `gongkai audit` reads a file: bounded in size, refused with a one-line reason.
report::AuditedReport ReadFixtureFile(const std::string& path) {
  auto bytes = ReadFileLimited(path, kMaxReportBytes);
  if (!bytes.ok()) {
    report::AuditedReport refused;
    refused.source = path;
    refused.refused = bytes.status();
    return refused;
  }
  return ReadPublishedReport(*bytes, path);
}

// Reads and audits the fixture's batch; returns the fixture's own report.
report::AuditedReport Audit(const Fixture& f) {
  std::vector<Fixture> batch = BatchOf(f);
  std::vector<report::AuditedReport> reports;
  size_t self = 0;
  for (const auto& member : batch) {
    if (member.path == f.path) self = reports.size();
    reports.push_back(ReadFixtureFile(member.path));
  }
  report::AuditBatch(reports);
  return reports[self];
}

std::string Describe(const report::CellValue& v) {
  switch (v.state) {
    case report::CellState::kNumber:
      return std::to_string(v.value);
    case report::CellState::kBlank:
      return "blank";
    case report::CellState::kDash:
      return "dash";
    case report::CellState::kUnreadable:
      return "unreadable '" + v.text + "'";
  }
  return "?";
}

bool Matches(const json& want, const report::CellValue& got) {
  if (want.is_number_integer())
    return got.state == report::CellState::kNumber && got.value == want.get<int64_t>();
  std::string s = want.is_string() ? want.get<std::string>() : "";
  if (s == "blank") return got.state == report::CellState::kBlank;
  if (s == "dash") return got.state == report::CellState::kDash;
  if (s == "unreadable") return got.state == report::CellState::kUnreadable;
  return false;
}

std::string ProblemList(const report::ExtractedReport& r) {
  std::string s;
  for (const auto& p : r.problems) {
    s += "\n  line " + std::to_string(p.line) + " [" + p.cell + "] " + p.message_en;
    if (s.size() > 3000) return s + "\n  …";
  }
  return s;
}

std::string ViolationList(const report::AuditedReport& r) {
  std::string s;
  for (const auto& v : r.violations)
    s += "\n  " + v.rule + " " + std::string(report::SeverityCode(v.severity)) + " " + v.message_en;
  return s;
}

class FixtureTest : public ::testing::TestWithParam<Fixture> {};

TEST_P(FixtureTest, ReadsAsExpected) {
  const Fixture& f = GetParam();
  json want = LoadJson(f.expected);
  ASSERT_TRUE(want.is_object()) << f.expected << " is not a JSON object";
  // GONGKAI_FIXTURES_KNOWN_BUGS=1 runs them anyway, to see whether a fix made one pass.
  const char* run_known = std::getenv("GONGKAI_FIXTURES_KNOWN_BUGS");
  if (want.contains("known_bug") && !(run_known != nullptr && std::string(run_known) == "1"))
    GTEST_SKIP() << f.relative << ": known bug: " << want["known_bug"].get<std::string>();

  report::AuditedReport r = Audit(f);
  if (want.value("refused", false)) {
    ASSERT_FALSE(r.read()) << f.relative << " was read; it must be refused";
    const std::string& reason = r.refused.message();
    EXPECT_NE(reason.find(want.value("reason_contains", "")), std::string::npos)
        << f.relative << ": refused for '" << reason << "'";
    EXPECT_EQ(reason.find('\n'), std::string::npos) << "one line: '" << reason << "'";
    EXPECT_FALSE(reason.empty());
    return;
  }
  ASSERT_TRUE(r.read()) << f.relative << " was refused: " << r.refused.ToString();
  const report::ExtractedReport& x = r.extracted;

  if (want.contains("agency")) {
    EXPECT_EQ(x.agency_name, want["agency"].get<std::string>()) << f.relative;
  }
  if (want.contains("year")) {
    EXPECT_EQ(x.year, want["year"].get<int>()) << f.relative;
  }
  if (want.contains("format")) {
    EXPECT_EQ(x.data.format_id, want["format"].get<std::string>()) << f.relative;
  }

  // Every cell, reported together so one shifted column shows as one list.
  if (want.contains("cells")) {
    std::string wrong;
    int n_wrong = 0;
    std::set<std::string> listed;
    for (const auto& [cell, value] : want["cells"].items()) {
      listed.insert(cell);
      auto it = x.data.cells.find(cell);
      if (it == x.data.cells.end()) {
        wrong += "\n  " + cell + ": expected " + value.dump() + ", missing";
        ++n_wrong;
      } else if (!Matches(value, it->second)) {
        wrong += "\n  " + cell + ": expected " + value.dump() + ", got " + Describe(it->second);
        ++n_wrong;
      }
    }
    for (const auto& [cell, value] : x.data.cells) {
      if (!listed.count(cell)) {
        wrong += "\n  " + cell + ": not in the expected cells, got " + Describe(value);
        ++n_wrong;
      }
    }
    EXPECT_EQ(n_wrong, 0) << f.relative << ": " << n_wrong << " cells differ:" << wrong
                          << "\nextraction problems:" << ProblemList(x);
  }

  // Rules: each expected one fires; no other error-level rule fires (no other rule at all with
  // "exact_violations").
  std::set<std::string> expected_rules;
  for (const auto& rule : want.value("violations", json::array()))
    expected_rules.insert(rule.get<std::string>());
  std::set<std::string> fired;
  for (const auto& v : r.violations) fired.insert(v.rule);
  for (const auto& rule : expected_rules)
    EXPECT_TRUE(fired.count(rule))
        << f.relative << ": rule " << rule << " did not fire; violations:" << ViolationList(r);
  bool exact = want.value("exact_violations", false);
  for (const auto& v : r.violations) {
    if (expected_rules.count(v.rule)) continue;
    if (v.severity == report::Severity::kError || exact)
      ADD_FAILURE() << f.relative << ": unexpected " << v.rule << " ("
                    << report::SeverityCode(v.severity) << "): " << v.message_en;
  }

  EXPECT_EQ(static_cast<int>(x.problems.size()), want.value("extraction_problems", 0))
      << f.relative << ": extraction problems:" << ProblemList(x);
}

std::string FixtureName(const ::testing::TestParamInfo<Fixture>& info) {
  std::string name;
  for (char c : info.param.relative) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(AllFixtures()), FixtureName);

TEST(FixtureSetTest, FixturesAreFound) {
  EXPECT_GE(AllFixtures().size(), 40u) << "under " << FixtureRoot();
  for (const auto& f : AllFixtures()) {
    json want = LoadJson(f.expected);
    EXPECT_TRUE(want.is_object()) << f.expected;
  }
}

// Every rule of annual-report.md §5 is seen failing on at least one fixture that expects it,
// except P-01 (needs the date the report was published, which a file does not carry), P-02
// (needs the published versions kept in storage) and A-01 (needs a region's report together
// with its units' reports): none can come from a single file; their own tests cover them.
TEST(FixtureSetTest, EveryRuleFailsOnSomeFixture) {
  const std::vector<std::string> rules = {"T3-01", "T3-02", "T3-03", "T3-04", "T3-05", "T3-06",
                                          "T4-01", "T4-02", "T2-01", "T2-02", "T2-03", "Y-01",
                                          "Y-02",  "Y-03",  "N-01",  "N-02",  "N-03",  "N-05"};
  std::map<std::string, std::string> seen;  // rule → a fixture where it fired as expected
  for (const auto& f : AllFixtures()) {
    json want = LoadJson(f.expected);
    if (!want.is_object() || want.contains("known_bug") || want.value("refused", false)) continue;
    std::set<std::string> expected_rules;
    for (const auto& rule : want.value("violations", json::array()))
      expected_rules.insert(rule.get<std::string>());
    if (expected_rules.empty()) continue;
    report::AuditedReport r = Audit(f);
    for (const auto& v : r.violations)
      if (expected_rules.count(v.rule)) seen.emplace(v.rule, f.relative);
  }
  for (const auto& rule : rules)
    EXPECT_TRUE(seen.count(rule)) << "no fixture shows rule " << rule << " failing";
}

// Bad files in one batch with a good one: each refused with a one-line reason, the good one
// still read and audited.
TEST(FixtureBadInputTest, TheBatchGoesOn) {
  std::vector<report::AuditedReport> reports;
  int to_refuse = 0;
  for (const auto& f : AllFixtures()) {
    if (!f.relative.starts_with("bad/")) continue;
    json want = LoadJson(f.expected);
    if (want.contains("known_bug")) continue;
    to_refuse += want.value("refused", false);
    reports.push_back(ReadFixtureFile(f.path));
  }
  ASSERT_GE(to_refuse, 3);
  reports.push_back(ReadFixtureFile((FixtureRoot() / "text" / "seed-style.txt").string()));
  report::AuditBatch(reports);
  for (const auto& r : reports) {
    if (!r.read()) {
      EXPECT_FALSE(r.refused.message().empty()) << r.source;
      EXPECT_EQ(r.refused.message().find('\n'), std::string::npos) << r.source;
    }
  }
  const auto& good = reports.back();
  ASSERT_TRUE(good.read()) << good.refused.ToString();
  EXPECT_EQ(good.extracted.cells_read, 200);
  EXPECT_FALSE(good.HasErrors()) << ViolationList(good);
  EXPECT_EQ(report::Totals(reports).refused, to_refuse);
}

// A 200 MB file is refused by its size before anything reads it (made sparse at run time, so
// nothing big is committed or written to disk).
TEST(FixtureBadInputTest, AHugeFileIsRefusedBySize) {
  fs::path dir = fs::temp_directory_path() / ("gongkai-fixtures-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path big = dir / "huge-report.txt";
  { std::ofstream(big) << "青石县柳溪镇人民政府2024年政府信息公开工作年度报告\n"; }
  fs::resize_file(big, 200u << 20);
  report::AuditedReport r = ReadFixtureFile(big.string());
  EXPECT_FALSE(r.read());
  EXPECT_EQ(r.refused.code(), StatusCode::kResourceExhausted) << r.refused.ToString();
  EXPECT_EQ(r.refused.message().find('\n'), std::string::npos) << r.refused.message();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gongkai::io
