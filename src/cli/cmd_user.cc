// user add | list | passwd.
#include <iostream>

#include "cli/common.h"

namespace gongkai::cli {

namespace {

// The password from --password, or one line from standard input with --password-stdin.
Result<std::string> PasswordFrom(const std::string& given, bool from_stdin) {
  if (from_stdin) {
    std::string line;
    if (!std::getline(std::cin, line))
      return InvalidArgument("--password-stdin: no line on standard input");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (given.empty()) return InvalidArgument("give --password or --password-stdin");
  return given;
}

}  // namespace

void AddUserCommands(CLI::App& app, int* exit_code) {
  auto* user = app.add_subcommand("user", "Staff accounts");
  user->require_subcommand(1);

  struct AddArgs {
    std::string username, display_name, role, password;
    int64_t agency = 0;
    bool password_stdin = false;
  };
  static AddArgs args;
  auto* add = user->add_subcommand("add", "Add a staff account");
  add->add_option("USERNAME", args.username, "Login name (3-32 of a-z 0-9 _ . -)")->required();
  add->add_option("--name", args.display_name, "Display name, e.g. 王晓敏")->required();
  add->add_option("--role", args.role, "clerk|leader|admin|supervisor")->required();
  add->add_option("--agency", args.agency, "Agency id")->required();
  add->add_option("--password", args.password, "Initial password (prefer --password-stdin)");
  add->add_flag("--password-stdin", args.password_stdin, "Read the password from standard input");
  add->callback([exit_code] {
    auto role = ParseRole(args.role);
    if (!role) {
      return void(*exit_code =
                      Fail(InvalidArgument("--role '" + args.role +
                                           "' is not one of clerk, leader, admin, supervisor")));
    }
    auto pw = PasswordFrom(args.password, args.password_stdin);
    if (!pw.ok()) return void(*exit_code = Fail(pw.status()));
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto id = p->users().Create(service::Actor::Cli(),
                                {args.username, args.display_name, *role, args.agency, *pw});
    if (!id.ok()) return void(*exit_code = Fail(id.status()));
    std::cout << "user " << *id << " added: " << args.username << "\n";
  });

  static int64_t list_root = 0;
  auto* list = user->add_subcommand("list", "List staff accounts");
  list->add_option("--agency", list_root, "Only users of this agency and its subtree");
  list->callback([exit_code] {
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    auto users = p->users().List(list_root);
    if (!users.ok()) return void(*exit_code = Fail(users.status()));
    for (const auto& u : *users) {
      std::cout << u.id << "  " << u.username << "  " << u.display_name << "  " << Code(u.role)
                << "  agency " << u.agency_id << (u.active ? "" : "  (disabled)") << "\n";
    }
  });

  static AddArgs pw_args;
  auto* passwd = user->add_subcommand("passwd", "Set a user's password (ends their sessions)");
  passwd->add_option("USERNAME", pw_args.username, "Login name")->required();
  passwd->add_option("--password", pw_args.password, "New password (prefer --password-stdin)");
  passwd->add_flag("--password-stdin", pw_args.password_stdin,
                   "Read the password from standard input");
  passwd->callback([exit_code] {
    auto pw = PasswordFrom(pw_args.password, pw_args.password_stdin);
    if (!pw.ok()) return void(*exit_code = Fail(pw.status()));
    Status st;
    auto p = OpenOrReport(&st);
    if (!p) return void(*exit_code = ExitCodeFor(st.code()));
    st = p->users().SetPassword(service::Actor::Cli(), pw_args.username, *pw);
    if (!st.ok()) return void(*exit_code = Fail(st));
    std::cout << "password of " << pw_args.username << " changed\n";
  });
}

}  // namespace gongkai::cli
