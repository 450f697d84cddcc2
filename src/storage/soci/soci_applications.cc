// Disclosure applications: the snapshot row (applications), its append-only history
// (application_events), the filtered listings, and Table 三's grouping done in the database.
#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "storage/soci/columns.h"
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

using application::Application;
using application::CaseEvent;
using application::CaseState;
using application::CaseSummary;
using application::Outcome;

// Every column but id, in the order the rows below bind and read them.
constexpr char kApplicationColumns[] =
    "agency_id, query_code, serial_year, serial_no, channel, submitted_on, receipt_date,"
    " applicant_type, applicant_name, applicant_id_type, applicant_id_number,"
    " applicant_credit_code, applicant_legal_representative, applicant_contact_name,"
    " applicant_phone, applicant_email, applicant_address, applicant_postcode, request_title,"
    " request_document_number, request_description, request_purpose, request_form, request_way,"
    " request_key, applicant_key, client_key, handler_id, handler_name, state, outcome,"
    " closed_on, created_at, version";
constexpr char kEventColumns[] =
    "application_id, seq, kind, event_date, recorded_at, recorded_by, by_user_id, days, ref,"
    " until_date, party, consultation, fee_method, quantity, amount_fen, outcome, body";
// Events are read for at most this many applications per query (an IN list of ids).
constexpr size_t kEventBatch = 1000;

NullableText OfOutcome(const std::optional<Outcome>& o) {
  if (!o) return {};
  return {std::string(Code(*o)), soci::i_ok};
}
bool TakeOutcome(const NullableText& column, std::optional<Outcome>* out) {
  out->reset();
  if (column.ind != soci::i_ok) return true;
  *out = application::ParseOutcome(column.text);
  return out->has_value();
}

// One applications row as SOCI reads it: Into registers the buffers (id first, then
// kApplicationColumns), Take converts them after each fetch.
struct ApplicationRow {
  Application app;
  std::string channel, applicant_type, id_type, form, way, state;
  NullableText submitted_on, receipt_date, outcome, closed_on;
  NullableId handler;

  void Into(soci::details::prepare_temp_type& q) {
    application::Applicant& p = app.applicant;
    application::RequestedInfo& r = app.request;
    q, soci::into(app.id), soci::into(app.agency_id), soci::into(app.query_code),
        soci::into(app.serial_year), soci::into(app.serial_no), soci::into(channel),
        soci::into(submitted_on.text, submitted_on.ind),
        soci::into(receipt_date.text, receipt_date.ind), soci::into(applicant_type),
        soci::into(p.name), soci::into(id_type), soci::into(p.id_number), soci::into(p.credit_code),
        soci::into(p.legal_representative), soci::into(p.contact_name), soci::into(p.phone),
        soci::into(p.email), soci::into(p.address), soci::into(p.postcode), soci::into(r.title),
        soci::into(r.document_number), soci::into(r.description), soci::into(r.purpose),
        soci::into(form), soci::into(way), soci::into(app.request_key),
        soci::into(app.applicant_key), soci::into(app.client_key),
        soci::into(handler.id, handler.ind), soci::into(app.handler_name), soci::into(state),
        soci::into(outcome.text, outcome.ind), soci::into(closed_on.text, closed_on.ind),
        soci::into(app.created_at), soci::into(app.version);
  }

  Result<Application> Take() const {
    Application a = app;
    a.handler_id = handler.value();
    bool ok = ParseInto(application::ParseIntakeChannel(channel), &a.channel) &&
              ParseInto(application::ParseApplicantType(applicant_type), &a.applicant.type) &&
              ParseInto(application::ParseIdDocumentType(id_type), &a.applicant.id_type) &&
              ParseInto(application::ParseDeliveryForm(form), &a.request.form) &&
              ParseInto(application::ParseDeliveryWay(way), &a.request.way) &&
              ParseInto(application::ParseCaseState(state), &a.state) &&
              TakeDate(submitted_on, &a.submitted_on) && TakeDate(receipt_date, &a.receipt_date) &&
              TakeDate(closed_on, &a.closed_on) && TakeOutcome(outcome, &a.outcome);
    if (!ok) {
      return Internal("applications row " + std::to_string(a.id) +
                      " holds a code or date this gongkai cannot read");
    }
    return a;
  }
};

