// The letters a disclosure application produces (《政府信息公开条例》 Art. 30-39, 42;
// 国办函〔2020〕109 号), each filled from the case: the receipt (受理回执), the correction notice
// (补正告知书, Art. 30), the consultation of a third party (征求第三方意见书, Art. 32) or of
// another agency (征求意见 函, Art. 34), the extension notice (延期答复告知书, Art. 33), the fee
// notice (收费通知书, Art. 42 and 109号) and the answer (答复书, Art. 33, 36-39, with the
// applicant's remedies).
//
// The wording lives in templates/letters/<code>.mustache (embedded in the binary by assets), one
// paragraph per line in ParseLetter's format; this file only gathers the case's data for them.
// Callers may rely on: the codes are stable; a letter is built only from an event of the matching
// kind, so a refused request (no such event) names what is missing in English and Chinese.
#pragma once

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/agency.h"
#include "core/application/application.h"
#include "core/application/deadline.h"
#include "core/status.h"
#include "render/letter.h"

namespace gongkai::render {

enum class LetterKind { kReceipt, kCorrection, kExtension, kConsultation, kFeeNotice, kAnswer };
inline constexpr LetterKind kAllLetterKinds[] = {LetterKind::kReceipt,   LetterKind::kCorrection,
                                                 LetterKind::kExtension, LetterKind::kConsultation,
                                                 LetterKind::kFeeNotice, LetterKind::kAnswer};

std::string_view Code(LetterKind k);   // "receipt", "correction", ...; the template's file name
std::string_view Label(LetterKind k);  // 受理回执, 补正告知书, ...
std::optional<LetterKind> ParseLetterKind(std::string_view code);

// The letter of `kind` about the event `event_seq` of the case: the receipt (kReceived; 0 = the
// case's receipt date), the correction request, the extension's approval, the consultation sent,
// the fee notice, the closing. 0 picks the latest event of the kind. `deadline` is ComputeDeadline
// of the case as it stood when the letter is issued — use CaseAsOf(app, event_seq) — for the due
// dates the letter states.
//
// InvalidArgument when the case has no event `event_seq`; FailedPrecondition when that event is of
// another kind, or the case has no event of the kind at all (no fee notice, not answered yet, ...).
Result<Letter> BuildCaseLetter(LetterKind kind, const application::Application& app,
                               const Agency& agency, const application::Deadline& deadline,
                               int event_seq);

// The letters the case can produce now, in the order of their events: the receipt once received,
// then one per correction request, consultation sent, approved extension, fee notice and closing.
std::vector<std::pair<LetterKind, int>> AvailableLetters(const application::Application& app);

// The case with only its events up to and including `event_seq` (all of them for 0), its receipt
// date and snapshot derived again: what ComputeDeadline needs for the dates of a letter about that
// event.
application::Application CaseAsOf(const application::Application& app, int event_seq);

}  // namespace gongkai::render
