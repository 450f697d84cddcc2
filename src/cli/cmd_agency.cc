// agency add | list | show.
#include <iostream>

#include "cli/common.h"

namespace gongkai::cli {

namespace {

// "组长:李卫东:党委书记" or "head:李卫东:党委书记" → member.
Result<LeadingGroupMember> ParseMember(const std::string& spec) {
  size_t a = spec.find(':');
  size_t b = a == std::string::npos ? a : spec.find(':', a + 1);
  if (b == std::string::npos) {
    return InvalidArgument("--member '" + spec +
                           "' must be ROLE:NAME:POST, e.g. head:李卫东:党委书记");
  }
  std::string role = spec.substr(0, a);
  std::optional<GroupRole> r = ParseGroupRole(role);
  for (GroupRole g : kAllGroupRoles) {
    if (Label(g) == role) r = g;
  }
  if (!r) {
    return InvalidArgument("--member '" + spec + "': role '" + role +
                           "' is not one of head, executive_deputy, deputy, member (or 组长, "
                           "常务副组长, 副组长, 成员)");
  }
  return LeadingGroupMember{spec.substr(a + 1, b - a - 1), spec.substr(b + 1), *r};
}

void PrintAgency(const Agency& a) {
  std::cout << "id:           " << a.id << "\n"
            << "name:         " << a.name << "\n"
            << "short name:   " << a.short_name << "\n"
            << "level:        " << Code(a.level) << " (" << Label(a.level) << ")\n"
            << "parent:       " << (a.parent_id ? std::to_string(*a.parent_id) : "-") << "\n"
            << "region code:  " << (a.region_code.empty() ? "-" : a.region_code) << "\n"
            << "office:       " << a.office.name << "\n"
            << "  address:    " << a.office.address << "\n"
            << "  phone:      " << a.office.phone << "\n"
            << "  hours:      " << a.office.hours << "\n"
            << "  e-mail:     " << a.office.email << "\n"
            << "leading group:\n";
  for (const auto& m : a.leading_group) {
    std::cout << "  " << Label(m.role) << "  " << m.name << "  " << m.post << "\n";
  }
  std::cout << "version:      " << a.version << "\n";
}

}  // namespace

void AddAgencyCommands(CLI::App& app, int* exit_code) {
  auto* agency = app.add_subcommand("agency", "Agencies: the tree of government bodies");
  agency->require_subcommand(1);

  struct AddArgs {
    std::string level, name, short_name, region_code, office_name, office_address, office_phone,
        office_hours, office_email;
    int64_t parent = 0;
    std::vector<std::string> members;
  };
  static AddArgs args;
  auto* add = agency->add_subcommand("add", "Add an agency under a parent (or a root)");
  add->add_option("--level", args.level, "province|city|district|township|department|village")
      ->required();
  add->add_option("--name", args.name, "Full official name, e.g. 三门峡市湖滨区磁钟乡人民政府")
      ->required();
  add->add_option("--short-name", args.short_name, "Short name, e.g. 磁钟乡");
  add->add_option("--parent", args.parent, "Parent agency id (omit for a root)");
  add->add_option("--region-code", args.region_code,
                  "Administrative division code (6, 9 or 12 digits)");
  add->add_option("--office-name", args.office_name, "Disclosure office, e.g. 党政综合办公室");
  add->add_option("--office-address", args.office_address, "Office address");
  add->add_option("--office-phone", args.office_phone, "Office phone");
  add->add_option("--office-hours", args.office_hours, "Office hours");
  add->add_option("--office-email", args.office_email, "Office e-mail");
  add->add_option("--member", args.members, "Leading group member ROLE:NAME:POST (repeatable)");
  add->callback([exit_code] {
    Agency a;
    auto level = ParseAgencyLevel(args.level);
    if (!level) {
      return void(*exit_code = Fail(InvalidArgument(
                      "--level '" + args.level +
                      "' is not one of province, city, district, township, department, village")));
    }
    a.level = *level;
    a.name = args.name;
    a.short_name = args.short_name;
    if (args.parent > 0) a.parent_id = args.parent;
    a.region_code = args.region_code;
    a.office = {args.office_name, args.office_address, args.office_phone, args.office_hours,
                args.office_email};
    for (const auto& spec : args.members) {
      auto m = ParseMember(spec);
      if (!m.ok()) return void(*exit_code = Fail(m.status()));
      a.leading_group.push_back(*m);
    }
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto id = p->agencies().Create(service::Actor::Cli(), a);
    if (!id.ok()) return void(*exit_code = Fail(id.status()));
    std::cout << "agency " << *id << " added: " << a.name << "\n";
  });

  static int64_t root = 0;
  auto* list = agency->add_subcommand("list", "Show the agency tree");
  list->add_option("--root", root, "Only the subtree under this agency id");
  list->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto tree = p->agencies().Tree(root);
    if (!tree.ok()) return void(*exit_code = Fail(tree.status()));
    for (const auto& n : *tree) {
      std::cout << std::string(n.depth * 2, ' ') << n.agency.id << "  " << n.agency.name << "  ["
                << Code(n.agency.level) << "]\n";
    }
  });

  static int64_t show_id = 0;
  auto* show = agency->add_subcommand("show", "Show one agency");
  show->add_option("ID", show_id, "Agency id")->required();
  show->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto a = p->agencies().Get(show_id);
    if (!a.ok()) return void(*exit_code = Fail(a.status()));
    PrintAgency(*a);
  });
}

}  // namespace gongkai::cli
