// The proactive-disclosure register: items (publications) with their denormalised portal and list
// columns, every version of their content, the append-only history, attachments, channel records
// and the full-text index of live items (kept in step in the same transaction).
#include <algorithm>
#include <unordered_map>

#include "core/publication/plain_text.h"
#include "core/search/search.h"
#include "storage/soci/columns.h"
#include "storage/soci/hex.h"
#include "storage/soci/soci_transaction.h"

namespace gongkai::storage {
namespace {

using publication::Attachment;
using publication::ChannelRecord;
using publication::Content;
using publication::Event;
using publication::Publication;
using publication::Stage;
using publication::Version;

constexpr char kItemColumns[] =
    "agency_id, index_number, serial_year, serial_no, stage, working_version, live_version,"
    " first_released_on, withdrawn_on, on_portal, portal_title, portal_item_code, portal_subject,"
    " portal_year, title, item_code, written_date, review_by, created_at, version";
constexpr char kVersionColumns[] =
    "publication_id, number, title, subject, item_code, attribute, written_date, changed_date,"
    " document_number, issuer, body_html, review_by, released_on, created_at, created_by";
constexpr char kEventColumns[] =
    "publication_id, seq, kind, version, event_date, recorded_at, recorded_by, by_user_id,"
    " reviewer, conclusion, channel, body";

// The denormalised columns of an item row, derived from the item.
struct ItemColumns {
  std::string stage;
  NullableText first_released_on, withdrawn_on, written_date, review_by;
  NullableId serial_year, serial_no;
  int on_portal = 0;
  std::string portal_title, portal_item_code, portal_subject, title, item_code;
  int portal_year = 0;

  explicit ItemColumns(const Publication& p) {
    stage = Code(p.stage);
    first_released_on = OfDate(p.first_released_on);
    withdrawn_on = OfDate(p.withdrawn_on);
    if (p.serial_no > 0) {
      serial_year = {p.serial_year, soci::i_ok};
      serial_no = {p.serial_no, soci::i_ok};
    }
    if (const Version* w = p.Working()) {
      title = w->content.title;
      item_code = w->content.item_code;
      written_date = OfDate(w->content.written_date);
    }
    const Version* live = p.OnPortal() ? p.Live() : nullptr;
    if (live != nullptr) {
      on_portal = 1;
      portal_title = live->content.title;
      portal_item_code = live->content.item_code;
      portal_subject = live->content.subject;
      portal_year = p.first_released_on ? p.first_released_on->year() : 0;
      review_by = OfDate(live->content.review_by);
    }
  }
};

struct ItemRow {
  Publication item;
  std::string stage;
  NullableText first_released_on, withdrawn_on, written_date, review_by;
  NullableId serial_year, serial_no;
  int on_portal = 0, portal_year = 0;
  std::string portal_title, portal_item_code, portal_subject, title, item_code;

  void Into(soci::details::prepare_temp_type& q) {
    Publication& p = item;
    q, soci::into(p.id), soci::into(p.agency_id), soci::into(p.index_number),
        soci::into(serial_year.id, serial_year.ind), soci::into(serial_no.id, serial_no.ind),
        soci::into(stage), soci::into(p.working_version), soci::into(p.live_version),
        soci::into(first_released_on.text, first_released_on.ind),
        soci::into(withdrawn_on.text, withdrawn_on.ind), soci::into(on_portal),
        soci::into(portal_title), soci::into(portal_item_code), soci::into(portal_subject),
        soci::into(portal_year), soci::into(title), soci::into(item_code),
        soci::into(written_date.text, written_date.ind), soci::into(review_by.text, review_by.ind),
        soci::into(p.created_at), soci::into(p.version);
  }

  Result<Publication> Take() const {
    Publication p = item;
    p.serial_year = static_cast<int>(serial_year.value());
    p.serial_no = static_cast<int>(serial_no.value());
    bool ok = ParseInto(publication::ParseStage(stage), &p.stage) &&
              TakeDate(first_released_on, &p.first_released_on) &&
              TakeDate(withdrawn_on, &p.withdrawn_on);
    if (!ok) {
      return Internal("publications row " + std::to_string(p.id) +
                      " holds a code or date this gongkai cannot read");
    }
    return p;
  }
};

struct VersionRow {
  int64_t publication_id = 0;
  Version v;
  std::string attribute;
  NullableText written_date, changed_date, review_by, released_on;

