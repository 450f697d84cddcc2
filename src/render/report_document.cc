#include "render/report_document.h"

#include "core/date.h"

namespace gongkai::render {

std::string BeijingDay(const std::string& utc) {
  auto day = Date::BeijingDateOfUtc(utc);
  return day ? day->ToString() : "";
}

ReportDocument DocumentFor(const AnnualReport& record, const report::ReportData& data,
                           const Agency& agency, const std::string& title,
                           const std::vector<AnnualReport>& versions,
                           const std::vector<std::string>& unit_names) {
  ReportDocument doc;
  doc.data = data;
  doc.agency_name = agency.name;
  doc.title = title;
  if (record.status == ReportStatus::kSuperseded) {
    // An old version is marked as such wherever it is read or downloaded.
    int newest = record.version;
    for (const AnnualReport& v : versions)
      if (v.status == ReportStatus::kPublished && v.version > newest) newest = v.version;
    doc.title += "（本版已被第" + std::to_string(newest) + "版更正）";
  }
  doc.version = record.version;
  doc.draft = record.status == ReportStatus::kDraft || record.status == ReportStatus::kPending;
  doc.published_on = BeijingDay(record.published_at);
  for (const AnnualReport& v : versions) {
    if (v.version > record.version || v.correction_note.empty()) continue;
    doc.corrections.push_back({v.version, BeijingDay(v.published_at), v.correction_note});
  }
  doc.summary = record.origin == ReportOrigin::kSummary;
  doc.summary_units = unit_names;
  return doc;
}

}  // namespace gongkai::render
