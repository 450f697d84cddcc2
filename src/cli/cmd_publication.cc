// publication list | show | search | channels: the proactive-disclosure register for
// administrators and batch work (docs/publications.md). Reads only; items are drafted, reviewed
// and approved in the back office.
#include <iostream>

#include "cli/common.h"
#include "core/publication/catalogue.h"
#include "core/publication/plain_text.h"

namespace gongkai::cli {

namespace {

std::string TimelinessText(const publication::TimelinessInfo& t) {
  std::string s(publication::Label(t.status));
  if (t.due) {
    s += "（期限" + t.due->ToString() + (t.provisional ? "，暂定" : "");
    if (t.status == publication::Timeliness::kOverdue) {
      s += "，已超" + std::to_string(-t.working_days_left) + "个工作日";
    } else if (t.status == publication::Timeliness::kPending ||
               t.status == publication::Timeliness::kDueSoon) {
      s += "，剩余" + std::to_string(t.working_days_left) + "个工作日";
    }
    s += "）";
  }
  return s;
}

std::string Pieces(const std::vector<search::SnippetPiece>& pieces) {
  std::string out;
  for (const auto& p : pieces) out += p.marked ? "【" + p.text + "】" : p.text;
  return out;
}

}  // namespace

void AddPublicationCommands(CLI::App& app, int* exit_code) {
  auto* group = app.add_subcommand("publication", "Proactive disclosure register (主动公开)");
  group->require_subcommand(1);

  static std::string agency_spec, list_code = "all";
  auto* list = group->add_subcommand("list", "List an agency's items (and its units')");
  list->add_option("AGENCY", agency_spec, "Agency id, region code, name or short name")->required();
  list->add_option("--list", list_code,
                   "all|drafts|in_review|awaiting_approval|published|due_soon|overdue|late|stale|"
                   "withdrawn");
  list->callback([exit_code] {
    auto which = service::ParsePublicationList(list_code);
    if (!which) {
      return void(*exit_code = Fail(InvalidArgument("--list: unknown list '" + list_code + "'")));
    }
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto agency = ResolveAgency(*p, agency_spec);
    if (!agency.ok()) return void(*exit_code = Fail(agency.status()));
    service::PublicationListQuery q;
    q.agency_id = agency->id;
    q.list = *which;
    q.limit = 1000000;
    auto lines = p->publications().List(service::Actor::Cli(), q);
    if (!lines.ok()) return void(*exit_code = Fail(lines.status()));
    for (const auto& l : *lines) {
      const publication::Version* w = l.item.Working();
      std::cout << l.item.id << "  " << l.item.index_number << "  "
                << publication::Label(l.item.stage) << "  " << (w ? w->content.title : "") << "  "
                << TimelinessText(l.timeliness) << (l.stale ? "  待复核" : "") << "\n";
    }
    std::cout << lines->size() << " item(s)\n";
  });

  static int64_t show_id = 0;
  auto* show = group->add_subcommand("show", "One item: metadata, versions, history, channels");
  show->add_option("ID", show_id, "Item id")->required();
  show->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto v = p->publications().Get(service::Actor::Cli(), show_id);
    if (!v.ok()) return void(*exit_code = Fail(v.status()));
    const publication::Publication& item = v->item;
    const publication::Version* w = item.Working();
    std::cout << "索引号：" << item.index_number << "\n"
              << "标题：" << w->content.title << "\n"
              << "单位：" << v->agency.name << "\n"
              << "阶段：" << publication::Label(item.stage)
              << (item.RevisionPending()
                      ? "（已发布第" + std::to_string(item.live_version) + "版，新版本办理中）"
                      : "")
              << "\n"
              << "公开事项：" << w->content.item_code << " "
              << publication::CatalogueItem{w->content.item_code}.label() << "\n"
              << "第二十六条：" << TimelinessText(v->timeliness) << "\n";
    std::cout << "\n版本：\n";
    for (const auto& ver : item.versions) {
      std::cout << "  第" << ver.number << "版  "
                << (ver.released_on ? "发布于" + ver.released_on->ToString() : "未发布") << "  "
                << ver.content.title << "\n";
    }
    std::cout << "\n办理记录：\n";
    for (const auto& e : item.events) {
      std::cout << "  " << e.seq << ". " << e.date.ToString() << "  " << publication::Label(e.kind)
                << "  " << e.by << (e.reviewer.empty() ? "" : "  审查人：" + e.reviewer)
                << (e.text.empty() ? "" : "  " + e.text) << "\n";
    }
    std::cout << "\n发布渠道：\n";
    for (const auto& c : v->channels) {
      std::cout << "  " << c.date.ToString() << "  " << publication::Label(c.channel) << "  "
                << c.link << c.place << "\n";
    }
  });

  static std::string query, search_agency;
  auto* find = group->add_subcommand("search", "Search the portal's published items");
  find->add_option("QUERY", query, "Words to find (exact substrings; all must match)")->required();
  find->add_option("--agency", search_agency, "Only this agency and its units");
  find->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    int64_t agency_id = 0;
    if (!search_agency.empty()) {
      auto agency = ResolveAgency(*p, search_agency);
      if (!agency.ok()) return void(*exit_code = Fail(agency.status()));
      agency_id = agency->id;
    }
    auto r = p->publications().Search(query, agency_id, 1);
    if (!r.ok()) return void(*exit_code = Fail(r.status()));
    if (r->plan.empty()) {
      return void(*exit_code = Fail(InvalidArgument("the query has no letters, digits or CJK "
                                                    "characters to search for")));
    }
    for (const auto& h : r->hits) {
      std::cout << h.id << "  " << Pieces(h.title_pieces) << "  " << h.agency_name << "  "
                << (h.released_on ? h.released_on->ToString() : "") << "\n    " << Pieces(h.snippet)
                << "\n";
    }
    std::cout << (r->more ? "more than " : "") << r->total << " match(es)\n";
  });

  static std::string channels_agency;
  static int channels_year = 0;
  auto* channels = group->add_subcommand(
      "channels", "What went out on each channel in a year (the annual report's narrative)");
  channels->add_option("AGENCY", channels_agency, "Agency")->required();
  channels->add_option("YEAR", channels_year, "Year")->required()->check(CLI::Range(2008, 2200));
  channels->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto agency = ResolveAgency(*p, channels_agency);
    if (!agency.ok()) return void(*exit_code = Fail(agency.status()));
    auto counts = p->publications().ChannelCounts(agency->id, channels_year);
    if (!counts.ok()) return void(*exit_code = Fail(counts.status()));
    for (const auto& c : *counts) {
      std::cout << publication::Label(c.channel) << "\t" << c.records << "\n";
    }
  });
}

}  // namespace gongkai::cli