// One application_events row, like ApplicationRow (kEventColumns).
struct EventRow {
  int64_t application_id = 0;
  CaseEvent event;
  std::string kind, date, consultation, fee_method;
  NullableText until, outcome;
  NullableId by;

  void Into(soci::details::prepare_temp_type& q) {
    CaseEvent& e = event;
    q, soci::into(application_id), soci::into(e.seq), soci::into(kind), soci::into(date),
        soci::into(e.recorded_at), soci::into(e.by), soci::into(by.id, by.ind), soci::into(e.days),
        soci::into(e.ref), soci::into(until.text, until.ind), soci::into(e.party),
        soci::into(consultation), soci::into(fee_method), soci::into(e.quantity),
        soci::into(e.amount_fen), soci::into(outcome.text, outcome.ind), soci::into(e.text);
  }

  Result<CaseEvent> Take() const {
    CaseEvent e = event;
    e.by_user_id = by.value();
    bool ok = ParseInto(application::ParseEventKind(kind), &e.kind) && TakeDate(date, &e.date) &&
              ParseInto(application::ParseConsultationKind(consultation), &e.consultation) &&
              ParseInto(application::ParseFeeMethod(fee_method), &e.fee_method) &&
              TakeDate(until, &e.until) && TakeOutcome(outcome, &e.outcome);
    if (!ok) {
      return Internal("application_events row (" + std::to_string(application_id) + ", " +
                      std::to_string(e.seq) + ") holds a code or date this gongkai cannot read");
    }
    return e;
  }
};

// Fills each application's events, by seq: every event of the table when `all` (the whole table
// was read), else those of `apps`, kEventBatch applications per query. Throws like SOCI.
Status LoadEvents(soci::session& sql, std::vector<Application>& apps, bool all) {
  std::unordered_map<int64_t, Application*> by_id;
  for (Application& a : apps) {
    a.events.clear();
    by_id[a.id] = &a;
  }
  for (size_t start = 0; start < apps.size(); start += kEventBatch) {
    Binds binds;
    std::string where;
    if (!all) {
      std::vector<std::string> ids;
      for (size_t i = start; i < std::min(apps.size(), start + kEventBatch); ++i) {
        ids.push_back(binds.Add(apps[i].id));
      }
      where = " WHERE application_id IN (" + Join(ids, ", ") + ")";
    }
    EventRow row;
    soci::details::prepare_temp_type query =
        (sql.prepare << std::string("SELECT ") + kEventColumns + " FROM application_events" +
                            where + " ORDER BY application_id, seq");
    row.Into(query);
    binds.Apply(query);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      auto it = by_id.find(row.application_id);
      if (it == by_id.end()) continue;
      GK_ASSIGN_OR_RETURN(CaseEvent e, row.Take());
      it->second->events.push_back(std::move(e));
    }
    if (all) break;
  }
  return OkStatus();
}

// The WHERE clause of a filter, its values added to `binds`; nullopt when nothing can match (no
// agency in scope).
std::optional<std::string> FilterWhere(const ApplicationFilter& f, Binds& binds) {
  if (f.agency_ids.empty()) return std::nullopt;
  std::vector<std::string> terms, values;
  for (int64_t id : f.agency_ids) values.push_back(binds.Add(id));
  terms.push_back("agency_id IN (" + Join(values, ", ") + ")");
  if (!f.states.empty()) {
    values.clear();
    for (CaseState s : f.states) values.push_back(binds.Add(std::string(Code(s))));
    terms.push_back("state IN (" + Join(values, ", ") + ")");
  }
  if (f.open_only) terms.push_back("state <> " + binds.Add(std::string(Code(CaseState::kClosed))));
  if (f.received_from) terms.push_back("receipt_date >= " + binds.Add(f.received_from->ToString()));
  if (f.received_through) {
    terms.push_back("receipt_date <= " + binds.Add(f.received_through->ToString()));
  }
  if (f.closed_from) terms.push_back("closed_on >= " + binds.Add(f.closed_from->ToString()));
  if (f.closed_through) terms.push_back("closed_on <= " + binds.Add(f.closed_through->ToString()));
  if (f.outcome) terms.push_back("outcome = " + binds.Add(std::string(Code(*f.outcome))));
  if (f.applicant_type) {
    terms.push_back("applicant_type = " + binds.Add(std::string(Code(*f.applicant_type))));
  }
  if (f.handler_id) {
    terms.push_back(*f.handler_id > 0 ? "handler_id = " + binds.Add(*f.handler_id)
                                      : std::string("handler_id IS NULL"));
  }
  if (!f.applicant_key.empty()) terms.push_back("applicant_key = " + binds.Add(f.applicant_key));
  if (!f.request_key.empty()) terms.push_back("request_key = " + binds.Add(f.request_key));
  return " WHERE " + Join(terms, " AND ");
}

