// The procedure of an application as one pure transition: Apply(case, event) checks that the event
// may happen to the case as it stands and returns the case with the event appended and its snapshot
// (state, outcome, closed_on, receipt date) updated. Nothing is changed when it refuses.
//
// Refused (with what and why, in English and Chinese): anything on a closed case except a note; a
// date in the future or before the receipt; a second correction request (Art. 30: once and
// completely); an outcome while the case is paused (awaiting correction, consultation or payment),
// except 逾期不补正 / 逾期未缴费 once the applicant's time has run out; an extension beyond the
// rules' maximum, a second one, one asked after the due date, or one approved without a pending
// request; a fee where none may be charged (free band, or before 109号); answers to events that are
// not open. Who may record an event (the leader approves extensions) is the service's check.
#pragma once

#include <vector>

#include "core/application/application.h"
#include "core/calendar.h"
#include "core/status.h"

namespace gongkai::application {

struct CaseContext {
  Date today;
  const WorkingCalendar& calendar;
};

// What is open on a case, replayed from its events (pointers into app.events): what the next
// step may answer, and what the procedure allows only once.
struct OpenItems {
  const CaseEvent* correction_request = nullptr;  // requested, not yet received
  bool correction_requested_ever = false;
  bool correction_received_ever = false;
  std::vector<const CaseEvent*> consultations;   // sent, not yet answered
  const CaseEvent* extension_request = nullptr;  // awaiting the leader
  int extensions_approved = 0;
  const CaseEvent* fee_notice = nullptr;  // issued, not yet paid
  bool fee_notice_ever = false;
  bool closed = false;
};
OpenItems OpenItemsOf(const Application& app);

// The state a case's events lead to (used when loading and by Apply).
CaseState DeriveState(const Application& app);

// `event.seq` is assigned here (the next one); `recorded_at`/`by` are kept as given.
Result<Application> Apply(const Application& app, CaseEvent event, const CaseContext& ctx);

}  // namespace gongkai::application
