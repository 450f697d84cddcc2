// Stable codes and UI labels of the application enums (labels come from core/terms.cc).
#include "core/application/application.h"

#include <string>

#include "core/terms.h"

namespace gongkai::application {

const std::array<Outcome, kOutcomeCount> kAllOutcomes = {Outcome::kGranted,
                                                         Outcome::kPartial,
                                                         Outcome::kWithheldStateSecret,
                                                         Outcome::kWithheldProhibited,
                                                         Outcome::kWithheldSecurityStability,
                                                         Outcome::kWithheldThirdParty,
                                                         Outcome::kWithheldInternalAffairs,
                                                         Outcome::kWithheldProcessInfo,
                                                         Outcome::kWithheldEnforcementFiles,
                                                         Outcome::kWithheldInquiry,
                                                         Outcome::kUnableNotHeld,
                                                         Outcome::kUnableNeedsCreation,
                                                         Outcome::kUnableUnclear,
                                                         Outcome::kRejectedPetition,
                                                         Outcome::kRejectedRepeat,
                                                         Outcome::kRejectedPublication,
                                                         Outcome::kRejectedExcessive,
                                                         Outcome::kRejectedConfirmReissue,
                                                         Outcome::kOtherNoCorrection,
                                                         Outcome::kOtherNoPayment,
                                                         Outcome::kOtherOther};

std::string_view Code(ApplicantType v) {
  switch (v) {
    case ApplicantType::kNatural:
      return "natural";
    case ApplicantType::kCommercial:
      return "commercial";
    case ApplicantType::kResearch:
      return "research";
    case ApplicantType::kNonprofit:
      return "nonprofit";
    case ApplicantType::kLegal:
      return "legal";
    case ApplicantType::kOtherOrg:
      return "other_org";
  }
  return "";
}
std::optional<ApplicantType> ParseApplicantType(std::string_view code) {
  return ParseCode(kAllApplicantTypes, code);
}
std::string_view Label(ApplicantType v) { return LabelOf("applicant_type.", Code(v)); }

std::string_view Code(IntakeChannel v) {
  switch (v) {
    case IntakeChannel::kInPerson:
      return "in_person";
    case IntakeChannel::kRegisteredPost:
      return "registered_post";
    case IntakeChannel::kOrdinaryPost:
      return "ordinary_post";
    case IntakeChannel::kOnline:
      return "online";
    case IntakeChannel::kFax:
      return "fax";
    case IntakeChannel::kEmail:
      return "email";
  }
  return "";
}
std::optional<IntakeChannel> ParseIntakeChannel(std::string_view code) {
  return ParseCode(kAllIntakeChannels, code);
}
std::string_view Label(IntakeChannel v) { return LabelOf("intake_channel.", Code(v)); }

std::string_view Code(IdDocumentType v) {
  switch (v) {
    case IdDocumentType::kResidentId:
      return "resident_id";
    case IdDocumentType::kPassport:
      return "passport";
    case IdDocumentType::kHkMacaoPermit:
      return "hk_macao_permit";
    case IdDocumentType::kTaiwanPermit:
      return "taiwan_permit";
    case IdDocumentType::kOther:
      return "other";
  }
  return "";
}
std::optional<IdDocumentType> ParseIdDocumentType(std::string_view code) {
  return ParseCode(kAllIdDocumentTypes, code);
}
std::string_view Label(IdDocumentType v) { return LabelOf("id_document.", Code(v)); }

std::string_view Code(DeliveryForm v) {
  switch (v) {
    case DeliveryForm::kPaper:
      return "paper";
    case DeliveryForm::kElectronic:
      return "electronic";
  }
  return "";
}
std::optional<DeliveryForm> ParseDeliveryForm(std::string_view code) {
  return ParseCode(kAllDeliveryForms, code);
}
std::string_view Label(DeliveryForm v) { return LabelOf("delivery_form.", Code(v)); }

std::string_view Code(DeliveryWay v) {
  switch (v) {
    case DeliveryWay::kPickUp:
      return "pick_up";
    case DeliveryWay::kPost:
      return "post";
    case DeliveryWay::kEmail:
      return "email";
    case DeliveryWay::kOnline:
      return "online";
  }
  return "";
}
std::optional<DeliveryWay> ParseDeliveryWay(std::string_view code) {
  return ParseCode(kAllDeliveryWays, code);
}
std::string_view Label(DeliveryWay v) { return LabelOf("delivery_way.", Code(v)); }

std::string_view Code(Outcome v) {
  switch (v) {
    case Outcome::kGranted:
      return "granted";
    case Outcome::kPartial:
      return "partial";
    case Outcome::kWithheldStateSecret:
      return "withheld.state_secret";
    case Outcome::kWithheldProhibited:
      return "withheld.prohibited";
    case Outcome::kWithheldSecurityStability:
      return "withheld.security_stability";
    case Outcome::kWithheldThirdParty:
      return "withheld.third_party";
    case Outcome::kWithheldInternalAffairs:
      return "withheld.internal_affairs";
    case Outcome::kWithheldProcessInfo:
      return "withheld.process_info";
    case Outcome::kWithheldEnforcementFiles:
      return "withheld.enforcement_files";
    case Outcome::kWithheldInquiry:
      return "withheld.inquiry";
    case Outcome::kUnableNotHeld:
      return "unable.not_held";
    case Outcome::kUnableNeedsCreation:
      return "unable.needs_creation";
    case Outcome::kUnableUnclear:
      return "unable.unclear";
    case Outcome::kRejectedPetition:
      return "rejected.petition";
    case Outcome::kRejectedRepeat:
      return "rejected.repeat";
    case Outcome::kRejectedPublication:
      return "rejected.publication";
    case Outcome::kRejectedExcessive:
      return "rejected.excessive";
    case Outcome::kRejectedConfirmReissue:
      return "rejected.confirm_reissue";
    case Outcome::kOtherNoCorrection:
      return "other.no_correction";
    case Outcome::kOtherNoPayment:
      return "other.no_payment";
    case Outcome::kOtherOther:
      return "other.other";
  }
  return "";
}
std::optional<Outcome> ParseOutcome(std::string_view code) { return ParseCode(kAllOutcomes, code); }
std::string_view Label(Outcome v) { return LabelOf("outcome.", Code(v)); }

std::string_view Code(CaseState v) {
  switch (v) {
    case CaseState::kAwaitingConfirmation:
      return "awaiting_confirmation";
    case CaseState::kHandling:
      return "handling";
    case CaseState::kAwaitingCorrection:
      return "awaiting_correction";
    case CaseState::kConsulting:
      return "consulting";
    case CaseState::kAwaitingPayment:
      return "awaiting_payment";
    case CaseState::kClosed:
      return "closed";
  }
  return "";
}
std::optional<CaseState> ParseCaseState(std::string_view code) {
  return ParseCode(kAllCaseStates, code);
}
std::string_view Label(CaseState v) { return LabelOf("case_state.", Code(v)); }

std::string_view Code(ConsultationKind v) {
  switch (v) {
    case ConsultationKind::kThirdParty:
      return "third_party";
    case ConsultationKind::kOtherAgency:
      return "other_agency";
  }
  return "";
}
std::optional<ConsultationKind> ParseConsultationKind(std::string_view code) {
  return ParseCode(std::array{ConsultationKind::kThirdParty, ConsultationKind::kOtherAgency}, code);
}
std::string_view Label(ConsultationKind v) { return LabelOf("consultation_kind.", Code(v)); }

std::string_view Code(FeeMethod v) {
  switch (v) {
    case FeeMethod::kPerItem:
      return "per_item";
    case FeeMethod::kPerVolume:
      return "per_volume";
  }
  return "";
}
std::optional<FeeMethod> ParseFeeMethod(std::string_view code) {
  return ParseCode(std::array{FeeMethod::kPerItem, FeeMethod::kPerVolume}, code);
}
std::string_view Label(FeeMethod v) { return LabelOf("fee_method.", Code(v)); }

std::string_view Code(EventKind v) {
  switch (v) {
    case EventKind::kSubmittedOnline:
      return "submitted_online";
    case EventKind::kReceived:
      return "received";
    case EventKind::kCorrectionRequested:
      return "correction_requested";
    case EventKind::kCorrectionReceived:
      return "correction_received";
    case EventKind::kConsultationSent:
      return "consultation_sent";
    case EventKind::kConsultationAnswered:
      return "consultation_answered";
    case EventKind::kExtensionRequested:
      return "extension_requested";
    case EventKind::kExtensionApproved:
      return "extension_approved";
    case EventKind::kExtensionRefused:
      return "extension_refused";
    case EventKind::kFeeNoticeIssued:
      return "fee_notice_issued";
    case EventKind::kFeePaid:
      return "fee_paid";
    case EventKind::kClosed:
      return "closed";
    case EventKind::kNote:
      return "note";
  }
  return "";
}
std::optional<EventKind> ParseEventKind(std::string_view code) {
  return ParseCode(kAllEventKinds, code);
}
std::string_view Label(EventKind v) { return LabelOf("case_event.", Code(v)); }
}  // namespace gongkai::application
