// 《政府信息公开条例》 Art. 30 (correction restarts the clock), Art. 32/34 (consultation time not
// counted), Art. 33 (20 working days, one extension); 国办函〔2020〕109号 (payment time).
#include "core/application/deadline.h"

#include <algorithm>
#include <string>

namespace gongkai::application {

namespace {

struct Pause {
  Date start;               // the day the pause begins; it still counts
  std::optional<Date> end;  // the last day not counted; unset while open
};

std::string Day(Date d) { return d.ToChinese(); }

// Merged, clipped to after day0, ordered pauses.
std::vector<Pause> MergePauses(std::vector<Pause> pauses, Date day0) {
  std::vector<Pause> clipped;
  for (Pause p : pauses) {
    if (p.end && *p.end <= day0) continue;
    if (p.start < day0) p.start = day0;
    clipped.push_back(p);
  }
  std::sort(clipped.begin(), clipped.end(),
            [](const Pause& a, const Pause& b) { return a.start < b.start; });
  std::vector<Pause> merged;
  for (const Pause& p : clipped) {
    if (!merged.empty()) {
      Pause& last = merged.back();
      if (!last.end) continue;  // an open pause absorbs everything after it
      if (p.start <= *last.end) {
        if (!p.end) {
          last.end.reset();
        } else if (*p.end > *last.end) {
          last.end = p.end;
        }
        continue;
      }
    }
    merged.push_back(p);
  }
  return merged;
}

class Counter {
 public:
  explicit Counter(const WorkingCalendar& cal) : cal_(cal) {}
  Date Add(Date from, int n) {
    WorkingDayResult r = cal_.AddWorkingDays(from, n);
    provisional_ |= r.provisional;
    return r.date;
  }
  int Count(Date from, Date through) {
    if (through <= from) return 0;
    bool p = false;
    int c = cal_.CountWorkingDays(from, through, &p);
    provisional_ |= p;
    return c;
  }
  bool provisional() const { return provisional_; }

