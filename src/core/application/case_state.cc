// 《政府信息公开条例》 Art. 30-36 and 国办函〔2020〕109号: what may happen to an application when.
#include "core/application/case_state.h"

#include <string>

#include "core/application/deadline.h"
#include "core/application/rules.h"
#include "core/text.h"

namespace gongkai::application {

namespace {

bool TrimAsciiEmpty(std::string_view s) { return TrimAscii(s).empty(); }

Status Refuse(std::string en, std::string zh) {
  return FailedPrecondition(std::move(en), std::move(zh));
}

Status CheckClosing(const Application& app, const CaseEvent& e, const OpenItems& open,
                    const CaseContext& ctx) {
  if (!e.outcome)
    return InvalidArgument("an answer needs an outcome", "请选择答复结果（处理结果类型）");
  const Outcome outcome = *e.outcome;
  const Deadline d = ComputeDeadline(app, ctx.calendar);
  if (outcome == Outcome::kOtherNoCorrection) {
    if (!open.correction_request) {
      return Refuse("逾期不补正 needs an open correction request",
                    "只有在等待申请人补正时才能以“逾期不补正”结案");
    }
    if (!open.correction_request->until || e.date <= *open.correction_request->until) {
      return Refuse("the applicant's correction deadline has not passed",
                    "补正期限尚未届满，不能以“逾期不补正”结案");
    }
    return OkStatus();
  }
  if (outcome == Outcome::kOtherNoPayment) {
    if (!open.fee_notice) {
      return Refuse("逾期未缴费 needs an unpaid fee notice",
                    "只有在等待缴费时才能以“逾期未缴费”结案");
    }
    if (!d.payment_due || e.date <= *d.payment_due) {
      return Refuse("the applicant's payment deadline has not passed",
                    "缴费期限尚未届满，不能以“逾期未缴费”结案");
    }
    return OkStatus();
  }
  if (open.correction_request) {
    return Refuse("the case awaits the applicant's correction; it cannot be answered now",
                  "申请正在等待补正，暂停办理，不能作出答复");
  }
  if (open.fee_notice) {
    return Refuse("the case awaits payment of the fee; it cannot be answered now",
                  "申请正在等待缴纳信息处理费，暂停办理，不能作出答复");
  }
  if (!open.consultations.empty()) {
    return Refuse("a consultation is still open (" + open.consultations.front()->party +
                      "); record its answer or that no answer came in time first",
                  "征求意见尚未答复（" + open.consultations.front()->party +
                      "），请先登记答复或逾期未答复的情况");
  }
  if (outcome == Outcome::kUnableUnclear && !open.correction_received_ever) {
    return Refuse("补正后申请内容仍不明确 needs a correction received first",
                  "“补正后申请内容仍不明确”只适用于已补正的申请");
  }
  if (TrimAsciiEmpty(e.text)) {
    return InvalidArgument("the answer's text is missing", "请填写答复内容（理由和依据）");
  }
  return OkStatus();
}

}  // namespace

OpenItems OpenItemsOf(const Application& app) {
  OpenItems o;
  for (const CaseEvent& e : app.events) {
    switch (e.kind) {
      case EventKind::kSubmittedOnline:
      case EventKind::kReceived:
      case EventKind::kNote:
        break;
      case EventKind::kCorrectionRequested:
        o.correction_request = &e;
        o.correction_requested_ever = true;
        break;
      case EventKind::kCorrectionReceived:
        o.correction_request = nullptr;
        o.correction_received_ever = true;
        break;
      case EventKind::kConsultationSent:
        o.consultations.push_back(&e);
        break;
      case EventKind::kConsultationAnswered:
        std::erase_if(o.consultations, [&](const CaseEvent* c) { return c->seq == e.ref; });
        break;
      case EventKind::kExtensionRequested:
        o.extension_request = &e;
        break;
      case EventKind::kExtensionApproved:
        o.extension_request = nullptr;
        ++o.extensions_approved;
        break;
      case EventKind::kExtensionRefused:
        o.extension_request = nullptr;
        break;
      case EventKind::kFeeNoticeIssued:
        o.fee_notice = &e;
        o.fee_notice_ever = true;
        break;
      case EventKind::kFeePaid:
        o.fee_notice = nullptr;
        break;
      case EventKind::kClosed:
        o.closed = true;
        break;
    }
  }
  return o;
}

CaseState DeriveState(const Application& app) {
  if (!app.receipt_date) return CaseState::kAwaitingConfirmation;
  OpenItems open = OpenItemsOf(app);
  if (open.closed) return CaseState::kClosed;
  if (open.correction_request) return CaseState::kAwaitingCorrection;
  if (open.fee_notice) return CaseState::kAwaitingPayment;
  if (!open.consultations.empty()) return CaseState::kConsulting;
  return CaseState::kHandling;
}

Result<Application> Apply(const Application& app, CaseEvent e, const CaseContext& ctx) {
  e.seq = app.events.empty() ? 1 : app.events.back().seq + 1;
  const OpenItems open = OpenItemsOf(app);
  if (e.date > ctx.today) {
    return InvalidArgument("the date " + e.date.ToString() + " is in the future",
                           "日期" + e.date.ToChinese() + "晚于今天");
  }
  if (open.closed && e.kind != EventKind::kNote) {
    return Refuse("the application has been answered; nothing more can be recorded but notes",
                  "该申请已答复办结，只能添加备注");
  }
  const bool received = app.receipt_date.has_value();
  if (e.kind != EventKind::kSubmittedOnline && e.kind != EventKind::kReceived &&
      e.kind != EventKind::kNote && !received) {
    return Refuse("the application's receipt is not confirmed yet",
                  "请先确认收到申请（确定收到申请之日）");
  }
  if (received && e.kind != EventKind::kNote && e.date < *app.receipt_date) {
    return InvalidArgument("the date " + e.date.ToString() + " is before the receipt date " +
                               app.receipt_date->ToString(),
                           "日期不能早于收到申请之日（" + app.receipt_date->ToChinese() + "）");
  }
  const ProcedureRules& rules = RulesFor(received ? *app.receipt_date : e.date);
  auto find_open = [&](const std::vector<const CaseEvent*>& list) -> const CaseEvent* {
    for (const CaseEvent* c : list) {
      if (c->seq == e.ref) return c;
    }
    return nullptr;
  };

  switch (e.kind) {
    case EventKind::kSubmittedOnline:
      if (!app.events.empty()) {
        return Refuse("an online submission can only be the first event",
                      "在线提交只能是第一项记录");
      }
      break;
    case EventKind::kReceived:
      if (received) {
        return Refuse("the receipt date is already fixed", "收到申请之日已经确定");
      }
      if (app.submitted_on && e.date < *app.submitted_on) {
        return InvalidArgument(
            "the receipt date is before the online submission",
            "收到申请之日不能早于在线提交之日（" + app.submitted_on->ToChinese() + "）");
      }
      break;
    case EventKind::kCorrectionRequested:
      if (open.correction_requested_ever) {
        return Refuse("a correction may be requested only once (Art. 30)",
                      "补正只能一次性告知（第三十条），本申请已发出过补正告知");
      }
      if (!e.until || *e.until <= e.date) {
        return InvalidArgument("the correction notice needs a deadline after its date",
                               "请填写补正期限（晚于告知日期）");
      }
      if (TrimAsciiEmpty(e.text)) {
        return InvalidArgument("the correction notice must say what to correct",
                               "请写明需要补正的事项");
      }
      break;
    case EventKind::kCorrectionReceived:
      if (!open.correction_request) {
        return Refuse("no correction was requested", "本申请没有待补正的告知");
      }
      if (e.date < open.correction_request->date) {
        return InvalidArgument("the correction arrived before it was requested",
                               "补正日期早于补正告知日期");
      }
      break;
    case EventKind::kConsultationSent:
      if (open.correction_request) {
        return Refuse("the case awaits correction", "申请正在等待补正，暂停办理");
      }
      if (TrimAsciiEmpty(e.party)) {
        return InvalidArgument("the consulted party is missing", "请填写征求意见的对象");
      }
      break;
    case EventKind::kConsultationAnswered: {
      const CaseEvent* sent = find_open(open.consultations);
      if (!sent) return Refuse("no open consultation has that number", "没有对应的未答复征求意见");
      if (e.date < sent->date) {
        return InvalidArgument("the answer is dated before the consultation was sent",
                               "答复日期早于发出征求意见的日期");
      }
      break;
    }
    case EventKind::kExtensionRequested: {
      if (open.extension_request) {
        return Refuse("an extension request already awaits the leader",
                      "已有延期申请等待主管领导审批");
      }
      if (open.extensions_approved >= rules.max_extensions) {
        return Refuse("the answer period may be extended only once (Art. 33)",
                      "答复期限只能延长一次（第三十三条），本申请已经延期");
      }
      if (e.days < 1 || e.days > rules.extension_max_days) {
        return InvalidArgument(
            "an extension is 1 to " + std::to_string(rules.extension_max_days) + " working days",
            "延长的期限最长不得超过" + std::to_string(rules.extension_max_days) +
                "个工作日（第三十三条）");
      }
      if (TrimAsciiEmpty(e.text)) {
        return InvalidArgument("the extension needs a reason", "请填写延期理由");
      }
      const Deadline d = ComputeDeadline(app, ctx.calendar);
      if (d.due && e.date > *d.due) {
        return Refuse(
            "the answer period ended on " + d.due->ToString() + "; it can no longer be extended",
            "答复期限已于" + d.due->ToChinese() + "届满，不能再申请延期");
      }
      if (open.correction_request)
        return Refuse("the case awaits correction", "申请正在等待补正，暂停办理");
      break;
    }
    case EventKind::kExtensionApproved:
    case EventKind::kExtensionRefused:
      if (!open.extension_request || open.extension_request->seq != e.ref) {
        return Refuse("no extension request awaits a decision", "没有等待审批的延期申请");
      }
      if (e.date < open.extension_request->date) {
        return InvalidArgument("the decision is dated before the request",
                               "审批日期早于延期申请日期");
      }
      break;
    case EventKind::kFeeNoticeIssued:
      if (!rules.fees_apply) {
        return Refuse("no processing fee may be charged for applications received before 2021",
                      "2021年1月1日前收到的申请不适用信息处理费");
      }
      if (open.fee_notice_ever) {
        return Refuse("a fee notice was already issued for this application",
                      "本申请已发出过收费通知");
      }
      if (open.correction_request)
        return Refuse("the case awaits correction", "申请正在等待补正，暂停办理");
      if (e.quantity < 1 || e.quantity > 100000) {
        return InvalidArgument("the fee's quantity must be 1 to 100000", "计费数量应为1至100000");
      }
      if (e.amount_fen <= 0) {
        return InvalidArgument("the quantity lies in the free band: no fee may be charged",
                               "该数量在免费范围内，不得收取信息处理费");
      }
      break;
    case EventKind::kFeePaid:
      if (!open.fee_notice || open.fee_notice->seq != e.ref) {
        return Refuse("no unpaid fee notice", "没有待缴费的收费通知");
      }
      if (e.date < open.fee_notice->date) {
        return InvalidArgument("payment is dated before the notice", "缴费日期早于收费通知日期");
      }
      break;
    case EventKind::kClosed:
      GK_RETURN_IF_ERROR(CheckClosing(app, e, open, ctx));
      break;
    case EventKind::kNote:
      if (TrimAsciiEmpty(e.text)) return InvalidArgument("the note is empty", "备注内容不能为空");
      break;
  }

  Application next = app;
  if (e.kind == EventKind::kReceived) next.receipt_date = e.date;
  if (e.kind == EventKind::kSubmittedOnline) next.submitted_on = e.date;
  if (e.kind == EventKind::kClosed) {
    next.outcome = e.outcome;
    next.closed_on = e.date;
  }
  next.events.push_back(std::move(e));
  next.state = DeriveState(next);
  return next;
}

}  // namespace gongkai::application
