// 《政府信息公开条例》 Art. 30 (补正), 31 (receipt), 32/34 (consultation), 33 (answer period and
// extension), 36-39 (answers), 42 and 国办函〔2020〕109号 (fees): the case's data for the letter
// templates under templates/letters/.
#include "render/case_letters.h"

#include <kainjow/mustache.hpp>

#include "assets/assets.h"
#include "core/application/case_state.h"
#include "core/application/fees.h"
#include "core/application/rules.h"

namespace gongkai::render {

namespace mstch = kainjow::mustache;
using application::Application;
using application::CaseEvent;
using application::EventKind;
using application::Outcome;

namespace {

// The event each letter is about.
EventKind EventOf(LetterKind k) {
  switch (k) {
    case LetterKind::kReceipt:
      return EventKind::kReceived;
    case LetterKind::kCorrection:
      return EventKind::kCorrectionRequested;
    case LetterKind::kExtension:
      return EventKind::kExtensionApproved;
    case LetterKind::kConsultation:
      return EventKind::kConsultationSent;
    case LetterKind::kFeeNotice:
      return EventKind::kFeeNoticeIssued;
    case LetterKind::kAnswer:
      return EventKind::kClosed;
  }
  return EventKind::kNote;
}

Status NoSuchEvent(LetterKind k) {
  switch (k) {
    case LetterKind::kReceipt:
      return FailedPrecondition("the application's receipt is not confirmed yet",
                                "申请尚未确认收到，不能出具受理回执");
    case LetterKind::kCorrection:
      return FailedPrecondition("no correction was requested",
                                "本申请没有补正告知记录，不能出具补正告知书");
    case LetterKind::kExtension:
      return FailedPrecondition("no extension of the answer period was approved",
                                "本申请没有获批准的延期答复，不能出具延期答复告知书");
    case LetterKind::kConsultation:
      return FailedPrecondition("no consultation was sent",
                                "本申请没有征求意见记录，不能出具征求意见书");
    case LetterKind::kFeeNotice:
      return FailedPrecondition("no fee notice was issued",
                                "本申请没有收费通知记录，不能出具收费通知书");
    case LetterKind::kAnswer:
      return FailedPrecondition("the application has not been answered",
                                "本申请尚未答复办结，不能出具答复书");
  }
  return FailedPrecondition("unknown letter", "未知的文书类型");
}

const CaseEvent* FindSeq(const Application& app, int seq) {
  for (const CaseEvent& e : app.events) {
    if (e.seq == seq) return &e;
  }
  return nullptr;
}

// The event the letter is about; nullptr for a receipt with no kReceived event (the receipt date
// alone).
Result<const CaseEvent*> LetterEvent(LetterKind kind, const Application& app, int seq) {
  const EventKind want = EventOf(kind);
  if (seq == 0) {
    const CaseEvent* latest = nullptr;
    for (const CaseEvent& e : app.events) {
      if (e.kind == want) latest = &e;
    }
    if (latest == nullptr && !(kind == LetterKind::kReceipt && app.receipt_date)) {
      return NoSuchEvent(kind);
    }
    return latest;
  }
  const CaseEvent* e = FindSeq(app, seq);
  if (e == nullptr) {
    return InvalidArgument("the application has no event " + std::to_string(seq),
                           "本申请没有第" + std::to_string(seq) + "项办理记录");
  }
  if (kind == LetterKind::kExtension && e->kind == EventKind::kExtensionRequested) {
    for (const CaseEvent& a : app.events) {
      if (a.kind == EventKind::kExtensionApproved && a.ref == e->seq) {
        return FailedPrecondition("event " + std::to_string(seq) +
                                      " is the extension request; the letter is built from "
                                      "its approval, event " +
                                      std::to_string(a.seq),
                                  "第" + std::to_string(seq) +
                                      "项是延期申请，延期答复告知书应按其批准记录（第" +
                                      std::to_string(a.seq) + "项）出具");
      }
    }
    return FailedPrecondition(
        "the extension request " + std::to_string(seq) + " has not been approved",
        "第" + std::to_string(seq) + "项延期申请尚未获批准，不能出具延期答复告知书");
  }
  if (e->kind != want) {
    return FailedPrecondition(
        "event " + std::to_string(seq) + " is " + std::string(application::Code(e->kind)) +
            ", not " + std::string(application::Code(want)),
        "第" + std::to_string(seq) + "项记录是“" + std::string(application::Label(e->kind)) +
            "”，不能据以出具" + std::string(Label(kind)));
  }
  return e;
}

// Template data: an empty string is false, so that {{#x}}…{{/x}} hides what the case lacks.
class Data {
 public:
  void Set(const std::string& key, const std::string& value) {
    d_.set(key, value.empty() ? mstch::data(false) : mstch::data(value));
  }
  void Set(const std::string& key, std::string_view value) { Set(key, std::string(value)); }
  void Set(const std::string& key, const char* value) { Set(key, std::string(value)); }
  void Set(const std::string& key, int64_t value) { Set(key, std::to_string(value)); }
  void Set(const std::string& key, int value) { Set(key, std::to_string(value)); }
  void Set(const std::string& key, const std::optional<Date>& value) {
    Set(key, value ? value->ToChinese() : std::string());
  }
  void Flag(const std::string& key, bool value) { d_.set(key, mstch::data(value)); }
  const mstch::data& data() const { return d_; }

