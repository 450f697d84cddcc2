// The back office's lists of applications (by deadline, state, handler), their CSV export, and
// Tables 三/四 counted from the records.
#include <algorithm>
#include <map>

#include "core/application/tally.h"
#include "io/application_csv.h"
#include "service/application_service.h"
#include "service/authorize.h"
#include "service/tx.h"

namespace gongkai::service {

using application::Application;
using application::CaseState;

namespace {

constexpr std::pair<ApplicationList, const char*> kListCodes[] = {
    {ApplicationList::kAll, "all"},
    {ApplicationList::kOpen, "open"},
    {ApplicationList::kDueSoon, "due_soon"},
    {ApplicationList::kOverdue, "overdue"},
    {ApplicationList::kPaused, "paused"},
    {ApplicationList::kAwaitingApproval, "awaiting_approval"},
    {ApplicationList::kAwaitingConfirmation, "awaiting_confirmation"},
    {ApplicationList::kClosed, "closed"},
};

// The agency ids of root's subtree, after checking the actor may see root.
Result<std::vector<int64_t>> Scope(storage::Transaction& tx, const Actor& actor, int64_t root) {
  return VisibleScope(tx, actor, root);
}

}  // namespace

std::string_view Code(ApplicationList l) {
  for (const auto& [list, code] : kListCodes) {
    if (list == l) return code;
  }
  return "";
}

std::optional<ApplicationList> ParseApplicationList(std::string_view code) {
  for (const auto& [list, c] : kListCodes) {
    if (c == code) return list;
  }
  return std::nullopt;
}

std::string_view Label(ApplicationList l) {
  switch (l) {
    case ApplicationList::kAll:
      return "全部";
    case ApplicationList::kOpen:
      return "办理中";
    case ApplicationList::kDueSoon:
      return "即将到期";
    case ApplicationList::kOverdue:
      return "已逾期";
    case ApplicationList::kPaused:
      return "暂停计时";
    case ApplicationList::kAwaitingApproval:
      return "延期待审批";
    case ApplicationList::kAwaitingConfirmation:
      return "在线申请待确认";
    case ApplicationList::kClosed:
      return "已办结";
  }
  return "";
}

Result<std::vector<ApplicationLine>> ApplicationService::List(const Actor& actor,
                                                              const ApplicationQuery& q) {
  GK_ASSIGN_OR_RETURN(auto cal, Calendar());
  const Date today = clock_.Today();
  return InRead(store_, [&](storage::Transaction& tx) -> Result<std::vector<ApplicationLine>> {
    storage::ApplicationFilter f;
    GK_ASSIGN_OR_RETURN(f.agency_ids, Scope(tx, actor, q.agency_id));
    f.handler_id = q.handler_id;
    f.received_from = q.received_from;
    f.received_through = q.received_through;
    f.outcome = q.outcome;
    f.applicant_type = q.applicant_type;
    f.with_events = true;
    f.limit = std::clamp(q.limit, 1, 100000);
    if (q.state) f.states = {*q.state};
    switch (q.list) {
      case ApplicationList::kAll:
        break;
      case ApplicationList::kOpen:
      case ApplicationList::kAwaitingApproval:
        f.open_only = true;
        break;
      case ApplicationList::kDueSoon:
      case ApplicationList::kOverdue:
        f.states = {CaseState::kHandling};
        f.limit = 100000;  // filtered by due date below
        break;
      case ApplicationList::kPaused:
        f.states = {CaseState::kAwaitingCorrection, CaseState::kConsulting,
                    CaseState::kAwaitingPayment};
        break;
      case ApplicationList::kAwaitingConfirmation:
        f.states = {CaseState::kAwaitingConfirmation};
        break;
      case ApplicationList::kClosed:
        f.states = {CaseState::kClosed};
        break;
    }
    GK_ASSIGN_OR_RETURN(std::vector<Application> apps, tx.ListApplications(f));
    std::vector<ApplicationLine> lines;
    for (Application& a : apps) {
      ApplicationLine line;
      line.deadline = application::ComputeDeadline(a, *cal, /*explain=*/false);
      line.days_left = application::WorkingDaysLeft(line.deadline, today, *cal);
      line.extension_pending = IsExtensionPending(a);
      bool keep = true;
      switch (q.list) {
        case ApplicationList::kDueSoon:
          keep = line.days_left && *line.days_left >= 0 && *line.days_left <= q.due_within;
          break;
        case ApplicationList::kOverdue:
          keep = line.days_left && *line.days_left < 0;
          break;
        case ApplicationList::kAwaitingApproval:
          keep = line.extension_pending;
          break;
        case ApplicationList::kAll:
        case ApplicationList::kOpen:
        case ApplicationList::kPaused:
        case ApplicationList::kAwaitingConfirmation:
        case ApplicationList::kClosed:
          break;
      }
      if (!keep) continue;
      a.events.clear();
      line.app = std::move(a);
      lines.push_back(std::move(line));
    }
    if (q.list == ApplicationList::kDueSoon || q.list == ApplicationList::kOverdue) {
      std::stable_sort(lines.begin(), lines.end(),
                       [](const ApplicationLine& x, const ApplicationLine& y) {
                         return *x.days_left < *y.days_left;
                       });
      if (static_cast<int>(lines.size()) > q.limit) lines.resize(std::max(q.limit, 1));
    } else {
      std::reverse(lines.begin(), lines.end());  // newest receipt first
    }
    return lines;
  });
}

Result<std::string> ApplicationService::ExportCsv(const Actor& actor, const ApplicationQuery& q) {
  ApplicationQuery all = q;
  all.limit = std::max(q.limit, 100000);
  GK_ASSIGN_OR_RETURN(std::vector<ApplicationLine> lines, List(actor, all));
  GK_ASSIGN_OR_RETURN(std::vector<Agency> agencies,
                      InRead(store_, [](storage::Transaction& tx) { return tx.ListAgencies(); }));
  std::map<int64_t, std::string> names;
  for (const Agency& a : agencies) names[a.id] = a.name;
  std::vector<io::ApplicationCsvRow> rows;
  for (const ApplicationLine& l : lines) {
    rows.push_back({&l.app, &l.deadline, l.days_left, names[l.app.agency_id]});
  }
  return io::ApplicationsToCsv(rows);
}

Result<report::ReportData> ApplicationService::TallyYear(const Actor& actor, int64_t agency_id,
                                                         int year) {
  return InRead(store_, [&](storage::Transaction& tx) -> Result<report::ReportData> {
    GK_RETURN_IF_ERROR(Authorize(tx, actor, Permission::kViewBackOffice, agency_id));
    report::ReportData data;
    data.year = year;
    data.format_id = "2021";
    GK_ASSIGN_OR_RETURN(std::vector<application::CaseSummary> summaries,
                        tx.SummariseApplications(agency_id, year));
    application::TallyTable3(summaries, year, data);
    GK_ASSIGN_OR_RETURN(std::vector<litigation::ReviewCase> cases,
                        tx.ListReviewCases(agency_id, 0));
    application::TallyTable4(cases, year, data);
    return data;
  });
}

}  // namespace gongkai::service
