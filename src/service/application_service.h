// Disclosure application use cases (依申请公开): the public applies online and follows the case by
// its query code; the clerk registers applications from every channel, handles them step by step
// (correction, consultation, extension with the leader's approval, fee, answer) and lists them by
// deadline; every change is one event appended under the case's version and audited. Due dates are
// computed on read from the stored calendar, so loading a year's notice recomputes open cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/agency.h"
#include "core/application/application.h"
#include "core/application/deadline.h"
#include "core/litigation/review_case.h"
#include "core/report/report_data.h"
#include "service/actor.h"
#include "service/calendar_service.h"
#include "service/clock.h"
#include "storage/store.h"

namespace gongkai::service {

struct ApplicationLimits {
  int per_hour = 5;  // online submissions per sender address
  int per_day = 20;
};

// One case as the back office shows it.
struct ApplicationView {
  application::Application app;
  Agency agency;
  application::Deadline deadline;
  std::optional<int> days_left;  // running clock only; negative = overdue
  bool extension_pending = false;
  std::vector<application::Application> duplicates;  // same applicant, same request (no events)
  std::vector<litigation::ReviewCase> review_cases;
};

// A line of a list: the case without events, and its clock.
struct ApplicationLine {
  application::Application app;
  application::Deadline deadline;  // without steps
  std::optional<int> days_left;
  bool extension_pending = false;
};

enum class ApplicationList {
  kAll,
  kOpen,
  kDueSoon,           // running, due within `due_within` working days (overdue excluded)
  kOverdue,           // running and past due
  kPaused,            // awaiting correction, consultation or payment
  kAwaitingApproval,  // an extension request awaits the leader
  kAwaitingConfirmation,
  kClosed,
};
std::string_view Code(ApplicationList l);
std::optional<ApplicationList> ParseApplicationList(std::string_view code);
std::string_view Label(ApplicationList l);

struct ApplicationQuery {
  int64_t agency_id = 0;  // 0: the actor's own agency; its subtree is included
  ApplicationList list = ApplicationList::kAll;
  int due_within = 5;
  std::optional<int64_t> handler_id;
  std::optional<Date> received_from, received_through;
  std::optional<application::Outcome> outcome;
  std::optional<application::ApplicantType> applicant_type;
  std::optional<application::CaseState> state;
  int limit = 500;
};

// What the public sees with a query code: no identity numbers, no internal notes.
struct PublicStatus {
  application::Application app;  // events filtered to the public ones
  Agency agency;
  application::Deadline deadline;
};

struct Submitted {
  int64_t id = 0;
  std::string query_code;  // shown once to the applicant, grouped for reading
};

class ApplicationService {
 public:
  ApplicationService(storage::Store& store, const Clock& clock, CalendarService& calendar,
                     ApplicationLimits limits = {})
      : store_(store), clock_(clock), calendar_(calendar), limits_(limits) {}

  // The public form (Art. 29). Validates every field, limits submissions per sender, and returns
  // the query code. The receipt date is fixed when staff confirm it (Art. 31).
  Result<Submitted> SubmitOnline(const Actor& actor, int64_t agency_id,
                                 application::Application form);
  // Staff register an application from any channel with its legal receipt date.
  Result<Submitted> Register(const Actor& actor, int64_t agency_id, application::Application form);
  Result<ApplicationView> Get(const Actor& actor, int64_t id);
  // The public view by query code (spaces, dashes and case ignored). NotFound for a wrong code.
  Result<PublicStatus> Track(std::string_view query_code);

  // Records one step. `version` is the case version the form was read at (stale → Aborted). The
  // service fills who and when; for a fee notice it computes the amount from method and quantity
  // (per item: counting the applicant's earlier items this calendar month). Extension decisions
  // need the leader; every other step the clerk or admin.
  Status Record(const Actor& actor, int64_t id, int64_t version, application::CaseEvent event);
  // What a fee notice would charge now, with how (for the form before it is issued).
  struct FeeQuote {
    int items_before = 0;
    int64_t amount_fen = 0;
    std::string explanation;
  };
  Result<FeeQuote> QuoteFee(const Actor& actor, int64_t id, application::FeeMethod method,
                            int quantity);
  Status Assign(const Actor& actor, int64_t id, int64_t version, int64_t handler_id);

  Result<std::vector<ApplicationLine>> List(const Actor& actor, const ApplicationQuery& query);
  // The list as CSV (UTF-8 with BOM), one row per case.
  Result<std::string> ExportCsv(const Actor& actor, const ApplicationQuery& query);
  // Tables 三 and 四 of the agency's year from its own records (not its units').
  Result<report::ReportData> TallyYear(const Actor& actor, int64_t agency_id, int year);

 private:
  Result<std::shared_ptr<const WorkingCalendar>> Calendar();
  Result<Submitted> Insert(const Actor& actor, int64_t agency_id, application::Application form,
                           bool online);
  storage::Store& store_;
  const Clock& clock_;
  CalendarService& calendar_;
  ApplicationLimits limits_;
};

// Whether an extension request awaits the leader's decision.
bool IsExtensionPending(const application::Application& app);

// "3F9A-12BC-77D0-4E21-9B05" from the stored form, and back (NotFound-safe normalisation).
std::string FormatQueryCode(std::string_view code);
std::string NormaliseQueryCode(std::string_view typed);

}  // namespace gongkai::service