  // `body`: read body_html, else an empty string in its place.
  void Into(soci::details::prepare_temp_type& q) {
    Content& c = v.content;
    q, soci::into(publication_id), soci::into(v.number), soci::into(c.title), soci::into(c.subject),
        soci::into(c.item_code), soci::into(attribute),
        soci::into(written_date.text, written_date.ind),
        soci::into(changed_date.text, changed_date.ind), soci::into(c.document_number),
        soci::into(c.issuer), soci::into(c.body_html), soci::into(review_by.text, review_by.ind),
        soci::into(released_on.text, released_on.ind), soci::into(v.created_at),
        soci::into(v.created_by);
  }

  Result<Version> Take() const {
    Version out = v;
    bool ok = ParseInto(publication::ParseAttribute(attribute), &out.content.attribute) &&
              TakeDate(written_date, &out.content.written_date) &&
              TakeDate(changed_date, &out.content.changed_date) &&
              TakeDate(review_by, &out.content.review_by) &&
              TakeDate(released_on, &out.released_on);
    if (!ok) {
      return Internal("publication_versions row (" + std::to_string(publication_id) + ", " +
                      std::to_string(v.number) + ") holds a code or date this gongkai cannot read");
    }
    return out;
  }
};

struct EventRow {
  int64_t publication_id = 0;
  Event e;
  std::string kind, date, conclusion;
  NullableText channel;
  NullableId by;

  void Into(soci::details::prepare_temp_type& q) {
    q, soci::into(publication_id), soci::into(e.seq), soci::into(kind), soci::into(e.version),
        soci::into(date), soci::into(e.recorded_at), soci::into(e.by), soci::into(by.id, by.ind),
        soci::into(e.reviewer), soci::into(conclusion), soci::into(channel.text, channel.ind),
        soci::into(e.text);
  }