 private:
  const WorkingCalendar& cal_;
  bool provisional_ = false;
};

// Names the holidays skipped and the make-up days counted in (from, through].
void ExplainCalendar(const WorkingCalendar& cal, Date from, Date through,
                     std::vector<DeadlineStep>& steps) {
  std::string holidays, makeups, missing;
  for (int y = from.year(); y <= through.year(); ++y) {
    const CalendarYear* notice = cal.Notice(y);
    if (!notice) {
      if (!missing.empty()) missing += "、";
      missing += std::to_string(y) + "年";
      continue;
    }
    for (const HolidayRange& h : notice->holidays) {
      if (h.last <= from || h.first > through) continue;
      if (!holidays.empty()) holidays += "；";
      holidays += h.name.empty() ? std::string("法定节假日") : h.name;
      holidays += ' ';
      holidays += Day(h.first);
      if (h.first != h.last) {
        holidays += "至";
        holidays += Day(h.last);
      }
    }
    for (const MakeupDay& m : notice->makeup_days) {
      if (m.date <= from || m.date > through) continue;
      if (!makeups.empty()) makeups += "、";
      makeups += Day(m.date);
    }
  }
  if (!holidays.empty()) {
    steps.push_back({through, "期间的法定节假日不计算：" + holidays + "。"});
  }
  if (!makeups.empty()) {
    steps.push_back({through, "调休上班日按工作日计算：" + makeups + "。"});
  }
  if (!missing.empty()) {
    steps.push_back(
        {through, "注意：" + missing +
                      "的节假日安排尚未导入，期限暂按周末推算，为暂定日期；导入后自动重新计算。"});
  }
}

const CaseEvent* FindEvent(const Application& app, int seq) {
  for (const CaseEvent& e : app.events) {
    if (e.seq == seq) return &e;
  }
  return nullptr;
}

}  // namespace

std::string_view Code(ClockStatus s) {
  switch (s) {
    case ClockStatus::kNotStarted:
      return "not_started";
    case ClockStatus::kRunning:
      return "running";
    case ClockStatus::kPaused:
      return "paused";
    case ClockStatus::kAwaitingCorrection:
      return "awaiting_correction";
    case ClockStatus::kStopped:
      return "stopped";
  }
  return "";
}

std::string_view Label(ClockStatus s) {
  switch (s) {
    case ClockStatus::kNotStarted:
      return "尚未起算";
    case ClockStatus::kRunning:
      return "计时中";
    case ClockStatus::kPaused:
      return "暂停计时";
    case ClockStatus::kAwaitingCorrection:
      return "待补正，补正后重新起算";
    case ClockStatus::kStopped:
      return "已答复";
  }
  return "";
}

Deadline ComputeDeadline(const Application& app, const WorkingCalendar& cal, bool explain) {
  Deadline d;
  if (!app.receipt_date) {
    d.status = ClockStatus::kNotStarted;
    if (app.submitted_on) {
      if (explain)
        d.steps.push_back({*app.submitted_on,
                           "在线提交申请，待工作人员确认收到；双方确认之日为收到申请之日（第三十一"
                           "条第（三）项），"
                           "答复期限自该日起算。"});
    }
    return d;
  }
  const Date receipt = *app.receipt_date;
  const ProcedureRules& rules = RulesFor(receipt);
  Counter counter(cal);
  d.rules_id = std::string(rules.id);
  d.base_days = rules.answer_days;
  if (explain)
    d.steps.push_back({receipt, "收到申请之日：" + Day(receipt) + "（" +
                                    std::string(Label(app.channel)) + "，以" +
                                    std::string(ReceiptMeaning(app.channel)) +
                                    "为准，第三十一条）。该日为第0日，自次日起计算工作日。"});
  d.correction_notice_due = counter.Add(receipt, rules.correction_notice_days);

  Date day0 = receipt;
  std::vector<Pause> pauses;
  bool awaiting_correction = false;
  std::optional<Date> fee_received;
  bool fee_paid = false;
  for (const CaseEvent& e : app.events) {
    switch (e.kind) {
      case EventKind::kSubmittedOnline:
      case EventKind::kReceived:
      case EventKind::kNote:
        break;
      case EventKind::kCorrectionRequested: {
        awaiting_correction = true;
        d.correction_notice_late = e.date > *d.correction_notice_due;
        d.applicant_correction_due = e.until;
        if (!explain) break;
        std::string text = Day(e.date) + "发出补正告知书" +
                           (e.until ? "，请申请人于" + Day(*e.until) + "前补正" : std::string()) +
                           "；收到补正后的申请之日起重新计算答复期限（第三十条）。";
        if (d.correction_notice_late) {
          text += "补正告知晚于收到申请后" + std::to_string(rules.correction_notice_days) +
                  "个工作日（应于" + Day(*d.correction_notice_due) + "前发出）。";
        }
        d.steps.push_back({e.date, text});
        break;
      }
      case EventKind::kCorrectionReceived:
        awaiting_correction = false;
        d.applicant_correction_due.reset();
        day0 = e.date;
        if (explain)
          d.steps.push_back(
              {e.date,
               Day(e.date) + "收到补正后的申请，该日为新的第0日，答复期限重新计算（第三十条）。"});
        break;
      case EventKind::kConsultationSent: {
        ConsultationClock c;
        c.seq = e.seq;
        c.party = e.party;
        c.kind = e.consultation;
        c.sent = e.date;
        c.reply_due = counter.Add(e.date, rules.consultation_days);
        d.consultations.push_back(c);
        break;
      }
      case EventKind::kConsultationAnswered:
        for (ConsultationClock& c : d.consultations) {
          if (c.seq == e.ref) c.answered = e.date;
        }
        break;
      case EventKind::kExtensionRequested:
        if (explain)
          d.steps.push_back({e.date, Day(e.date) + "申请延期答复" + std::to_string(e.days) +
                                         "个工作日，待主管领导批准（第三十三条第二款）。"});
        break;
      case EventKind::kExtensionApproved: {
        const CaseEvent* req = FindEvent(app, e.ref);
        int days = req ? req->days : 0;
        d.extension_days += days;
        if (explain)
          d.steps.push_back({e.date, Day(e.date) + "经批准延期答复" + std::to_string(days) +
                                         "个工作日，在原期限届满后顺延（第三十三条第二款）。"});
        break;
      }
      case EventKind::kExtensionRefused:
        if (explain) d.steps.push_back({e.date, Day(e.date) + "延期答复申请未获批准，期限不变。"});
        break;
      case EventKind::kFeeNoticeIssued:
        fee_received = e.date;
        d.payment_due = counter.Add(e.date, rules.payment_days);
        if (explain)
          d.steps.push_back(
              {e.date,
               Day(e.date) + "申请人收到收费通知，应于" + Day(*d.payment_due) + "前缴费（" +
                   std::to_string(rules.payment_days) + "个工作日）" +
                   (rules.payment_pauses_clock ? "；等待缴费的时间不计算在答复期限内。" : "。")});
        break;
      case EventKind::kFeePaid:
        fee_paid = true;
        if (rules.payment_pauses_clock && fee_received) {
          pauses.push_back({*fee_received, e.date});
        }
        if (explain) d.steps.push_back({e.date, Day(e.date) + "申请人缴纳信息处理费，恢复计时。"});
        break;
      case EventKind::kClosed:
        d.answered_on = e.date;
        break;
    }
  }
  if (fee_received && !fee_paid && rules.payment_pauses_clock) {
    pauses.push_back({*fee_received, std::nullopt});
  }
  for (ConsultationClock& c : d.consultations) {
    pauses.push_back({c.sent, c.answered});
    if (c.answered) c.paused_days = counter.Count(std::max(c.sent, day0), *c.answered);
    if (!explain) continue;
    std::string text = Day(c.sent) + std::string(Label(c.kind)) + "（" + c.party + "），应于" +
                       Day(c.reply_due) + "前答复；";
    text += c.answered ? Day(*c.answered) + "收到答复，其间" + std::to_string(c.paused_days) +
                             "个工作日不计算在答复期限内（第三十二条、第三十四条）。"
                       : std::string("尚未答复，暂停计时。");
    d.steps.push_back({c.sent, text});
  }
  if (d.steps.size() > 1)
    std::stable_sort(d.steps.begin() + 1, d.steps.end(),
                     [](const DeadlineStep& a, const DeadlineStep& b) { return a.date < b.date; });

  if (awaiting_correction) {
    d.status = d.answered_on ? ClockStatus::kStopped : ClockStatus::kAwaitingCorrection;
    d.day0 = day0;
    d.provisional = counter.provisional();
    return d;
  }
  d.day0 = day0;
  int remaining = d.base_days + d.extension_days;
  Date cur = day0;
  bool paused = false;
  for (const Pause& p : MergePauses(pauses, day0)) {
    int available = p.start > cur ? counter.Count(cur, p.start) : 0;
    if (available >= remaining) break;
    remaining -= available;
    if (p.start > cur) cur = p.start;
    if (!p.end) {
      paused = true;
      d.paused_since = p.start;
      break;
    }
    d.paused_days += counter.Count(cur, *p.end);
    cur = *p.end;
  }
  if (paused) {
    d.remaining_days = remaining;
    d.status = d.answered_on ? ClockStatus::kStopped : ClockStatus::kPaused;
    if (explain)
      d.steps.push_back({*d.paused_since, "自" + Day(*d.paused_since) + "起暂停计时，恢复后还剩" +
                                              std::to_string(remaining) + "个工作日。"});
    d.provisional = counter.provisional();
    return d;
  }
  d.due = counter.Add(cur, remaining);
  if (explain) ExplainCalendar(cal, day0, *d.due, d.steps);
  if (explain) {
    std::string total = std::to_string(d.base_days);
    if (d.extension_days > 0) total += "+" + std::to_string(d.extension_days);
    std::string text =
        "答复期限：" + Day(*d.due) + "（自" + Day(day0) + "起第" + total + "个工作日";
    if (d.paused_days > 0) {
      text += "，另有" + std::to_string(d.paused_days) + "个工作日暂停计时不计入";
    }
    d.steps.push_back({*d.due, text + "）。"});
  }
  if (d.answered_on) {
    d.status = ClockStatus::kStopped;
    if (*d.answered_on > *d.due) {
      d.late_days = counter.Count(*d.due, *d.answered_on);
      if (explain)
        d.steps.push_back({*d.answered_on, Day(*d.answered_on) + "作出答复，超过期限" +
                                               std::to_string(d.late_days) + "个工作日。"});
    } else {
      if (explain)
        d.steps.push_back({*d.answered_on, Day(*d.answered_on) + "作出答复，在期限内。"});
    }
  } else {
    d.status = ClockStatus::kRunning;
  }
  d.provisional = counter.provisional();
  return d;
}

std::optional<int> WorkingDaysLeft(const Deadline& d, Date today, const WorkingCalendar& cal) {
  if (d.status != ClockStatus::kRunning || !d.due) return std::nullopt;
  if (today <= *d.due) return cal.CountWorkingDays(today, *d.due);
  return -cal.CountWorkingDays(*d.due, today);
}

}  // namespace gongkai::application