std::string Describe(const Application& a) {
  return a.id > 0 ? "application " + std::to_string(a.id)
                  : "application of agency " + std::to_string(a.agency_id);
}

// The query code is the applicant's key to the case: messages never quote it.
ConstraintMessages ApplicationConstraints(const Application& a) {
  return {
      .unique =
          [&](const UniqueViolation& violation) {
            bool query_code =
                violation.names_constraint
                    ? violation.detail == "applications_query_code_key"
                    : violation.detail.find("applications.query_code") != std::string_view::npos;
            if (query_code) {
              return AlreadyExists(Describe(a) + ": the query code is already used",
                                   "查询码已被其他申请使用");
            }
            return AlreadyExists(
                Describe(a) + " clashes with a stored one (" + std::string(violation.detail) + ")",
                "申请编号与已有申请重复");
          },
      .foreign_key =
          [&] {
            return FailedPrecondition(
                Describe(a) + ": its agency, its handler or an event's recorder does not exist",
                "申请所属单位、承办人或事件记录人不存在");
          },
  };
}

Status NoSuchApplication(int64_t id) {
  return NotFound("application " + std::to_string(id) + " does not exist",
                  "申请（编号" + std::to_string(id) + "）不存在");
}

std::string IsoDate(int year, int month, int day) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

}  // namespace

Result<int64_t> SociTransaction::InsertApplication(const Application& app) {
  GK_RETURN_IF_ERROR(CheckUsable("insert application", true));
  if (app.serial_year < 2008 || app.serial_year > 2200) {
    return InvalidArgument(Describe(app) + ": serial_year " + std::to_string(app.serial_year) +
                               " is not a year the file number can carry",
                           "申请编号年份无效");
  }
  return Write(
      "insert " + Describe(app),
      [&]() -> Result<int64_t> {
        // Numbering takes turns per agency (a row lock on PostgreSQL, the write lock on SQLite).
        int64_t agency = 0;
        sql() << "SELECT id FROM agencies WHERE id = :id" +
                     std::string(dialect_.AgencySerialLock()),
            soci::use(app.agency_id), soci::into(agency);
        if (!sql().got_data()) {
          return FailedPrecondition(
              Describe(app) + ": agency " + std::to_string(app.agency_id) + " does not exist",
              "申请所属单位（编号" + std::to_string(app.agency_id) + "）不存在");
        }
        return InsertApplicationRow(app, /*keep_id=*/false);
      },
      ApplicationConstraints(app), /*savepoint=*/true);
}

int64_t SociTransaction::InsertApplicationRow(const Application& a, bool keep_id) {
  int serial_no = a.serial_no;
  int64_t version = a.version;
  if (!keep_id) {
    sql() << "SELECT COALESCE(MAX(serial_no), 0) + 1 FROM applications"
             " WHERE agency_id = :agency_id AND serial_year = :serial_year",
        soci::use(a.agency_id), soci::use(a.serial_year), soci::into(serial_no);
    version = 1;
  }
  const application::Applicant& p = a.applicant;
  const application::RequestedInfo& r = a.request;
  std::string channel(Code(a.channel)), applicant_type(Code(p.type)), id_type(Code(p.id_type)),
      form(Code(r.form)), way(Code(r.way)), state(Code(a.state));
  NullableText submitted_on = OfDate(a.submitted_on), receipt_date = OfDate(a.receipt_date),
               outcome = OfOutcome(a.outcome), closed_on = OfDate(a.closed_on);
  NullableId handler = OfId(a.handler_id);
  int64_t id = 0;
  soci::details::prepare_temp_type query =
      (sql().prepare << std::string("INSERT INTO applications (") + (keep_id ? "id, " : "") +
                            kApplicationColumns + ") VALUES (" + (keep_id ? ":id, " : "") +
                            Placeholders(kApplicationColumns) + ") RETURNING id");
  if (keep_id) query, soci::use(a.id);
  query, soci::use(a.agency_id), soci::use(a.query_code), soci::use(a.serial_year),
      soci::use(serial_no), soci::use(channel), soci::use(submitted_on.text, submitted_on.ind),
      soci::use(receipt_date.text, receipt_date.ind), soci::use(applicant_type), soci::use(p.name),
      soci::use(id_type), soci::use(p.id_number), soci::use(p.credit_code),
      soci::use(p.legal_representative), soci::use(p.contact_name), soci::use(p.phone),
      soci::use(p.email), soci::use(p.address), soci::use(p.postcode), soci::use(r.title),
      soci::use(r.document_number), soci::use(r.description), soci::use(r.purpose), soci::use(form),
      soci::use(way), soci::use(a.request_key), soci::use(a.applicant_key), soci::use(a.client_key),
      soci::use(handler.id, handler.ind), soci::use(a.handler_name), soci::use(state),
      soci::use(outcome.text, outcome.ind), soci::use(closed_on.text, closed_on.ind),
      soci::use(a.created_at), soci::use(version), soci::into(id);
  soci::statement insert = query;
  insert.execute(true);
  InsertApplicationEvents(id, a.events, 0);
  return id;
}