  Result<Event> Take() const {
    Event out = e;
    out.by_user_id = by.value();
    bool ok = ParseInto(publication::ParseEventKind(kind), &out.kind) &&
              TakeDate(date, &out.date) &&
              ParseInto(publication::ParseReviewConclusion(conclusion), &out.conclusion);
    if (ok && channel.ind == soci::i_ok) {
      out.channel = publication::ParseChannel(channel.text);
      ok = out.channel.has_value();
    }
    if (!ok) {
      return Internal("publication_events row (" + std::to_string(publication_id) + ", " +
                      std::to_string(e.seq) + ") holds a code or date this gongkai cannot read");
    }
    return out;
  }
};

std::string Describe(const Publication& p) {
  return p.id > 0 ? "publication " + std::to_string(p.id)
                  : "publication '" + p.index_number + "' of agency " + std::to_string(p.agency_id);
}

Status NoSuchPublication(int64_t id) {
  return NotFound("publication " + std::to_string(id) + " does not exist",
                  "主动公开信息（编号" + std::to_string(id) + "）不存在");
}

ConstraintMessages PublicationConstraints(const Publication& p) {
  return {
      .unique =
          [&](const UniqueViolation& violation) {
            bool index = violation.names_constraint
                             ? violation.detail == "publications_index_number_key"
                             : violation.detail.find("index_number") != std::string_view::npos;
            if (!index) {
              return AlreadyExists(Describe(p) + ": its serial number is already taken (" +
                                       std::string(violation.detail) + ")",
                                   "索引号流水号已被占用，请重试");
            }
            return AlreadyExists(
                Describe(p) + ": index number '" + p.index_number + "' is already used",
                "索引号“" + p.index_number + "”已被其他信息使用");
          },
      .foreign_key =
          [&] {
            return FailedPrecondition(
                Describe(p) + ": its agency or the user of an event does not exist",
                "信息所属单位或操作人不存在");
          },
  };
}

// The tokens of the live version, for the search index: title, and title + body text.
void SearchTokens(const Version& live, std::vector<std::string>* title,
                  std::vector<std::string>* all) {
  *title = search::IndexTokens(live.content.title);
  *all = *title;
  std::vector<std::string> body = search::IndexTokens(
      publication::PlainTextOfHtml(live.content.body_html) + " " + live.content.document_number);
  all->insert(all->end(), body.begin(), body.end());
}

}  // namespace

int64_t SociTransaction::InsertPublicationRow(const Publication& p, bool keep_id) {
  ItemColumns c(p);
  int64_t version = keep_id ? p.version : 1;
  int64_t id = 0;
  soci::details::prepare_temp_type query =
      (sql().prepare << std::string("INSERT INTO publications (") + (keep_id ? "id, " : "") +
                            kItemColumns + ") VALUES (" + (keep_id ? ":id, " : "") +
                            Placeholders(kItemColumns) + ") RETURNING id");
  if (keep_id) query, soci::use(p.id);
  query, soci::use(p.agency_id), soci::use(p.index_number),
      soci::use(c.serial_year.id, c.serial_year.ind), soci::use(c.serial_no.id, c.serial_no.ind),
      soci::use(c.stage), soci::use(p.working_version), soci::use(p.live_version),
      soci::use(c.first_released_on.text, c.first_released_on.ind),
      soci::use(c.withdrawn_on.text, c.withdrawn_on.ind), soci::use(c.on_portal),
      soci::use(c.portal_title), soci::use(c.portal_item_code), soci::use(c.portal_subject),
      soci::use(c.portal_year), soci::use(c.title), soci::use(c.item_code),
      soci::use(c.written_date.text, c.written_date.ind),
      soci::use(c.review_by.text, c.review_by.ind), soci::use(p.created_at), soci::use(version),
      soci::into(id);
  soci::statement insert = query;
  insert.execute(true);
  WritePublicationChildren(p, id);
  return id;
}

void SociTransaction::WritePublicationChildren(const Publication& p, int64_t id) {
  // Versions: replaced wholesale (few, small but for the body).
  sql() << "DELETE FROM publication_versions WHERE publication_id = :id", soci::use(id);
  for (const Version& v : p.versions) {
    const Content& k = v.content;
    std::string attribute(Code(k.attribute));
    NullableText written = OfDate(k.written_date), changed = OfDate(k.changed_date),
                 review_by = OfDate(k.review_by), released = OfDate(v.released_on);
    sql() << std::string("INSERT INTO publication_versions (") + kVersionColumns + ") VALUES (" +
                 Placeholders(kVersionColumns) + ")",
        soci::use(id), soci::use(v.number), soci::use(k.title), soci::use(k.subject),
        soci::use(k.item_code), soci::use(attribute), soci::use(written.text, written.ind),
        soci::use(changed.text, changed.ind), soci::use(k.document_number), soci::use(k.issuer),
        soci::use(k.body_html), soci::use(review_by.text, review_by.ind),
        soci::use(released.text, released.ind), soci::use(v.created_at), soci::use(v.created_by);
  }
  int last = 0;
  sql() << "SELECT COALESCE(MAX(seq), 0) FROM publication_events WHERE publication_id = :id",
      soci::use(id), soci::into(last);
  for (const Event& e : p.events) {
    if (e.seq <= last) continue;
    std::string kind(Code(e.kind)), date = e.date.ToString(), conclusion(Code(e.conclusion));
    NullableText channel;
    if (e.channel) channel = {std::string(Code(*e.channel)), soci::i_ok};
    NullableId by = OfId(e.by_user_id);
    sql() << std::string("INSERT INTO publication_events (") + kEventColumns + ") VALUES (" +
                 Placeholders(kEventColumns) + ")",
        soci::use(id), soci::use(e.seq), soci::use(kind), soci::use(e.version), soci::use(date),
        soci::use(e.recorded_at), soci::use(e.by), soci::use(by.id, by.ind), soci::use(e.reviewer),
        soci::use(conclusion), soci::use(channel.text, channel.ind), soci::use(e.text);
  }
  // The search index holds exactly the live items.
  dialect_.DeleteSearchRow(sql(), id);
  if (const Version* live = p.OnPortal() ? p.Live() : nullptr) {
    std::vector<std::string> title, all;
    SearchTokens(*live, &title, &all);
    dialect_.PutSearchRow(sql(), id, title, all);
  }
}

Result<int> SociTransaction::NextPublicationSerial(int64_t agency_id, int year) {
  GK_RETURN_IF_ERROR(CheckUsable("next publication serial", true));
  return Write("number a publication of agency " + std::to_string(agency_id), [&]() -> Result<int> {
    int64_t agency = 0;
    sql() << "SELECT id FROM agencies WHERE id = :id" + std::string(dialect_.AgencySerialLock()),
        soci::use(agency_id), soci::into(agency);
    if (!sql().got_data()) {
      return FailedPrecondition("agency " + std::to_string(agency_id) + " does not exist",
                                "单位（编号" + std::to_string(agency_id) + "）不存在");
    }
    int next = 0;
    sql() << "SELECT COALESCE(MAX(serial_no), 0) + 1 FROM publications"
             " WHERE agency_id = :agency_id AND serial_year = :year",
        soci::use(agency_id), soci::use(year), soci::into(next);
    return next;
  });
}

Result<int64_t> SociTransaction::InsertPublication(const Publication& p) {
  GK_RETURN_IF_ERROR(CheckUsable("insert publication", true));
  return Write(
      "insert " + Describe(p),
      [&]() -> Result<int64_t> { return InsertPublicationRow(p, /*keep_id=*/false); },
      PublicationConstraints(p), /*savepoint=*/true);
}

Status SociTransaction::UpdatePublication(const Publication& p) {
  GK_RETURN_IF_ERROR(CheckUsable("update publication", true));
  return Write(
      "update " + Describe(p),
      [&]() -> Status {
        ItemColumns c(p);
        soci::statement update =
            (sql().prepare << "UPDATE publications SET stage = :stage,"
                              " working_version = :working_version, live_version = :live_version,"
                              " first_released_on = :first_released_on,"
                              " withdrawn_on = :withdrawn_on, on_portal = :on_portal,"
                              " portal_title = :portal_title, portal_item_code = :portal_item_code,"
                              " portal_subject = :portal_subject, portal_year = :portal_year,"
                              " title = :title, item_code = :item_code,"
                              " written_date = :written_date, review_by = :review_by,"
                              " version = version + 1 WHERE id = :id AND version = :version",
             soci::use(c.stage), soci::use(p.working_version), soci::use(p.live_version),
             soci::use(c.first_released_on.text, c.first_released_on.ind),
             soci::use(c.withdrawn_on.text, c.withdrawn_on.ind), soci::use(c.on_portal),
             soci::use(c.portal_title), soci::use(c.portal_item_code), soci::use(c.portal_subject),
             soci::use(c.portal_year), soci::use(c.title), soci::use(c.item_code),
             soci::use(c.written_date.text, c.written_date.ind),
             soci::use(c.review_by.text, c.review_by.ind), soci::use(p.id), soci::use(p.version));
        update.execute(true);
        if (update.get_affected_rows() == 0) {
          int64_t current = 0;
          sql() << "SELECT version FROM publications WHERE id = :id", soci::use(p.id),
              soci::into(current);
          if (!sql().got_data()) return NoSuchPublication(p.id);
          return Aborted(Describe(p) + " was changed by someone else (version " +
                             std::to_string(current) + ", you had " + std::to_string(p.version) +
                             "); reload and retry",
                         "该信息已被他人修改，请刷新后重试");
        }
        WritePublicationChildren(p, p.id);
        return OkStatus();
      },
      PublicationConstraints(p), /*savepoint=*/true);
}

Result<std::vector<Publication>> SociTransaction::SelectPublications(const std::string& where,
                                                                     const std::string& tail,
                                                                     Binds& binds, bool full) {
  return Read("read publications", [&]() -> Result<std::vector<Publication>> {
    std::vector<Publication> out;
    {
      ItemRow row;
      soci::details::prepare_temp_type query =
          (sql().prepare << std::string("SELECT id, ") + kItemColumns + " FROM publications" +
                                where + tail);
      row.Into(query);
      binds.Apply(query);
      soci::statement select = query;
      select.execute();
      while (select.fetch()) {
        GK_ASSIGN_OR_RETURN(Publication p, row.Take());
        out.push_back(std::move(p));
      }
    }
    if (out.empty()) return out;
    std::unordered_map<int64_t, Publication*> by_id;
    for (Publication& p : out) by_id[p.id] = &p;
    // Versions and events of the items read, in batches of ids: a database copy reads every item
    // at once, and an IN list has a bound (32,766 values on SQLite, 65,535 on PostgreSQL).
    constexpr size_t kBatch = 500;
    for (size_t first = 0; first < out.size(); first += kBatch) {
      Binds ids;
      std::vector<std::string> marks;
      for (size_t i = first; i < std::min(out.size(), first + kBatch); ++i) {
        marks.push_back(ids.Add(out[i].id));
      }
      const std::string in = " WHERE publication_id IN (" + Join(marks, ", ") + ")";
      // Lists need no bodies: the column is read as '' for them.
      std::string columns = kVersionColumns;
      if (!full) columns.replace(columns.find("body_html"), 9, "'' AS body_html");
      VersionRow row;
      soci::details::prepare_temp_type query =
          (sql().prepare << "SELECT " + columns + " FROM publication_versions" + in +
                                " ORDER BY publication_id, number");
      row.Into(query);
      ids.Apply(query);
      soci::statement select = query;
      select.execute();
      while (select.fetch()) {
        GK_ASSIGN_OR_RETURN(Version v, row.Take());
        auto it = by_id.find(row.publication_id);
        if (it != by_id.end()) it->second->versions.push_back(std::move(v));
      }
      if (!full) continue;
      EventRow event;
      soci::details::prepare_temp_type events =
          (sql().prepare << std::string("SELECT ") + kEventColumns + " FROM publication_events" +
                                in + " ORDER BY publication_id, seq");
      event.Into(events);
      ids.Apply(events);
      soci::statement select_events = events;
      select_events.execute();
      while (select_events.fetch()) {
        GK_ASSIGN_OR_RETURN(Event e, event.Take());
        auto it = by_id.find(event.publication_id);
        if (it != by_id.end()) it->second->events.push_back(std::move(e));
      }
    }
    return out;
  });
}

Result<Publication> SociTransaction::GetPublication(int64_t id) {
  GK_RETURN_IF_ERROR(CheckUsable("get publication", false));
  Binds binds;
  std::string where = " WHERE id = " + binds.Add(id);
  GK_ASSIGN_OR_RETURN(std::vector<Publication> found,
                      SelectPublications(where, "", binds, /*full=*/true));
  if (found.empty()) return NoSuchPublication(id);
  return std::move(found.front());
}

Result<Publication> SociTransaction::FindPublicationByIndexNumber(std::string_view number) {
  GK_RETURN_IF_ERROR(CheckUsable("find publication", false));
  Binds binds;
  std::string where = " WHERE index_number = " + binds.Add(std::string(number));
  GK_ASSIGN_OR_RETURN(std::vector<Publication> found,
                      SelectPublications(where, "", binds, /*full=*/true));
  if (found.empty()) {
    return NotFound("no publication has index number '" + std::string(number) + "'",
                    "索引号“" + std::string(number) + "”不存在");
  }
  return std::move(found.front());
}

namespace {

std::optional<std::string> PublicationWhere(const PublicationFilter& f, Binds& binds) {
  if (f.agency_ids.empty()) return std::nullopt;
  std::vector<std::string> terms, values;
  for (int64_t id : f.agency_ids) values.push_back(binds.Add(id));
  terms.push_back("agency_id IN (" + Join(values, ", ") + ")");
  if (f.on_portal) {
    terms.push_back("on_portal = 1");
    if (!f.item_code.empty()) terms.push_back("portal_item_code = " + binds.Add(f.item_code));
    if (!f.subject.empty()) terms.push_back("portal_subject = " + binds.Add(f.subject));
    if (f.year > 0) terms.push_back("portal_year = " + binds.Add(int64_t{f.year}));
  } else if (!f.item_code.empty()) {
    terms.push_back("item_code = " + binds.Add(f.item_code));
  }
  if (!f.stages.empty()) {
    values.clear();
    for (Stage s : f.stages) values.push_back(binds.Add(std::string(Code(s))));
    terms.push_back("stage IN (" + Join(values, ", ") + ")");
  }
  if (f.review_by_before) {
    terms.push_back("on_portal = 1 AND review_by < " + binds.Add(f.review_by_before->ToString()));
  }
  return " WHERE " + Join(terms, " AND ");
}

}  // namespace

Result<std::vector<Publication>> SociTransaction::ListPublications(const PublicationFilter& f) {
  GK_RETURN_IF_ERROR(CheckUsable("list publications", false));
  Binds binds;
  std::optional<std::string> where = PublicationWhere(f, binds);
  if (!where || f.limit <= 0) return std::vector<Publication>{};
  std::string tail =
      f.on_portal ? " ORDER BY first_released_on DESC, id DESC LIMIT " : " ORDER BY id DESC LIMIT ";
  tail += binds.Add(int64_t{f.limit});
  tail += " OFFSET " + binds.Add(int64_t{std::max(f.offset, 0)});
  return SelectPublications(*where, tail, binds, /*full=*/false);
}

Result<int64_t> SociTransaction::CountPublications(const PublicationFilter& f) {
  GK_RETURN_IF_ERROR(CheckUsable("count publications", false));
  Binds binds;
  std::optional<std::string> where = PublicationWhere(f, binds);
  if (!where) return int64_t{0};
  return Read("count publications", [&]() -> Result<int64_t> {
    int64_t n = 0;
    soci::details::prepare_temp_type query =
        (sql().prepare << "SELECT COUNT(*) FROM publications" + *where, soci::into(n));
    binds.Apply(query);
    soci::statement select = query;
    select.execute(true);
    return n;
  });
}

Result<std::vector<std::pair<std::string, int64_t>>> SociTransaction::CountPortalItems(
    int64_t agency_id) {
  GK_RETURN_IF_ERROR(CheckUsable("count portal items", false));
  return Read("count portal items", [&]() -> Result<std::vector<std::pair<std::string, int64_t>>> {
    std::vector<std::pair<std::string, int64_t>> out;
    std::string code;
    int64_t n = 0;
    soci::statement select =
        (sql().prepare << "SELECT portal_item_code, COUNT(*) FROM publications"
                          " WHERE agency_id = :agency AND on_portal = 1"
                          " GROUP BY portal_item_code ORDER BY portal_item_code",
         soci::use(agency_id), soci::into(code), soci::into(n));
    select.execute();
    while (select.fetch()) out.emplace_back(code, n);
    return out;
  });
}

Result<PublicationHits> SociTransaction::SearchPublications(const PublicationQuery& q) {
  GK_RETURN_IF_ERROR(CheckUsable("search publications", false));
  search::QueryPlan plan = search::PlanQuery(q.text);
  PublicationHits hits;
  if (plan.empty() || q.limit <= 0 || q.count_limit <= 0) return hits;
  return Read("search publications", [&]() -> Result<PublicationHits> {
    // Every statement is driven by the search table: the engine hands out matching ids in id
    // order and stops at the LIMIT, so no statement ever touches every match of a common word.
    const std::string id(dialect_.SearchIdColumn());
    auto matching = [&](SearchField field, Binds& binds) {
      std::string text = "SELECT " + id +
                         " FROM publication_search JOIN publications ON publications.id = " + id +
                         " WHERE " + dialect_.SearchCondition(plan, field, binds) +
                         " AND publications.on_portal = 1";
      if (!q.agency_ids.empty()) {
        std::vector<std::string> values;
        for (int64_t agency : q.agency_ids) values.push_back(binds.Add(agency));
        text += " AND publications.agency_id IN (" + Join(values, ", ") + ")";
      }
      return text;
    };
    // How many match, up to one past the count limit (which tells that there are more).
    auto count = [&](SearchField field) -> int64_t {
      Binds binds;
      std::string text = "SELECT COUNT(*) FROM (" + matching(field, binds) + " LIMIT ";
      text += binds.Add(q.count_limit + 1) + ") AS hits";
      int64_t n = 0;
      soci::details::prepare_temp_type query = (sql().prepare << text, soci::into(n));
      binds.Apply(query);
      soci::statement select = query;
      select.execute(true);
      return n;
    };
    auto page = [&](SearchField field, int64_t limit, int64_t offset) {
      Binds binds;
      std::string text = matching(field, binds) + " ORDER BY " + id + " DESC LIMIT ";
      text += binds.Add(limit);
      text += " OFFSET " + binds.Add(offset);
      int64_t found = 0;
      soci::details::prepare_temp_type query = (sql().prepare << text, soci::into(found));
      binds.Apply(query);
      soci::statement select = query;
      select.execute();
      while (select.fetch()) hits.ids.push_back(found);
    };
    const int64_t total = count(SearchField::kAnywhere);
    hits.more = total > q.count_limit;
    hits.total = std::min(total, q.count_limit);
    if (total == 0) return hits;
    hits.title_hits = std::min(count(SearchField::kTitle), q.count_limit);
    const int64_t offset = std::max(q.offset, 0);
    const int64_t limit = std::min<int64_t>(q.limit, hits.total - offset);
    if (limit <= 0) return hits;
    if (offset < hits.title_hits) page(SearchField::kTitle, limit, offset);
    const int64_t rest = limit - static_cast<int64_t>(hits.ids.size());
    if (rest > 0) {
      page(SearchField::kNotTitle, rest, std::max<int64_t>(0, offset - hits.title_hits));
    }
    return hits;
  });
}

Result<int64_t> SociTransaction::InsertAttachment(const Attachment& a, std::string_view data) {
  GK_RETURN_IF_ERROR(CheckUsable("insert attachment", true));
  return Write("insert attachment '" + a.file_name + "'",
               [&]() -> Result<int64_t> { return InsertAttachmentRow(a, data, /*keep_id=*/false); },
               {.unique = nullptr, .foreign_key = [&] {
                  return FailedPrecondition("attachment '" + a.file_name + "': publication " +
                                                std::to_string(a.publication_id) +
                                                " does not exist",
                                            "附件所属的信息不存在");
                }});
}

int64_t SociTransaction::InsertAttachmentRow(const Attachment& a, std::string_view data,
                                             bool keep_id) {
  std::string bytes = dialect_.BinaryAsHex() ? ToHex(data) : std::string(data);
  int64_t id = 0;
  soci::details::prepare_temp_type query =
      (sql().prepare << std::string("INSERT INTO publication_attachments (") +
                            (keep_id ? "id, " : "") +
                            "publication_id, version, file_name, content_type, size, sha256,"
                            " data, uploaded_at, uploaded_by) VALUES (" +
                            (keep_id ? ":id, " : "") +
                            ":publication_id, :version, :file_name, :content_type, :size,"
                            " :sha256, " +
                            dialect_.BinaryParam("data") +
                            ", :uploaded_at, :uploaded_by) RETURNING id");
  if (keep_id) query, soci::use(a.id);
  query, soci::use(a.publication_id), soci::use(a.version), soci::use(a.file_name),
      soci::use(a.content_type), soci::use(a.size), soci::use(a.sha256), soci::use(bytes),
      soci::use(a.uploaded_at), soci::use(a.uploaded_by), soci::into(id);
  soci::statement insert = query;
  insert.execute(true);
  return id;
}

Result<std::vector<Attachment>> SociTransaction::SelectAttachments(const std::string& where,
                                                                   int64_t value,
                                                                   std::string* data) {
  return Read("read attachments", [&]() -> Result<std::vector<Attachment>> {
    std::vector<Attachment> out;
    Attachment row;
    std::string bytes;
    soci::details::prepare_temp_type query =
        (sql().prepare << "SELECT id, publication_id, version, file_name, content_type, size,"
                          " sha256, uploaded_at, uploaded_by, " +
                              (data ? dialect_.BinaryColumn("data") : std::string("''")) +
                              " FROM publication_attachments" + where + " ORDER BY id",
         soci::into(row.id), soci::into(row.publication_id), soci::into(row.version),
         soci::into(row.file_name), soci::into(row.content_type), soci::into(row.size),
         soci::into(row.sha256), soci::into(row.uploaded_at), soci::into(row.uploaded_by),
         soci::into(bytes));
    if (!where.empty()) query, soci::use(value);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      out.push_back(row);
      if (data) {
        if (!dialect_.BinaryAsHex()) {
          *data = bytes;
        } else if (!FromHex(bytes, data)) {
          return Internal("publication_attachments row " + std::to_string(row.id) +
                          ": the database returned malformed hex");
        }
      }
    }
    return out;
  });
}

