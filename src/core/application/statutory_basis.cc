// Art. 31 (receipt dates) and the articles each answer type rests on (Art. 14-16, 30, 33-39;
// 109号 for fees), as cited in answer documents.
#include "core/application/application.h"

namespace gongkai::application {

std::string_view ReceiptMeaning(IntakeChannel v) {
  switch (v) {
    case IntakeChannel::kInPerson:
      return "申请人提交之日";
    case IntakeChannel::kRegisteredPost:
      return "本机关签收之日";
    case IntakeChannel::kOrdinaryPost:
      return "本机关与申请人确认之日";
    case IntakeChannel::kOnline:
    case IntakeChannel::kFax:
    case IntakeChannel::kEmail:
      return "双方确认之日";
  }
  return "";
}

std::string_view OutcomeBasis(Outcome v) {
  switch (v) {
    case Outcome::kGranted:
      return "第三十六条第（一）项、第（二）项";
    case Outcome::kPartial:
      return "第三十七条";
    case Outcome::kWithheldStateSecret:
    case Outcome::kWithheldProhibited:
    case Outcome::kWithheldSecurityStability:
      return "第十四条、第三十六条第（三）项";
    case Outcome::kWithheldThirdParty:
      return "第十五条、第三十二条、第三十六条第（三）项";
    case Outcome::kWithheldInternalAffairs:
      return "第十六条第一款、第三十六条第（三）项";
    case Outcome::kWithheldProcessInfo:
    case Outcome::kWithheldEnforcementFiles:
      return "第十六条第二款、第三十六条第（三）项";
    case Outcome::kWithheldInquiry:
      return "第三十六条第（七）项";
    case Outcome::kUnableNotHeld:
      return "第三十六条第（四）项、第（五）项";
    case Outcome::kUnableNeedsCreation:
      return "第三十八条";
    case Outcome::kUnableUnclear:
      return "第三十条";
    case Outcome::kRejectedPetition:
      return "第三十九条第一款";
    case Outcome::kRejectedRepeat:
      return "第三十六条第（六）项";
    case Outcome::kRejectedPublication:
      return "第三十九条第二款";
    case Outcome::kRejectedExcessive:
      return "第三十五条";
    case Outcome::kRejectedConfirmReissue:
      return "第三十九条";
    case Outcome::kOtherNoCorrection:
      return "第三十条";
    case Outcome::kOtherNoPayment:
      return "第四十二条";
    case Outcome::kOtherOther:
      return "";
  }
  return "";
}

bool IsOrganisation(ApplicantType v) { return v != ApplicantType::kNatural; }

}  // namespace gongkai::application