void SociTransaction::InsertApplicationEvents(int64_t application_id,
                                              const std::vector<CaseEvent>& events, int after_seq) {
  for (const CaseEvent& e : events) {
    if (e.seq <= after_seq) continue;
    std::string kind(Code(e.kind)), date = e.date.ToString(), consultation(Code(e.consultation)),
                                    fee_method(Code(e.fee_method));
    NullableText until = OfDate(e.until), outcome = OfOutcome(e.outcome);
    NullableId by = OfId(e.by_user_id);
    sql() << std::string("INSERT INTO application_events (") + kEventColumns + ") VALUES (" +
                 Placeholders(kEventColumns) + ")",
        soci::use(application_id), soci::use(e.seq), soci::use(kind), soci::use(date),
        soci::use(e.recorded_at), soci::use(e.by), soci::use(by.id, by.ind), soci::use(e.days),
        soci::use(e.ref), soci::use(until.text, until.ind), soci::use(e.party),
        soci::use(consultation), soci::use(fee_method), soci::use(e.quantity),
        soci::use(e.amount_fen), soci::use(outcome.text, outcome.ind), soci::use(e.text);
  }
}

Status SociTransaction::UpdateApplication(const Application& a) {
  GK_RETURN_IF_ERROR(CheckUsable("update application", true));
  return Write(
      "update " + Describe(a),
      [&]() -> Status {
        const application::Applicant& p = a.applicant;
        const application::RequestedInfo& r = a.request;
        std::string applicant_type(Code(p.type)), id_type(Code(p.id_type)), form(Code(r.form)),
            way(Code(r.way)), state(Code(a.state));
        NullableText receipt_date = OfDate(a.receipt_date), outcome = OfOutcome(a.outcome),
                     closed_on = OfDate(a.closed_on);
        NullableId handler = OfId(a.handler_id);
        soci::statement update =
            (sql().prepare << "UPDATE applications SET receipt_date = :receipt_date,"
                              " applicant_type = :applicant_type, applicant_name = :applicant_name,"
                              " applicant_id_type = :applicant_id_type,"
                              " applicant_id_number = :applicant_id_number,"
                              " applicant_credit_code = :applicant_credit_code,"
                              " applicant_legal_representative = :applicant_legal_representative,"
                              " applicant_contact_name = :applicant_contact_name,"
                              " applicant_phone = :applicant_phone,"
                              " applicant_email = :applicant_email,"
                              " applicant_address = :applicant_address,"
                              " applicant_postcode = :applicant_postcode,"
                              " request_title = :request_title,"
                              " request_document_number = :request_document_number,"
                              " request_description = :request_description,"
                              " request_purpose = :request_purpose, request_form = :request_form,"
                              " request_way = :request_way, request_key = :request_key,"
                              " applicant_key = :applicant_key, handler_id = :handler_id,"
                              " handler_name = :handler_name, state = :state,"
                              " outcome = :outcome, closed_on = :closed_on,"
                              " version = version + 1 WHERE id = :id AND version = :version",
             soci::use(receipt_date.text, receipt_date.ind), soci::use(applicant_type),
             soci::use(p.name), soci::use(id_type), soci::use(p.id_number),
             soci::use(p.credit_code), soci::use(p.legal_representative), soci::use(p.contact_name),
             soci::use(p.phone), soci::use(p.email), soci::use(p.address), soci::use(p.postcode),
             soci::use(r.title), soci::use(r.document_number), soci::use(r.description),
             soci::use(r.purpose), soci::use(form), soci::use(way), soci::use(a.request_key),
             soci::use(a.applicant_key), soci::use(handler.id, handler.ind),
             soci::use(a.handler_name), soci::use(state), soci::use(outcome.text, outcome.ind),
             soci::use(closed_on.text, closed_on.ind), soci::use(a.id), soci::use(a.version));
        update.execute(true);
        if (update.get_affected_rows() == 0) {
          int64_t current = 0;
          sql() << "SELECT version FROM applications WHERE id = :id", soci::use(a.id),
              soci::into(current);
          if (!sql().got_data()) return NoSuchApplication(a.id);
          return Aborted("application " + std::to_string(a.id) +
                             " was changed by someone else (version " + std::to_string(current) +
                             ", you had " + std::to_string(a.version) + "); reload and retry",
                         "该申请已被他人修改，请刷新后重试");
        }
        // Only events after the stored history are written; the stored ones never change.
        int last = 0;
        sql() << "SELECT COALESCE(MAX(seq), 0) FROM application_events"
                 " WHERE application_id = :id",
            soci::use(a.id), soci::into(last);
        InsertApplicationEvents(a.id, a.events, last);
        return OkStatus();
      },
      ApplicationConstraints(a), /*savepoint=*/true);
}