Result<std::vector<Attachment>> SociTransaction::ListAttachments(int64_t publication_id) {
  GK_RETURN_IF_ERROR(CheckUsable("list attachments", false));
  return SelectAttachments(" WHERE publication_id = :id", publication_id, nullptr);
}

Result<Attachment> SociTransaction::GetAttachment(int64_t id, std::string* data) {
  GK_RETURN_IF_ERROR(CheckUsable("get attachment", false));
  std::string bytes;
  GK_ASSIGN_OR_RETURN(std::vector<Attachment> found,
                      SelectAttachments(" WHERE id = :id", id, &bytes));
  if (found.empty()) {
    return NotFound("attachment " + std::to_string(id) + " does not exist", "附件不存在");
  }
  if (data) *data = std::move(bytes);
  return found.front();
}

Result<int64_t> SociTransaction::InsertChannelRecord(const ChannelRecord& r) {
  GK_RETURN_IF_ERROR(CheckUsable("insert channel record", true));
  return Write("record channel of publication " + std::to_string(r.publication_id),
               [&]() -> Result<int64_t> { return InsertChannelRow(r, /*keep_id=*/false); },
               {.unique = nullptr, .foreign_key = [&] {
                  return FailedPrecondition("channel record: publication " +
                                                std::to_string(r.publication_id) +
                                                " or the photo does not exist",
                                            "发布记录所属的信息或照片不存在");
                }});
}

