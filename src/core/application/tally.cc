// annual-report.md §7: counting Tables 三 and 四 from the records.
#include "core/application/tally.h"

#include <array>
#include <string>

namespace gongkai::application {

namespace {

constexpr int kColumns = static_cast<int>(kAllApplicantTypes.size());

std::string Cell(std::string_view table, std::string_view row, std::string_view column) {
  std::string id(table);
  id += '.';
  id += row;
  id += '.';
  id += column;
  return id;
}

}  // namespace

CaseSummary Summarise(const Application& app) {
  CaseSummary s;
  s.type = app.applicant.type;
  s.receipt_date = *app.receipt_date;
  s.closed_on = app.closed_on;
  s.outcome = app.outcome;
  return s;
}

void TallyTable3(std::span<const CaseSummary> cases, int year, report::ReportData& data) {
  const Date first = Date::FromYmd(year, 1, 1).value();
  const Date last = Date::FromYmd(year, 12, 31).value();
  using Row = std::array<int64_t, kColumns>;
  Row fresh{}, carried_in{}, carried_out{};
  std::array<Row, kOutcomeCount> results{};
  for (const CaseSummary& c : cases) {
    if (c.receipt_date > last) continue;
    if (c.closed_on && *c.closed_on < first) continue;
    const int col = static_cast<int>(c.type);
    (c.receipt_date >= first ? fresh : carried_in)[col] += c.count;
    if (c.closed_on && *c.closed_on <= last && c.outcome) {
      results[static_cast<int>(*c.outcome)][col] += c.count;
    } else {
      carried_out[col] += c.count;
    }
  }
  Row handled{};
  for (const Row& r : results) {
    for (int i = 0; i < kColumns; ++i) handled[i] += r[i];
  }
  auto put = [&](std::string_view row, const Row& values) {
    int64_t total = 0;
    for (int i = 0; i < kColumns; ++i) {
      data.Set(Cell("t3", row, Code(kAllApplicantTypes[i])), values[i]);
      total += values[i];
    }
    data.Set(Cell("t3", row, "total"), total);
  };
  put("new", fresh);
  put("carried_in", carried_in);
  for (int o = 0; o < kOutcomeCount; ++o) put(Code(kAllOutcomes[o]), results[o]);
  put("handled_total", handled);
  put("carried_out", carried_out);
}

void TallyTable4(std::span<const litigation::ReviewCase> cases, int year,
                 report::ReportData& data) {
  using litigation::CaseResult;
  const Date last = Date::FromYmd(year, 12, 31).value();
  constexpr int kResults = static_cast<int>(litigation::kAllCaseResults.size());
  std::array<std::array<int64_t, kResults>, litigation::kAllCaseKinds.size()> counts{};
  for (const litigation::ReviewCase& c : cases) {
    if (c.role != litigation::AgencyRole::kOriginal) continue;
    if (c.filed_on > last) continue;
    CaseResult result = CaseResult::kPending;
    if (c.result != CaseResult::kPending && c.result_on) {
      if (c.result_on->year() < year) continue;  // decided in an earlier year
      if (c.result_on->year() == year) result = c.result;
    }
    ++counts[static_cast<int>(c.kind)][static_cast<int>(result)];
  }
  for (litigation::CaseKind kind : litigation::kAllCaseKinds) {
    int64_t total = 0;
    for (CaseResult r : litigation::kAllCaseResults) {
      int64_t n = counts[static_cast<int>(kind)][static_cast<int>(r)];
      data.Set(Cell("t4", litigation::Code(kind), litigation::Code(r)), n);
      total += n;
    }
    data.Set(Cell("t4", litigation::Code(kind), "total"), total);
  }
}

}  // namespace gongkai::application