 private:
  mstch::data d_{mstch::data::type::object};
};

// Per item, the items of the month counted before this application are not stored: they are the
// one number that gives the notified amount, when only one does.
std::optional<int> ItemsBefore(const application::FeeRules& r, int items, int64_t amount) {
  constexpr int kMaxItemsBefore = 100000;
  int64_t fee = application::PerItemFeeFen(r, 0, items);
  for (int before = 0; before <= kMaxItemsBefore && fee <= amount; ++before) {
    const int64_t next = fee - application::PerItemFeeFen(r, before, 1) +
                         application::PerItemFeeFen(r, before + items, 1);
    if (fee == amount) return next == amount ? std::nullopt : std::optional<int>(before);
    fee = next;
  }
  return std::nullopt;
}

void CaseData(Data& d, const Application& app, const Agency& agency,
              const application::Deadline& deadline) {
  const application::ProcedureRules& rules =
      app.receipt_date ? application::RulesFor(*app.receipt_date) : application::CurrentRules();
  d.Set("agency", agency.name);
  d.Set("office", agency.office.name.empty() ? agency.name : agency.office.name);
  d.Set("office_address", agency.office.address);
  d.Set("office_phone", agency.office.phone);
  d.Set("office_hours", agency.office.hours);
  d.Set("office_email", agency.office.email);
  d.Flag("has_serial", app.serial_no > 0);
  d.Set("serial_year", app.serial_year);
  d.Set("serial_no", app.serial_no);
  const auto& a = app.applicant;
  d.Set("applicant", a.name);
  d.Flag("applicant_org", application::IsOrganisation(a.type));
  d.Set("contact_name", a.contact_name);
  d.Set("channel", application::Label(app.channel));
  d.Set("receipt_meaning", application::ReceiptMeaning(app.channel));
  d.Set("receipt_date", app.receipt_date);
  d.Set("submitted_date", app.submitted_on);
  d.Set("info_title", app.request.title);
  d.Set("document_number", app.request.document_number);
  d.Set("description", app.request.description);
  d.Set("form", application::Label(app.request.form));
  d.Set("way", application::Label(app.request.way));
  d.Set("answer_days", rules.answer_days);
  d.Set("correction_notice_days", rules.correction_notice_days);
  d.Set("consultation_days", rules.consultation_days);
  d.Set("extension_max_days", rules.extension_max_days);
  d.Set("review_days", rules.review_days);
  d.Set("litigation_months", rules.litigation_months);
  d.Set("payment_days", rules.payment_days);
  d.Flag("payment_pauses_clock", rules.payment_pauses_clock);
  d.Set("due_date", deadline.due);
  d.Flag("due_provisional", deadline.due && deadline.provisional);
  const application::FeeRules& f = rules.fees;
  d.Set("items_free", f.items_free);
  d.Set("items_first_band_first", f.items_free + 1);
  d.Set("items_first_band_last", f.items_first_band_last);
  d.Set("item_first_band_price", application::FormatYuan(f.item_first_band_fen));
  d.Set("items_band_first", f.items_first_band_last + 1);
  d.Set("items_band_width", f.items_band_width);
  d.Set("item_band_step", application::FormatYuan(f.item_band_step_fen));
  d.Set("pages_free", f.pages_free);
  d.Set("pages_band1_first", f.pages_free + 1);
  d.Set("pages_band1_last", f.pages_band1_last);
  d.Set("page_band1_price", application::FormatYuan(f.page_band1_fen));
  d.Set("pages_band2_first", f.pages_band1_last + 1);
  d.Set("pages_band2_last", f.pages_band2_last);
  d.Set("page_band2_price", application::FormatYuan(f.page_band2_fen));
  d.Set("pages_band3_first", f.pages_band2_last + 1);
  d.Set("page_band3_price", application::FormatYuan(f.page_band3_fen));
}

void EventData(Data& d, LetterKind kind, const Application& app, const CaseEvent* e,
               const application::Deadline& deadline) {
  const application::ProcedureRules& rules =
      app.receipt_date ? application::RulesFor(*app.receipt_date) : application::CurrentRules();
  const Date letter_date = e != nullptr ? e->date : *app.receipt_date;
  d.Set("letter_date", letter_date.ToChinese());
  // A corrected application received before the letter restarts the clock (Art. 30).
  for (const CaseEvent& c : app.events) {
    if (c.kind == EventKind::kCorrectionReceived && (e == nullptr || c.seq < e->seq)) {
      d.Set("corrected_date", c.date.ToChinese());
    }
  }
  switch (kind) {
    case LetterKind::kReceipt:
      break;
    case LetterKind::kCorrection:
      d.Set("correction_items", e->text);
      d.Set("correction_until", e->until);
      break;
    case LetterKind::kExtension: {
      const CaseEvent* request = FindSeq(app, e->ref);
      d.Set("extension_days", request ? request->days : 0);
      d.Set("extension_reason", request ? request->text : std::string());
      d.Set("requested_date", request ? request->date.ToChinese() : std::string());
      d.Set("new_due_date", deadline.due);
      break;
    }
    case LetterKind::kConsultation: {
      d.Set("party", e->party);
      d.Flag("third_party", e->consultation == application::ConsultationKind::kThirdParty);
      d.Flag("other_agency", e->consultation == application::ConsultationKind::kOtherAgency);
      d.Set("consultation_kind", application::Label(e->consultation));
      std::optional<Date> reply_due;
      for (const auto& c : deadline.consultations) {
        if (c.seq == e->seq) reply_due = c.reply_due;
      }
      d.Set("reply_due", reply_due);
      break;
    }
    case LetterKind::kFeeNotice: {
      const bool per_item = e->fee_method == application::FeeMethod::kPerItem;
      d.Set("fee_method", application::Label(e->fee_method));
      d.Flag("per_item", per_item);
      d.Flag("per_volume", !per_item);
      d.Set("quantity", e->quantity);
      d.Set("amount", application::FormatYuan(e->amount_fen));
      std::string explanation;
      if (!per_item) {
        if (application::PerVolumeFeeFen(rules.fees, e->quantity) == e->amount_fen)
          explanation = application::ExplainPerVolumeFee(rules.fees, e->quantity);
      } else if (auto before = ItemsBefore(rules.fees, e->quantity, e->amount_fen)) {
        explanation = application::ExplainPerItemFee(rules.fees, *before, e->quantity);
        d.Set("items_before", *before);
      }
      d.Set("fee_explanation", explanation);
      d.Set("fee_remark", e->text);
      d.Set("payment_due", deadline.payment_due);
      break;
    }
    case LetterKind::kAnswer: {
      const Outcome outcome = e->outcome.value_or(Outcome::kOtherOther);
      const std::string code(application::Code(outcome));
      d.Set("outcome", application::Label(outcome));
      d.Set("outcome_code", code);
      d.Set("basis", application::OutcomeBasis(outcome));
      d.Set("reply_text", e->text);
      for (const char* group : {"granted", "partial", "withheld", "unable", "rejected"}) {
        d.Flag(group, code == group || code.starts_with(std::string(group) + "."));
      }
      d.Flag("no_correction", outcome == Outcome::kOtherNoCorrection);
      d.Flag("no_payment", outcome == Outcome::kOtherNoPayment);
      d.Flag("other_outcome", outcome == Outcome::kOtherOther);
      int extension_days = 0;
      for (const CaseEvent& x : app.events) {
        if (x.kind != EventKind::kExtensionApproved || x.seq > e->seq) continue;
        if (const CaseEvent* request = FindSeq(app, x.ref)) extension_days += request->days;
      }
      d.Flag("extended", extension_days > 0);
      d.Set("extension_days", extension_days);
      break;
    }
  }
}

Result<std::string> FillTemplate(LetterKind kind, const mstch::data& data) {
  const std::string name = "letters/" + std::string(Code(kind)) + ".mustache";
  const assets::EmbeddedFile* f = assets::Find(assets::Templates(), name);
  if (f == nullptr) {
    return Internal("letter template " + name + " is missing", "文书模板" + name + "缺失");
  }
  mstch::mustache tmpl{std::string(f->data)};
  if (!tmpl.is_valid()) {
    return Internal("letter template " + name + ": " + tmpl.error_message(),
                    "文书模板" + name + "有误：" + tmpl.error_message());
  }
  tmpl.set_custom_escape([](const std::string& s) { return EscapeLetterData(s); });
  std::string text = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return Internal("letter template " + name + ": " + tmpl.error_message(),
                    "文书模板" + name + "有误：" + tmpl.error_message());
  }
  return text;
}

}  // namespace