int64_t SociTransaction::InsertChannelRow(const ChannelRecord& r, bool keep_id) {
  std::string channel(Code(r.channel)), date = r.date.ToString();
  NullableId photo = OfId(r.photo_attachment_id);
  int64_t id = 0;
  soci::details::prepare_temp_type query =
      (sql().prepare << std::string("INSERT INTO publication_channels (") +
                            (keep_id ? "id, " : "") +
                            "publication_id, channel, posted_on, link, place, note,"
                            " photo_attachment_id, recorded_by, recorded_at) VALUES (" +
                            (keep_id ? ":id, " : "") +
                            ":publication_id, :channel, :posted_on, :link, :place, :note,"
                            " :photo, :recorded_by, :recorded_at) RETURNING id");
  if (keep_id) query, soci::use(r.id);
  query, soci::use(r.publication_id), soci::use(channel), soci::use(date), soci::use(r.link),
      soci::use(r.place), soci::use(r.note), soci::use(photo.id, photo.ind),
      soci::use(r.recorded_by), soci::use(r.recorded_at), soci::into(id);
  soci::statement insert = query;
  insert.execute(true);
  return id;
}

Result<std::vector<ChannelRecord>> SociTransaction::SelectChannelRecords(
    std::optional<int64_t> publication_id) {
  return Read("read channel records", [&]() -> Result<std::vector<ChannelRecord>> {
    std::vector<ChannelRecord> out;
    ChannelRecord row;
    std::string channel, date;
    NullableId photo;
    int64_t one = publication_id.value_or(0);
    soci::details::prepare_temp_type query =
        (sql().prepare << std::string("SELECT id, publication_id, channel, posted_on, link, place,"
                                      " note, photo_attachment_id, recorded_by, recorded_at"
                                      " FROM publication_channels") +
                              (publication_id ? " WHERE publication_id = :id" : "") +
                              " ORDER BY id",
         soci::into(row.id), soci::into(row.publication_id), soci::into(channel), soci::into(date),
         soci::into(row.link), soci::into(row.place), soci::into(row.note),
         soci::into(photo.id, photo.ind), soci::into(row.recorded_by), soci::into(row.recorded_at));
    if (publication_id) query, soci::use(one);
    soci::statement select = query;
    select.execute();
    while (select.fetch()) {
      ChannelRecord r = row;
      r.photo_attachment_id = photo.value();
      if (!ParseInto(publication::ParseChannel(channel), &r.channel) || !TakeDate(date, &r.date)) {
        return Internal("publication_channels row " + std::to_string(r.id) +
                        " holds a code or date this gongkai cannot read");
      }
      out.push_back(std::move(r));
    }
    return out;
  });
}

