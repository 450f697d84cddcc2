// The register of rules (规章) and normative documents (行政规范性文件) an agency makes and repeals
// (Art. 20 (1)): what Table 二's first block is counted from (annual-report.md §2, §7).
//
// A document counts as made in the year of its made date and as repealed in the year of its
// repeal date; it is in force at the end of year Y when it was made on or before 31 December Y and
// not repealed on or before that day. Callers may rely on: a document that passed
// ValidateNormativeDocument has a title and a number, and its repeal date (when set) is not before
// its made date; TallyTable2Documents over such documents passes T2-01 and T2-03.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/report/report_data.h"
#include "core/status.h"

namespace gongkai::disclosure {

enum class DocumentKind { kRule, kNormative };
inline constexpr std::array kAllDocumentKinds = {DocumentKind::kRule, DocumentKind::kNormative};

struct NormativeDocument {
  int64_t id = 0;
  int64_t agency_id = 0;
  DocumentKind kind = DocumentKind::kNormative;
  std::string title;
  std::string number;  // 发文字号, e.g. 湖政办〔2024〕3号; unique within the agency
  Date made_on;        // 制发日期 (成文日期)
  std::optional<Date> repealed_on;
  std::string note;
  std::string created_by, created_at, updated_by, updated_at;
  int64_t version = 0;

  bool InForceOn(Date day) const { return made_on <= day && !(repealed_on && *repealed_on <= day); }
};

// Trims the ASCII blanks around title and number (what people paste from documents carries them).
void Normalise(NormativeDocument& d);
// Title (1–200 characters) and number (1–100) required; made date and repeal date not after
// today; repeal date not before made date; note up to 2000 characters.
Status ValidateNormativeDocument(const NormativeDocument& d, Date today);

// Which documents a register list shows; unset fields match everything.
struct DocumentFilter {
  std::optional<DocumentKind> kind{};
  std::optional<bool> in_force{};  // true: in force today; false: repealed by today
  std::optional<int> year{};       // made or repealed in this year
};
bool Matches(const DocumentFilter& f, const NormativeDocument& d, Date today);

// Sets t2.rules.{made,repealed,in_force} and t2.normative.{made,repealed,in_force} of `data` for
// `year` (every one of the six, 0 when no document counts).
void TallyTable2Documents(std::span<const NormativeDocument> docs, int year,
                          report::ReportData& data);

std::string_view Code(DocumentKind v);  // "rule", "normative"
std::string_view TableRow(DocumentKind v);  // Table 二's row id: "rules", "normative"
std::optional<DocumentKind> ParseDocumentKind(std::string_view code);
std::string_view Label(DocumentKind v);

}  // namespace gongkai::disclosure