std::string_view Code(LetterKind k) {
  switch (k) {
    case LetterKind::kReceipt:
      return "receipt";
    case LetterKind::kCorrection:
      return "correction";
    case LetterKind::kExtension:
      return "extension";
    case LetterKind::kConsultation:
      return "consultation";
    case LetterKind::kFeeNotice:
      return "fee_notice";
    case LetterKind::kAnswer:
      return "answer";
  }
  return "";
}

std::string_view Label(LetterKind k) {
  switch (k) {
    case LetterKind::kReceipt:
      return "受理回执";
    case LetterKind::kCorrection:
      return "补正告知书";
    case LetterKind::kExtension:
      return "延期答复告知书";
    case LetterKind::kConsultation:
      return "征求意见书";
    case LetterKind::kFeeNotice:
      return "收费通知书";
    case LetterKind::kAnswer:
      return "答复书";
  }
  return "";
}

std::optional<LetterKind> ParseLetterKind(std::string_view code) {
  for (LetterKind k : kAllLetterKinds) {
    if (Code(k) == code) return k;
  }
  return std::nullopt;
}

Result<Letter> BuildCaseLetter(LetterKind kind, const Application& app, const Agency& agency,
                               const application::Deadline& deadline, int event_seq) {
  GK_ASSIGN_OR_RETURN(const CaseEvent* e, LetterEvent(kind, app, event_seq));
  if (!app.receipt_date) return NoSuchEvent(LetterKind::kReceipt);
  Data d;
  CaseData(d, app, agency, deadline);
  EventData(d, kind, app, e, deadline);
  GK_ASSIGN_OR_RETURN(std::string text, FillTemplate(kind, d.data()));
  return ParseLetter(text);
}