Result<Application> SociTransaction::GetApplication(int64_t id) {
  GK_RETURN_IF_ERROR(CheckUsable("get application", false));
  Binds binds;
  std::string where = " WHERE id = " + binds.Add(id);
  GK_ASSIGN_OR_RETURN(std::vector<Application> found,
                      SelectApplications(where, "", binds, /*with_events=*/true));
  if (found.empty()) return NoSuchApplication(id);
  return std::move(found.front());
}

Result<Application> SociTransaction::FindApplicationByQueryCode(std::string_view code) {
  GK_RETURN_IF_ERROR(CheckUsable("find application by query code", false));
  Binds binds;
  std::string where = " WHERE query_code = " + binds.Add(std::string(code));
  GK_ASSIGN_OR_RETURN(std::vector<Application> found,
                      SelectApplications(where, "", binds, /*with_events=*/true));
  if (found.empty()) {
    return NotFound("no application has that query code", "查询码不存在，请核对后重试");
  }
  return std::move(found.front());
}

Result<std::vector<Application>> SociTransaction::ListApplications(
    const ApplicationFilter& filter) {
  GK_RETURN_IF_ERROR(CheckUsable("list applications", false));
  Binds binds;
  std::optional<std::string> where = FilterWhere(filter, binds);
  if (!where || filter.limit <= 0) return std::vector<Application>{};
  // One Add per statement: the operands of + are evaluated in no fixed order.
  std::string tail =
      " ORDER BY receipt_date NULLS FIRST, id LIMIT " + binds.Add(int64_t{filter.limit});
  tail += " OFFSET " + binds.Add(int64_t{std::max(filter.offset, 0)});
  return SelectApplications(*where, tail, binds, filter.with_events);
}

Result<int64_t> SociTransaction::CountApplications(const ApplicationFilter& filter) {
  GK_RETURN_IF_ERROR(CheckUsable("count applications", false));
  Binds binds;
  std::optional<std::string> where = FilterWhere(filter, binds);
  if (!where) return int64_t{0};
  return Read("count applications", [&]() -> Result<int64_t> {
    int64_t count = 0;
    soci::details::prepare_temp_type query =
        (sql().prepare << "SELECT COUNT(*) FROM applications" + *where, soci::into(count));
    binds.Apply(query);
    soci::statement select = query;
    select.execute(true);
    return count;
  });
}

Result<int64_t> SociTransaction::CountRecentSubmissions(std::string_view client_key,
                                                        std::string_view since) {
  GK_RETURN_IF_ERROR(CheckUsable("count recent submissions", false));
  if (client_key.empty()) return int64_t{0};  // not an online submission: nobody to count
  return Read("count recent submissions", [&]() -> Result<int64_t> {
    std::string key(client_key), from(since);
    int64_t count = 0;
    sql() << "SELECT COUNT(*) FROM applications WHERE client_key = :client_key"
             " AND created_at >= :since",
        soci::use(key), soci::use(from), soci::into(count);
    return count;
  });
}