Result<std::vector<ChannelRecord>> SociTransaction::ListChannelRecords(int64_t publication_id) {
  GK_RETURN_IF_ERROR(CheckUsable("list channel records", false));
  return SelectChannelRecords(publication_id);
}

Result<std::vector<ChannelCount>> SociTransaction::CountChannelRecords(int64_t agency_id,
                                                                       int year) {
  GK_RETURN_IF_ERROR(CheckUsable("count channel records", false));
  return Read("count channel records", [&]() -> Result<std::vector<ChannelCount>> {
    std::vector<ChannelCount> out;
    std::string channel, from = std::to_string(year) + "-01-01",
                         through = std::to_string(year) + "-12-31";
    int64_t n = 0;
    soci::statement select =
        (sql().prepare << "SELECT c.channel, COUNT(*) FROM publication_channels c"
                          " JOIN publications p ON p.id = c.publication_id"
                          " WHERE p.agency_id = :agency AND c.posted_on >= :from"
                          " AND c.posted_on <= :through GROUP BY c.channel",
         soci::use(agency_id), soci::use(from), soci::use(through), soci::into(channel),
         soci::into(n));
    select.execute();
    while (select.fetch()) {
      ChannelCount c;
      if (!ParseInto(publication::ParseChannel(channel), &c.channel)) {
        return Internal("publication_channels holds an unknown channel '" + channel + "'");
      }
      c.records = n;
      out.push_back(c);
    }
    std::sort(out.begin(), out.end(), [](const ChannelCount& a, const ChannelCount& b) {
      return static_cast<int>(a.channel) < static_cast<int>(b.channel);
    });
    return out;
  });
}

}  // namespace gongkai::storage