std::vector<std::pair<LetterKind, int>> AvailableLetters(const Application& app) {
  std::vector<std::pair<LetterKind, int>> out;
  if (!app.receipt_date) return out;
  bool receipt_event = false;
  for (const CaseEvent& e : app.events) receipt_event |= e.kind == EventKind::kReceived;
  if (!receipt_event) out.push_back({LetterKind::kReceipt, 0});
  for (const CaseEvent& e : app.events) {
    for (LetterKind k : kAllLetterKinds) {
      if (e.kind == EventOf(k)) out.push_back({k, e.seq});
    }
  }
  return out;
}

Application CaseAsOf(const Application& app, int event_seq) {
  if (event_seq == 0) return app;
  Application out = app;
  std::erase_if(out.events, [&](const CaseEvent& e) { return e.seq > event_seq; });
  bool received = false;
  out.outcome.reset();
  out.closed_on.reset();
  for (const CaseEvent& e : out.events) {
    if (e.kind == EventKind::kReceived) {
      received = true;
      out.receipt_date = e.date;
    }
    if (e.kind == EventKind::kClosed) {
      out.outcome = e.outcome;
      out.closed_on = e.date;
    }
  }
  // A receipt date set without its event (older records) is kept; one set by a later event is not.
  bool received_later = false;
  for (const CaseEvent& e : app.events) {
    received_later |= e.kind == EventKind::kReceived && e.seq > event_seq;
  }
  if (!received && received_later) out.receipt_date.reset();
  out.state = application::DeriveState(out);
  return out;
}

}  // namespace gongkai::render