Result<std::vector<CaseSummary>> SociTransaction::SummariseApplications(int64_t agency_id,
                                                                        int year) {
  GK_RETURN_IF_ERROR(CheckUsable("summarise applications", false));
  std::string operation = "summarise the applications of agency " + std::to_string(agency_id) +
                          " for " + std::to_string(year);
  return Read(operation, [&]() -> Result<std::vector<CaseSummary>> {
    std::string first = IsoDate(year, 1, 1), last = IsoDate(year, 12, 31);
    // ISO dates compare as text; receipt_date <= last also leaves out cases without one. One row
    // per applicant type and outcome (NULL: open) with the four combinations of receipt side and
    // closing side counted by conditional sums: grouped in the order of applications_tally, so
    // neither database sorts the rows (a million cases in a fraction of a second).
    std::string type;
    NullableText outcome;
    int64_t in_closed = 0, in_open = 0, before_closed = 0, before_open = 0;
    soci::statement select =
        (sql().prepare
             << "SELECT applicant_type, outcome,"
                " SUM(CASE WHEN receipt_date >= :f1 AND closed_on <= :l1 THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN receipt_date >= :f2 AND (closed_on IS NULL OR closed_on > :l2)"
                " THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN receipt_date < :f3 AND closed_on <= :l3 THEN 1 ELSE 0 END),"
                " SUM(CASE WHEN receipt_date < :f4 AND (closed_on IS NULL OR closed_on > :l4)"
                " THEN 1 ELSE 0 END)"
                " FROM applications WHERE agency_id = :agency_id"
                " AND receipt_date <= :last AND (closed_on IS NULL OR closed_on >= :first)"
                " GROUP BY applicant_type, outcome ORDER BY applicant_type, outcome",
         soci::into(type), soci::into(outcome.text, outcome.ind), soci::into(in_closed),
         soci::into(in_open), soci::into(before_closed), soci::into(before_open), soci::use(first),
         soci::use(last), soci::use(first), soci::use(last), soci::use(first), soci::use(last),
         soci::use(first), soci::use(last), soci::use(agency_id), soci::use(last),
         soci::use(first));
    select.execute();
    const Date jan1 = Date::FromYmd(year, 1, 1).value();
    const Date dec31 = Date::FromYmd(year, 12, 31).value();
    std::vector<CaseSummary> out;
    while (select.fetch()) {
      CaseSummary s;
      bool ok = ParseInto(application::ParseApplicantType(type), &s.type) &&
                TakeOutcome(outcome, &s.outcome);
      if (!ok) {
        return Internal("applications of agency " + std::to_string(agency_id) +
                        " hold a code this gongkai cannot read");
      }
      // Representative dates on the right side of each bound (see store.h).
      const std::optional<application::Outcome> result = s.outcome;
      auto add = [&](int64_t count, bool received_before, bool closed_in_year) {
        if (count == 0) return;
        s.count = count;
        s.receipt_date = received_before ? jan1.AddDays(-1) : jan1;
        s.outcome = result;
        if (closed_in_year) {
          s.closed_on = dec31;
        } else if (result) {
          s.closed_on = dec31.AddDays(1);
        } else {
          s.closed_on.reset();
        }
        out.push_back(s);
      };
      add(in_closed, false, true);
      add(in_open, false, false);
      add(before_closed, true, true);
      add(before_open, true, false);
    }
    return out;
  });
}

Result<std::vector<Application>> SociTransaction::SelectApplications(const std::string& where,
                                                                     const std::string& tail,
                                                                     Binds& binds,
                                                                     bool with_events) {
  return Read("read applications", [&]() -> Result<std::vector<Application>> {
    std::vector<Application> out;
    ApplicationRow row;
    soci::details::prepare_temp_type query =
        (sql().prepare << std::string("SELECT id, ") + kApplicationColumns + " FROM applications" +
                              where + tail);
    row.Into(query);
    binds.Apply(query);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      GK_ASSIGN_OR_RETURN(Application a, row.Take());
      out.push_back(std::move(a));
    }
    if (with_events && !out.empty()) {
      GK_RETURN_IF_ERROR(LoadEvents(sql(), out, /*all=*/where.empty()));
    }
    return out;
  });
}

}  // namespace gongkai::storage
