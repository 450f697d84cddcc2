// The row-level half of db copy: a canonical byte form per row (length-prefixed fields, so no
// content can be mistaken for a separator), table checksums over it, and the source/target diff.
#include <map>

#include "service/crypto.h"
#include "service/db_copy.h"

namespace gongkai::service {
namespace {

class Row {
 public:
  Row& Text(std::string_view s) {
    out_ += std::to_string(s.size()) + ":" + std::string(s) + ";";
    return *this;
  }
  Row& Int(int64_t v) { return Text(std::to_string(v)); }
  Row& Null() {
    out_ += "-;";
    return *this;
  }
  Row& OptionalDate(const std::optional<Date>& d) { return d ? Text(d->ToString()) : Null(); }
  Row& OptionalOutcome(const std::optional<application::Outcome>& o) {
    return o ? Text(Code(*o)) : Null();
  }
  std::string Done() { return std::move(out_) + "\n"; }

 private:
  std::string out_;
};

std::string Encode(const Agency& a) {
  Row r;
  r.Int(a.id);
  a.parent_id ? r.Int(*a.parent_id) : r.Null();
  return r.Text(Code(a.level))
      .Text(a.name)
      .Text(a.short_name)
      .Text(a.region_code)
      .Text(a.office.name)
      .Text(a.office.address)
      .Text(a.office.phone)
      .Text(a.office.hours)
      .Text(a.office.email)
      .Int(a.version)
      .Done();
}

std::string Encode(int64_t agency_id, size_t position, const LeadingGroupMember& m) {
  return Row()
      .Int(agency_id)
      .Int(static_cast<int64_t>(position))
      .Text(m.name)
      .Text(m.post)
      .Text(Code(m.role))
      .Done();
}

std::string Encode(const User& u) {
  return Row()
      .Int(u.id)
      .Text(u.username)
      .Text(u.display_name)
      .Text(Code(u.role))
      .Int(u.agency_id)
      .Text(u.password_hash)
      .Int(u.active ? 1 : 0)
      .Int(u.failed_logins)
      .Int(u.locked_until)
      .Int(u.version)
      .Done();
}

std::string Encode(const CalendarYear& y) {
  return Row().Int(y.year).Text(y.source).Text(FormatCalendarYear(y)).Done();
}

std::string Encode(const AuditEntry& e) {
  return Row()
      .Int(e.seq)
      .Text(e.at)
      .Text(e.actor)
      .Text(e.action)
      .Text(e.entity)
      .Text(e.before_json)
      .Text(e.after_json)
      .Text(e.prev_hash)
      .Text(e.hash)
      .Done();
}

// A report with its accepted warnings and summary units (they have no key of their own).
std::string Encode(const AnnualReport& r) {
  Row row;
  row.Int(r.id)
      .Int(r.agency_id)
      .Int(r.year)
      .Int(r.version)
      .Text(Code(r.status))
      .Text(Code(r.origin));
  row.Text(r.format_id)
      .Text(r.body)
      .Text(r.correction_note)
      .Text(r.return_comment)
      .Text(r.source_name);
  row.Text(r.created_by).Text(r.created_at).Text(r.updated_by).Text(r.updated_at);
  row.Text(r.submitted_by).Text(r.submitted_at).Text(r.approved_by).Text(r.published_at);
  row.Int(r.row_version);
  r.source_id ? row.Int(r.source_id) : row.Null();
  for (const WarningAcceptance& a : r.acceptances)
    row.Text(a.rule).Text(a.fingerprint).Text(a.reason).Text(a.by).Text(a.at);
  for (int64_t unit : r.summary_units) row.Int(unit);
  return row.Done();
}

// An uploaded report file; its content by its SHA-256 (computed here, not the stored column), so
// the checksums prove the bytes arrived without holding them twice.
std::string Encode(const ReportSource& s) {
  Row row;
  row.Int(s.id);
  s.agency_id ? row.Int(*s.agency_id) : row.Null();
  s.uploader_id ? row.Int(*s.uploader_id) : row.Null();
  return row.Text(s.uploaded_by)
      .Text(s.uploaded_at)
      .Text(s.file_name)
      .Text(s.media_kind)
      .Int(s.size)
      .Text(s.sha256)
      .Text(Sha256Hex(s.content))
      .Done();
}

// One event of an application; it has no key of its own but (application id, seq).
std::string Encode(int64_t application_id, const application::CaseEvent& e) {
  return Row()
      .Int(application_id)
      .Int(e.seq)
      .Text(Code(e.kind))
      .Text(e.date.ToString())
      .Text(e.recorded_at)
      .Text(e.by)
      .Int(e.by_user_id)
      .Int(e.days)
      .Int(e.ref)
      .OptionalDate(e.until)
      .Text(e.party)
      .Text(Code(e.consultation))
      .Text(Code(e.fee_method))
      .Int(e.quantity)
      .Int(e.amount_fen)
      .OptionalOutcome(e.outcome)
      .Text(e.text)
      .Done();
}

// An application's snapshot row (its events are summarised as a table of their own).
std::string Encode(const application::Application& a) {
  const application::Applicant& p = a.applicant;
  const application::RequestedInfo& r = a.request;
  Row row;
  row.Int(a.id).Int(a.agency_id).Text(a.query_code).Int(a.serial_year).Int(a.serial_no);
  row.Text(Code(a.channel)).OptionalDate(a.submitted_on).OptionalDate(a.receipt_date);
  row.Text(Code(p.type)).Text(p.name).Text(Code(p.id_type)).Text(p.id_number).Text(p.credit_code);
  row.Text(p.legal_representative).Text(p.contact_name).Text(p.phone).Text(p.email);
  row.Text(p.address).Text(p.postcode);
  row.Text(r.title).Text(r.document_number).Text(r.description).Text(r.purpose);
  row.Text(Code(r.form)).Text(Code(r.way));
  row.Text(a.request_key).Text(a.applicant_key).Text(a.client_key);
  row.Int(a.handler_id).Text(a.handler_name).Text(Code(a.state));
  row.OptionalOutcome(a.outcome).OptionalDate(a.closed_on);
  return row.Text(a.created_at).Int(a.version).Done();
}

std::string Encode(const litigation::ReviewCase& c) {
  Row row;
  row.Int(c.id).Int(c.agency_id).Int(c.application_id).Text(Code(c.kind)).Text(Code(c.role));
  row.Text(c.decision).Text(c.applicant).Text(c.body).Text(c.case_number);
  row.Text(c.filed_on.ToString()).Text(Code(c.result)).OptionalDate(c.result_on);
  row.Text(c.note).Text(c.created_by).Text(c.created_at).Text(c.updated_by).Text(c.updated_at);
  return row.Int(c.version).Done();
}

// A publication with its versions and events: all of it is one record for the diff.
std::string Encode(const publication::Publication& p) {
  Row row;
  row.Int(p.id).Int(p.agency_id).Text(p.index_number).Int(p.serial_year).Int(p.serial_no);
  row.Text(Code(p.stage)).Int(p.working_version).Int(p.live_version);
  row.OptionalDate(p.first_released_on).OptionalDate(p.withdrawn_on).Text(p.created_at);
  row.Int(p.version);
  for (const publication::Version& v : p.versions) {
    const publication::Content& c = v.content;
    row.Int(v.number).Text(c.title).Text(c.subject).Text(c.item_code).Text(Code(c.attribute));
    row.OptionalDate(c.written_date).OptionalDate(c.changed_date).Text(c.document_number);
    row.Text(c.issuer).Text(c.body_html).OptionalDate(c.review_by).OptionalDate(v.released_on);
    row.Text(v.created_at).Text(v.created_by);
  }
  for (const publication::Event& e : p.events) {
    row.Int(e.seq).Text(Code(e.kind)).Int(e.version).Text(e.date.ToString()).Text(e.recorded_at);
    row.Text(e.by).Int(e.by_user_id).Text(e.reviewer).Text(Code(e.conclusion));
    row.Text(e.channel ? Code(*e.channel) : "").Text(e.text);
  }
  return row.Done();
}

std::string Encode(const std::pair<publication::Attachment, std::string>& a) {
  const publication::Attachment& m = a.first;
  Row row;
  row.Int(m.id).Int(m.publication_id).Int(m.version).Text(m.file_name).Text(m.content_type);
  row.Int(m.size).Text(m.sha256).Text(m.uploaded_at).Text(m.uploaded_by).Text(Sha256Hex(a.second));
  return row.Done();
}

std::string Encode(const publication::ChannelRecord& r) {
  Row row;
  row.Int(r.id).Int(r.publication_id).Text(Code(r.channel)).Text(r.date.ToString());
  row.Text(r.link).Text(r.place).Text(r.note).Int(r.photo_attachment_id);
  return row.Text(r.recorded_by).Text(r.recorded_at).Done();
}

std::string Encode(const disclosure::NormativeDocument& d) {
  Row row;
  row.Int(d.id).Int(d.agency_id).Text(Code(d.kind)).Text(d.title).Text(d.number);
  row.Text(d.made_on.ToString()).OptionalDate(d.repealed_on).Text(d.note);
  row.Text(d.created_by).Text(d.created_at).Text(d.updated_by).Text(d.updated_at);
  return row.Int(d.version).Done();
}

std::string Encode(const disclosure::DecisionFigures& f) {
  Row row;
  row.Int(f.id).Int(f.agency_id).Int(f.year).Int(f.licensing).Int(f.penalty).Int(f.coercion);
  row.Int(f.fee_fen).Text(f.updated_by).Text(f.updated_at);
  return row.Int(f.version).Done();
}

// An application's identity for the diff includes its events: a case that moved on in the source
// after an earlier copy is a changed row.
std::string EncodeWithEvents(const application::Application& a) {
  std::string out = Encode(a);
  for (const application::CaseEvent& e : a.events) out += Encode(a.id, e);
  return out;
}

// An agency's identity for the diff includes its leading group: members have no key of their own.
std::string EncodeWithGroup(const Agency& a) {
  std::string out = Encode(a);
  for (size_t i = 0; i < a.leading_group.size(); ++i) out += Encode(a.id, i, a.leading_group[i]);
  return out;
}

int64_t KeyOf(const Agency& a) { return a.id; }
int64_t KeyOf(const User& u) { return u.id; }
int64_t KeyOf(const CalendarYear& y) { return y.year; }
int64_t KeyOf(const AnnualReport& r) { return r.id; }
int64_t KeyOf(const ReportSource& s) { return s.id; }
int64_t KeyOf(const application::Application& a) { return a.id; }
int64_t KeyOf(const litigation::ReviewCase& c) { return c.id; }
int64_t KeyOf(const publication::Publication& p) { return p.id; }
int64_t KeyOf(const std::pair<publication::Attachment, std::string>& a) { return a.first.id; }
int64_t KeyOf(const publication::ChannelRecord& r) { return r.id; }
int64_t KeyOf(const disclosure::NormativeDocument& d) { return d.id; }
int64_t KeyOf(const disclosure::DecisionFigures& f) { return f.id; }

template <class T>
TableSummary Summarise(std::string table, const std::vector<T>& rows) {
  std::string all;
  for (const T& row : rows) all += Encode(row);
  return {std::move(table), static_cast<int64_t>(rows.size()), Sha256Hex(all)};
}

// Appends to *missing the source rows the target lacks; `key` names the key column in messages.
template <class T, class EncodeFn>
Status Diff(const std::string& table, const std::string& key, const std::vector<T>& source,
            const std::vector<T>& target, EncodeFn encode, std::vector<T>* missing) {
  std::map<int64_t, const T*> only_target;
  for (const T& row : target) only_target[KeyOf(row)] = &row;
  for (const T& row : source) {
    auto it = only_target.find(KeyOf(row));
    if (it == only_target.end()) {
      missing->push_back(row);
      continue;
    }
    if (encode(*it->second) != encode(row)) {
      std::string where = table + " " + key + " " + std::to_string(KeyOf(row));
      return AlreadyExists(
          "conflict: " + where + " is in the target with different content; nothing copied",
          "冲突：目标库中 " + where + " 的内容与源库不同，未复制任何数据");
    }
    only_target.erase(it);
  }
  if (!only_target.empty()) {
    std::string where = table + " " + key + " " + std::to_string(only_target.begin()->first);
    return AlreadyExists(
        "conflict: the target has " + where + ", which the source lacks; nothing copied",
        "冲突：目标库有源库没有的 " + where + "，未复制任何数据");
  }
  return OkStatus();
}

}  // namespace

std::vector<TableSummary> SummariseSnapshot(const storage::DataSnapshot& s) {
  std::vector<TableSummary> out;
  out.push_back(Summarise("agencies", s.agencies));
  std::string members;
  int64_t member_rows = 0;
  for (const Agency& a : s.agencies) {
    for (size_t i = 0; i < a.leading_group.size(); ++i) {
      members += Encode(a.id, i, a.leading_group[i]);
      ++member_rows;
    }
  }
  out.push_back({"agency_group_members", member_rows, Sha256Hex(members)});
  out.push_back(Summarise("users", s.users));
  out.push_back(Summarise("calendar_years", s.calendar_years));
  out.push_back(Summarise("report_sources", s.report_sources));
  out.push_back(Summarise("annual_reports", s.reports));
  out.push_back(Summarise("applications", s.applications));
  std::string events;
  int64_t event_rows = 0;
  for (const application::Application& a : s.applications) {
    for (const application::CaseEvent& e : a.events) {
      events += Encode(a.id, e);
      ++event_rows;
    }
  }
  out.push_back({"application_events", event_rows, Sha256Hex(events)});
  out.push_back(Summarise("review_cases", s.review_cases));
  out.push_back(Summarise("publications", s.publications));
  out.push_back(Summarise("publication_attachments", s.attachments));
  out.push_back(Summarise("publication_channels", s.channel_records));
  out.push_back(Summarise("normative_documents", s.normative_documents));
  out.push_back(Summarise("decision_figures", s.decision_figures));
  out.push_back(Summarise("audit_log", s.audit));
  out.push_back(
      {"audit_head", 1, Sha256Hex(Row().Int(s.audit_head.seq).Text(s.audit_head.hash).Done())});
  return out;
}

Result<storage::DataSnapshot> MissingRows(const storage::DataSnapshot& source,
                                          const storage::DataSnapshot& target) {
  // The audit log first: if the target has a history of its own, that is the real problem.
  size_t common = std::min(source.audit.size(), target.audit.size());
  for (size_t i = 0; i < common; ++i) {
    if (Encode(source.audit[i]) != Encode(target.audit[i])) {
      return FailedPrecondition(
          "the target's audit log differs from the source's at seq " +
              std::to_string(target.audit[i].seq) +
              ": it is not a copy of this source, and two audit chains cannot be merged",
          "目标库的操作日志与源库不同，两条操作日志链不能合并");
    }
  }
  if (target.audit.size() > source.audit.size()) {
    return FailedPrecondition("the target's audit log has " + std::to_string(target.audit.size()) +
                                  " entries, more than the source's " +
                                  std::to_string(source.audit.size()) +
                                  ": it is not a copy of this source",
                              "目标库的操作日志比源库多，不是该源库的副本");
  }
  storage::DataSnapshot missing;
  GK_RETURN_IF_ERROR(Diff(
      "agencies", "id", source.agencies, target.agencies,
      [](const Agency& a) { return EncodeWithGroup(a); }, &missing.agencies));
  GK_RETURN_IF_ERROR(Diff(
      "users", "id", source.users, target.users, [](const User& u) { return Encode(u); },
      &missing.users));
  GK_RETURN_IF_ERROR(Diff(
      "calendar_years", "year", source.calendar_years, target.calendar_years,
      [](const CalendarYear& y) { return Encode(y); }, &missing.calendar_years));
  GK_RETURN_IF_ERROR(Diff(
      "report_sources", "id", source.report_sources, target.report_sources,
      [](const ReportSource& s) { return Encode(s); }, &missing.report_sources));
  GK_RETURN_IF_ERROR(Diff(
      "annual_reports", "id", source.reports, target.reports,
      [](const AnnualReport& r) { return Encode(r); }, &missing.reports));
  GK_RETURN_IF_ERROR(Diff(
      "applications", "id", source.applications, target.applications,
      [](const application::Application& a) { return EncodeWithEvents(a); },
      &missing.applications));
  GK_RETURN_IF_ERROR(Diff(
      "review_cases", "id", source.review_cases, target.review_cases,
      [](const litigation::ReviewCase& c) { return Encode(c); }, &missing.review_cases));
  GK_RETURN_IF_ERROR(Diff(
      "publications", "id", source.publications, target.publications,
      [](const publication::Publication& p) { return Encode(p); }, &missing.publications));
  GK_RETURN_IF_ERROR(Diff(
      "publication_attachments", "id", source.attachments, target.attachments,
      [](const std::pair<publication::Attachment, std::string>& a) { return Encode(a); },
      &missing.attachments));
  GK_RETURN_IF_ERROR(Diff(
      "publication_channels", "id", source.channel_records, target.channel_records,
      [](const publication::ChannelRecord& r) { return Encode(r); }, &missing.channel_records));
  GK_RETURN_IF_ERROR(Diff(
      "normative_documents", "id", source.normative_documents, target.normative_documents,
      [](const disclosure::NormativeDocument& d) { return Encode(d); },
      &missing.normative_documents));
  GK_RETURN_IF_ERROR(Diff(
      "decision_figures", "id", source.decision_figures, target.decision_figures,
      [](const disclosure::DecisionFigures& f) { return Encode(f); }, &missing.decision_figures));
  missing.audit.assign(source.audit.begin() + static_cast<std::ptrdiff_t>(common),
                       source.audit.end());
  missing.audit_head = source.audit_head;
  return missing;
}

}  // namespace gongkai::service
