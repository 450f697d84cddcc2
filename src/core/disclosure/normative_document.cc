#include "core/disclosure/normative_document.h"

#include <string>

#include "core/terms.h"
#include "core/text.h"

namespace gongkai::disclosure {

void Normalise(NormativeDocument& d) {
  d.title = std::string(TrimAscii(d.title));
  d.number = std::string(TrimAscii(d.number));
}

Status ValidateNormativeDocument(const NormativeDocument& d, Date today) {
  GK_RETURN_IF_ERROR(CheckText(TrimAscii(d.title), 1, 200, "title", "文件标题"));
  GK_RETURN_IF_ERROR(CheckText(TrimAscii(d.number), 1, 100, "number", "发文字号"));
  GK_RETURN_IF_ERROR(CheckText(d.note, 0, 2000, "note", "备注"));
  if (d.made_on > today) {
    return InvalidArgument("made_on: " + d.made_on.ToString() + " is in the future",
                           "制发日期不能晚于今天");
  }
  if (d.made_on.year() < 1949) {
    return InvalidArgument("made_on: " + d.made_on.ToString() + " is before 1949",
                           "制发日期不能早于1949年");
  }
  if (d.repealed_on) {
    if (*d.repealed_on > today) {
      return InvalidArgument("repealed_on: " + d.repealed_on->ToString() + " is in the future",
                             "废止日期不能晚于今天");
    }
    if (*d.repealed_on < d.made_on) {
      return InvalidArgument("repealed_on: " + d.repealed_on->ToString() +
                                 " is before the made date " + d.made_on.ToString(),
                             "废止日期不能早于制发日期");
    }
  }
  return OkStatus();
}

bool Matches(const DocumentFilter& f, const NormativeDocument& d, Date today) {
  if (f.kind && d.kind != *f.kind) return false;
  if (f.in_force && d.InForceOn(today) != *f.in_force) return false;
  if (f.year && d.made_on.year() != *f.year && !(d.repealed_on && d.repealed_on->year() == *f.year))
    return false;
  return true;
}

void TallyTable2Documents(std::span<const NormativeDocument> docs, int year,
                          report::ReportData& data) {
  const Date year_end = Date::FromYmd(year, 12, 31).value();
  for (DocumentKind kind : kAllDocumentKinds) {
    int64_t made = 0, repealed = 0, in_force = 0;
    for (const NormativeDocument& d : docs) {
      if (d.kind != kind) continue;
      if (d.made_on.year() == year) ++made;
      if (d.repealed_on && d.repealed_on->year() == year) ++repealed;
      if (d.InForceOn(year_end)) ++in_force;
    }
    const std::string row = "t2." + std::string(TableRow(kind)) + ".";
    data.Set(row + "made", made);
    data.Set(row + "repealed", repealed);
    data.Set(row + "in_force", in_force);
  }
}

std::string_view Code(DocumentKind v) {
  switch (v) {
    case DocumentKind::kRule:
      return "rule";
    case DocumentKind::kNormative:
      return "normative";
  }
  return "";
}
std::string_view TableRow(DocumentKind v) {
  switch (v) {
    case DocumentKind::kRule:
      return "rules";
    case DocumentKind::kNormative:
      return "normative";
  }
  return "";
}
std::optional<DocumentKind> ParseDocumentKind(std::string_view code) {
  return ParseCode(kAllDocumentKinds, code);
}
std::string_view Label(DocumentKind v) { return LabelOf("document_kind.", Code(v)); }

}  // namespace gongkai::disclosure
