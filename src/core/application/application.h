// A disclosure application (依申请公开, 《政府信息公开条例》 Art. 27-45) and its append-only event
// history. The snapshot fields (state, outcome, closed_on) are derived from the events by Apply()
// in case_state.h; "overdue" and the due date are derived on read (deadline.h), never stored, so
// loading a calendar year recomputes every open case.
//
// Callers may rely on: every enum has a stable code (the one stored and exposed); Outcome codes are
// exactly Table 三's result-row ids and ApplicantType codes its column ids (annual-report.md §3).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"

namespace gongkai::application {

// Art. 27; decides the Table 三 column (the type at receipt).
enum class ApplicantType { kNatural, kCommercial, kResearch, kNonprofit, kLegal, kOtherOrg };
inline constexpr std::array kAllApplicantTypes = {
    ApplicantType::kNatural,   ApplicantType::kCommercial, ApplicantType::kResearch,
    ApplicantType::kNonprofit, ApplicantType::kLegal,      ApplicantType::kOtherOrg};

// How the application arrived; decides what its legal receipt date means (Art. 31).
enum class IntakeChannel { kInPerson, kRegisteredPost, kOrdinaryPost, kOnline, kFax, kEmail };
inline constexpr std::array kAllIntakeChannels = {
    IntakeChannel::kInPerson,     IntakeChannel::kRegisteredPost,
    IntakeChannel::kOrdinaryPost, IntakeChannel::kOnline,
    IntakeChannel::kFax,          IntakeChannel::kEmail};

enum class IdDocumentType { kResidentId, kPassport, kHkMacaoPermit, kTaiwanPermit, kOther };
inline constexpr std::array kAllIdDocumentTypes = {
    IdDocumentType::kResidentId, IdDocumentType::kPassport, IdDocumentType::kHkMacaoPermit,
    IdDocumentType::kTaiwanPermit, IdDocumentType::kOther};

// Requested form of the information and way of obtaining it (Art. 29 (3)).
enum class DeliveryForm { kPaper, kElectronic };
enum class DeliveryWay { kPickUp, kPost, kEmail, kOnline };
inline constexpr std::array kAllDeliveryForms = {DeliveryForm::kPaper, DeliveryForm::kElectronic};
inline constexpr std::array kAllDeliveryWays = {DeliveryWay::kPickUp, DeliveryWay::kPost,
                                                DeliveryWay::kEmail, DeliveryWay::kOnline};

// The statutory outcomes: one per Table 三 result row, in table order. 区分处理 is kPartial only.
enum class Outcome {
  kGranted,
  kPartial,
  kWithheldStateSecret,
  kWithheldProhibited,
  kWithheldSecurityStability,
  kWithheldThirdParty,
  kWithheldInternalAffairs,
  kWithheldProcessInfo,
  kWithheldEnforcementFiles,
  kWithheldInquiry,
  kUnableNotHeld,
  kUnableNeedsCreation,
  kUnableUnclear,
  kRejectedPetition,
  kRejectedRepeat,
  kRejectedPublication,
  kRejectedExcessive,
  kRejectedConfirmReissue,
  kOtherNoCorrection,
  kOtherNoPayment,
  kOtherOther,
};
inline constexpr int kOutcomeCount = 21;
extern const std::array<Outcome, kOutcomeCount> kAllOutcomes;

// Where the case stands. Derived from the events (case_state.h), stored as a snapshot for lists.
enum class CaseState {
  kAwaitingConfirmation,  // submitted online; the receipt date is fixed when staff confirm (Art.
                          // 31)
  kHandling,              // the answer clock runs
  kAwaitingCorrection,  // 补正 requested; the clock restarts when the corrected application arrives
  kConsulting,          // a third party or another agency is consulted; time not counted
  kAwaitingPayment,     // fee notice issued; time not counted (a rule setting)
  kClosed,              // answered with an outcome
};
inline constexpr std::array kAllCaseStates = {
    CaseState::kAwaitingConfirmation, CaseState::kHandling,        CaseState::kAwaitingCorrection,
    CaseState::kConsulting,           CaseState::kAwaitingPayment, CaseState::kClosed};

enum class ConsultationKind { kThirdParty, kOtherAgency };  // Art. 32 / Art. 34
enum class FeeMethod { kPerItem, kPerVolume };  // 按件 / 按量 (国办函〔2020〕109号)

enum class EventKind {
  kSubmittedOnline,       // the public form; no clock yet
  kReceived,              // the legal receipt date (day 0)
  kCorrectionRequested,   // 补正告知书 sent; `until` is the applicant's deadline
  kCorrectionReceived,    // corrected application received: the new day 0
  kConsultationSent,      // `party`; kind in `consultation`
  kConsultationAnswered,  // `ref` = seq of the kConsultationSent it answers
  kExtensionRequested,    // `days` (1..20), reason in `text`; awaits the leader
  kExtensionApproved,     // by the leader; `ref` = the request
  kExtensionRefused,      // by the leader; `ref` = the request
  kFeeNoticeIssued,       // method, `quantity`, `amount_fen`; date = applicant received it
  kFeePaid,               // `ref` = the notice
  kClosed,                // `outcome`, reply text in `text`
  kNote,                  // a remark on the file; changes nothing
};
inline constexpr std::array kAllEventKinds = {EventKind::kSubmittedOnline,
                                              EventKind::kReceived,
                                              EventKind::kCorrectionRequested,
                                              EventKind::kCorrectionReceived,
                                              EventKind::kConsultationSent,
                                              EventKind::kConsultationAnswered,
                                              EventKind::kExtensionRequested,
                                              EventKind::kExtensionApproved,
                                              EventKind::kExtensionRefused,
                                              EventKind::kFeeNoticeIssued,
                                              EventKind::kFeePaid,
                                              EventKind::kClosed,
                                              EventKind::kNote};

struct CaseEvent {
  int seq = 0;  // 1, 2, ... within the case
  EventKind kind = EventKind::kNote;
  Date date;                  // the legal date of the event (civil, Beijing)
  std::string recorded_at;    // ISO time the row was written
  std::string by;             // display name of who recorded it ("申请人" for the public form)
  int64_t by_user_id = 0;     // 0 for the public
  int days = 0;               // extension days
  int ref = 0;                // seq of the event this one answers
  std::optional<Date> until;  // correction: the applicant's deadline
  std::string party;          // consultation: who is consulted
  ConsultationKind consultation = ConsultationKind::kThirdParty;
  FeeMethod fee_method = FeeMethod::kPerItem;
  int quantity = 0;        // fee: items or pages
  int64_t amount_fen = 0;  // fee
  std::optional<Outcome> outcome;
  std::string text;  // reason, reply, note
};

struct Applicant {
  ApplicantType type = ApplicantType::kNatural;
  std::string name;  // person or organisation
  IdDocumentType id_type = IdDocumentType::kResidentId;
  std::string id_number;             // natural persons
  std::string credit_code;           // organisations: 统一社会信用代码
  std::string legal_representative;  // organisations
  std::string contact_name;          // organisations: who to contact
  std::string phone;
  std::string email;
  std::string address;
  std::string postcode;
};

struct RequestedInfo {
  std::string title;            // 所需政府信息的名称
  std::string document_number;  // 文号, when known
  std::string description;      // other identifying description
  std::string purpose;          // optional; not required by the 2019 statute
  DeliveryForm form = DeliveryForm::kPaper;
  DeliveryWay way = DeliveryWay::kPickUp;
};

struct Application {
  int64_t id = 0;
  int64_t agency_id = 0;
  std::string query_code;  // unguessable; the applicant's key to follow the case
  int serial_year = 0;  // file number 〔serial_year〕serial_no号, assigned by the store at insert:
  int serial_no = 0;    // 1, 2, ... per agency and year
  IntakeChannel channel = IntakeChannel::kInPerson;
  std::optional<Date> submitted_on;  // online: the day the form was sent
  std::optional<Date> receipt_date;  // Art. 31; unset while awaiting confirmation
  Applicant applicant;
  RequestedInfo request;
  std::string request_key;    // normalised request, for duplicate detection (duplicates.h)
  std::string applicant_key;  // normalised identity (ID number, credit code, or name+phone)
  std::string client_key;     // online: hash of the sender's address, for rate limits; else ""
  int64_t handler_id = 0;     // staff user handling it (0: unassigned)
  std::string handler_name;
  // Snapshot derived from events.
  CaseState state = CaseState::kAwaitingConfirmation;
  std::optional<Outcome> outcome;
  std::optional<Date> closed_on;
  std::vector<CaseEvent> events;  // by seq
  std::string created_at;
  int64_t version = 0;  // optimistic concurrency: a stale form is Aborted
};

std::string_view Code(ApplicantType v);
std::string_view Code(IntakeChannel v);
std::string_view Code(IdDocumentType v);
std::string_view Code(DeliveryForm v);
std::string_view Code(DeliveryWay v);
std::string_view Code(Outcome v);
std::string_view Code(CaseState v);
std::string_view Code(ConsultationKind v);
std::string_view Code(FeeMethod v);
std::string_view Code(EventKind v);
std::optional<ApplicantType> ParseApplicantType(std::string_view code);
std::optional<IntakeChannel> ParseIntakeChannel(std::string_view code);
std::optional<IdDocumentType> ParseIdDocumentType(std::string_view code);
std::optional<DeliveryForm> ParseDeliveryForm(std::string_view code);
std::optional<DeliveryWay> ParseDeliveryWay(std::string_view code);
std::optional<Outcome> ParseOutcome(std::string_view code);
std::optional<CaseState> ParseCaseState(std::string_view code);
std::optional<ConsultationKind> ParseConsultationKind(std::string_view code);
std::optional<FeeMethod> ParseFeeMethod(std::string_view code);
std::optional<EventKind> ParseEventKind(std::string_view code);

// Chinese UI labels, from the terms table (core/terms.cc).
std::string_view Label(ApplicantType v);
std::string_view Label(IntakeChannel v);
std::string_view Label(IdDocumentType v);
std::string_view Label(DeliveryForm v);
std::string_view Label(DeliveryWay v);
std::string_view Label(Outcome v);
std::string_view Label(CaseState v);
std::string_view Label(ConsultationKind v);
std::string_view Label(FeeMethod v);
std::string_view Label(EventKind v);

// What the receipt date means for the channel (Art. 31), e.g. "签收之日" for registered post.
std::string_view ReceiptMeaning(IntakeChannel v);
// The article an answer with this outcome rests on, e.g. "第三十六条第（二）项".
std::string_view OutcomeBasis(Outcome v);
bool IsOrganisation(ApplicantType v);

}  // namespace gongkai::application
