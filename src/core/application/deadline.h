// The answer clock of an application (《政府信息公开条例》 Art. 30, 32-34; 109号 for fees), derived
// from the receipt date and the event history on every read, never stored.
//
// Convention (statute.md, "Counting working days"): the receipt day is day 0, day 1 the first
// working day after it, and the answer is due at the end of the N-th working day. A pause
// (consultation sent on S and answered on E; a fee notice received on S and paid on E) does not
// count the working days in (S, E]; overlapping pauses count once. A received correction makes its
// day the new day 0. An approved extension adds its working days. A day in a year whose calendar
// notice is not loaded makes the result provisional.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/application/application.h"
#include "core/application/rules.h"
#include "core/calendar.h"

namespace gongkai::application {

enum class ClockStatus {
  kNotStarted,          // awaiting confirmation of an online submission
  kRunning,             // `due` is set
  kPaused,              // consultation or fee payment under way; `remaining_days` is set
  kAwaitingCorrection,  // restarts from the corrected application's receipt
  kStopped,             // answered; `due` is what the due date was
};

// One line of "how was this deadline computed", in Chinese for the page.
struct DeadlineStep {
  Date date;
  std::string text;
};

struct ConsultationClock {
  int seq = 0;  // the kConsultationSent event
  std::string party;
  ConsultationKind kind = ConsultationKind::kThirdParty;
  Date sent;
  Date reply_due;                // 15 working days (Art. 32, 34)
  std::optional<Date> answered;  // unset while open
  int paused_days = 0;           // working days not counted because of it (alone)
};

struct Deadline {
  ClockStatus status = ClockStatus::kNotStarted;
  std::string rules_id;
  std::optional<Date> day0;  // the receipt date, or the corrected application's
  std::optional<Date> due;   // end of this day
  int base_days = 0;         // 20
  int extension_days = 0;    // approved
  int paused_days = 0;       // working days not counted after day 0
  int remaining_days = 0;    // when paused: working days left once the pause ends
  std::optional<Date> paused_since;
  bool provisional = false;  // a counted day lies in a year whose calendar is not loaded
  // Deadlines the agency and the applicant must meet along the way.
  std::optional<Date> correction_notice_due;  // Art. 30: 7 working days after receipt
  bool correction_notice_late = false;
  std::optional<Date> applicant_correction_due;  // from the notice, while awaiting correction
  std::optional<Date> payment_due;               // 20 working days after the notice is received
  std::vector<ConsultationClock> consultations;
  std::optional<Date> answered_on;
  int late_days = 0;  // answered after due: working days late
  std::vector<DeadlineStep> steps;
};

// With `explain` false the steps are left empty (lists and benchmarks need only the dates).
Deadline ComputeDeadline(const Application& app, const WorkingCalendar& calendar,
                         bool explain = true);

// Working days from today to the due date: 0 = due today, negative = overdue by that many.
// nullopt unless the clock is running.
std::optional<int> WorkingDaysLeft(const Deadline& d, Date today, const WorkingCalendar& calendar);

std::string_view Code(ClockStatus s);
std::string_view Label(ClockStatus s);

}  // namespace gongkai::application
