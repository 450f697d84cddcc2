// The application view models: the clock's words, Table 三's outcome groups, and which step forms
// the case page offers to whom as the case moves.
#include "web/app/application_models.h"

#include <gtest/gtest.h>

#include <set>

namespace gongkai::web {
namespace {

namespace app = application;

Date D(const char* s) { return Date::Parse(s).value(); }

TEST(ApplicationModelsTest, DaysLeftInWords) {
  EXPECT_EQ(DaysLeftText(std::nullopt), "");
  EXPECT_EQ(DaysLeftText(3), "剩余3个工作日");
  EXPECT_EQ(DaysLeftText(0), "今天到期");
  EXPECT_EQ(DaysLeftText(-2), "逾期2个工作日");
}

TEST(ApplicationModelsTest, Serial) {
  app::Application a;
  a.serial_year = 2026;
  a.serial_no = 12;
  EXPECT_EQ(SerialText(a), "〔2026〕12号");
}

TEST(ApplicationModelsTest, OutcomesGroupedAsTable3) {
  nlohmann::json groups = OutcomeGroups(app::Outcome::kWithheldThirdParty);
  ASSERT_EQ(groups.size(), 6u);
  const char* labels[] = {"（一）予以公开", "（二）部分公开", "（三）不予公开",
                          "（四）无法提供", "（五）不予处理", "（六）其他处理"};
  size_t sizes[] = {1, 1, 8, 3, 5, 3};
  size_t total = 0, selected = 0;
  for (size_t i = 0; i < groups.size(); ++i) {
    EXPECT_EQ(groups[i]["label"], labels[i]);
    EXPECT_EQ(groups[i]["options"].size(), sizes[i]) << labels[i];
    for (const auto& o : groups[i]["options"]) {
      ++total;
      if (o["selected"].get<bool>()) {
        ++selected;
        EXPECT_EQ(o["code"], "withheld.third_party");
        EXPECT_EQ(o["label"], "保护第三方合法权益");  // the group's name is not repeated
        EXPECT_NE(o["text"].get<std::string>().find("第十五条"), std::string::npos);
      }
    }
  }
  EXPECT_EQ(total, static_cast<size_t>(app::kOutcomeCount));
  EXPECT_EQ(selected, 1u);
}

app::CaseEvent Event(int seq, app::EventKind kind, const char* date) {
  app::CaseEvent e;
  e.seq = seq;
  e.kind = kind;
  e.date = D(date);
  e.by = "王专员";
  return e;
}

service::ApplicationView View(app::CaseState state, std::vector<app::CaseEvent> events) {
  service::ApplicationView v;
  v.app.id = 7;
  v.app.serial_year = 2026;
  v.app.serial_no = 3;
  v.app.version = 4;
  v.app.channel = app::IntakeChannel::kOnline;
  v.app.submitted_on = D("2026-11-20");
  v.app.state = state;
  v.app.events = std::move(events);
  for (const auto& e : v.app.events) {
    if (e.kind == app::EventKind::kReceived) v.app.receipt_date = e.date;
  }
  v.agency.name = "三门峡市湖滨区磁钟乡人民政府";
  return v;
}

std::set<std::string> Actions(const nlohmann::json& model) {
  std::set<std::string> names;
  for (const auto& [k, v] : model["actions"].items()) names.insert(k);
  return names;
}

TEST(ApplicationModelsTest, StepFormsFollowTheCaseAndTheRole) {
  User clerk, leader, supervisor;
  clerk.role = Role::kClerk;
  leader.role = Role::kLeader;
  supervisor.role = Role::kSupervisor;
  User handler;
  handler.id = 5;
  handler.display_name = "王专员";
  handler.username = "cizhong.clerk";
  CasePageContext ctx{&clerk, D("2026-11-29"), D("2026-12-18"), {handler}, nullptr, std::nullopt,
                      false};

  auto submitted = View(app::CaseState::kAwaitingConfirmation,
                        {Event(1, app::EventKind::kSubmittedOnline, "2026-11-20")});
  EXPECT_EQ(Actions(CasePageModel(submitted, ctx)),
            (std::set<std::string>{"receive", "note", "assign"}));

  auto handling =
      View(app::CaseState::kHandling, {Event(1, app::EventKind::kSubmittedOnline, "2026-11-20"),
                                       Event(2, app::EventKind::kReceived, "2026-11-23")});
  nlohmann::json m = CasePageModel(handling, ctx);
  EXPECT_EQ(Actions(m), (std::set<std::string>{"correction_requested", "consultation_sent",
                                               "extension_requested", "fee_notice_issued", "closed",
                                               "note", "assign"}));
  EXPECT_EQ(m["actions"]["correction_requested"]["until"], "2026-12-18");
  EXPECT_EQ(m["actions"]["extension_requested"]["days"], "20");
  EXPECT_EQ(m["version"], 4);
  // The supervisor reads the case; the leader may only note it until an extension is asked.
  ctx.user = &supervisor;
  EXPECT_TRUE(Actions(CasePageModel(handling, ctx)).empty());
  ctx.user = &leader;
  EXPECT_EQ(Actions(CasePageModel(handling, ctx)), (std::set<std::string>{"note"}));

  auto request = Event(3, app::EventKind::kExtensionRequested, "2026-11-27");
  request.days = 20;
  request.text = "需要调取档案";
  auto extending =
      View(app::CaseState::kHandling, {Event(1, app::EventKind::kSubmittedOnline, "2026-11-20"),
                                       Event(2, app::EventKind::kReceived, "2026-11-23"), request});
  ctx.extended_due = D("2027-01-22");
  m = CasePageModel(extending, ctx);
  EXPECT_EQ(Actions(m), (std::set<std::string>{"extension_decision", "note"}));
  EXPECT_EQ(m["actions"]["extension_decision"]["new_due"], "2027年1月22日（星期五）");
  EXPECT_EQ(m["actions"]["extension_decision"]["ref"], "3");
  EXPECT_EQ(m["actions"]["extension_decision"]["reason"], "需要调取档案");
  ctx.user = &clerk;
  EXPECT_FALSE(Actions(CasePageModel(extending, ctx)).contains("extension_requested"));

  auto correcting = View(app::CaseState::kAwaitingCorrection,
                         {Event(1, app::EventKind::kReceived, "2026-11-23"),
                          Event(2, app::EventKind::kCorrectionRequested, "2026-11-24")});
  m = CasePageModel(correcting, ctx);
  EXPECT_EQ(Actions(m), (std::set<std::string>{"correction_received", "closed", "note", "assign"}));
  EXPECT_NE(m["actions"]["closed"]["paused_hint"].get<std::string>().find("逾期不补正"),
            std::string::npos);

  auto closed = View(app::CaseState::kClosed, {Event(1, app::EventKind::kReceived, "2026-11-23"),
                                               Event(2, app::EventKind::kClosed, "2026-11-25")});
  EXPECT_EQ(Actions(CasePageModel(closed, ctx)), (std::set<std::string>{"note"}));
}

TEST(ApplicationModelsTest, RefusedStepComesBackWithItsInput) {
  User clerk;
  clerk.role = Role::kClerk;
  ActionInput input;
  input.action = "correction_requested";
  input.values = {{"text", "请补充文件名称"}, {"until", "2026-12-20"}, {"date", "2026-11-28"}};
  input.error = "补正只能一次性告知";
  CasePageContext ctx{&clerk, D("2026-11-29"), D("2026-12-18"), {}, &input, std::nullopt, false};
  auto handling =
      View(app::CaseState::kHandling, {Event(1, app::EventKind::kReceived, "2026-11-23")});
  nlohmann::json m = CasePageModel(handling, ctx);
  const auto& form = m["actions"]["correction_requested"];
  EXPECT_EQ(form["text"], "请补充文件名称");
  EXPECT_EQ(form["until"], "2026-12-20");
  EXPECT_EQ(form["error"], "补正只能一次性告知");
  EXPECT_TRUE(form["open"].get<bool>());
  EXPECT_FALSE(m["actions"]["closed"]["open"].get<bool>());
  EXPECT_TRUE(m["actions"]["closed"]["error"].is_null());
  EXPECT_FALSE(m["actions"].contains("assign"));  // nobody to assign
}

TEST(ApplicationModelsTest, ClockInWords) {
  app::Deadline d;
  d.status = app::ClockStatus::kRunning;
  d.due = D("2026-12-28");
  d.provisional = true;
  d.extension_days = 20;
  d.steps = {{D("2026-11-23"), "收到申请之日"}};
  nlohmann::json c = ClockModel(d, -2, true);
  EXPECT_EQ(c["due_long"], "2026年12月28日（星期一）");
  EXPECT_EQ(c["days_text"], "逾期2个工作日");
  EXPECT_TRUE(c["overdue"].get<bool>());
  EXPECT_TRUE(c["provisional"].get<bool>());
  EXPECT_TRUE(c["has_extension"].get<bool>());
  EXPECT_EQ(c["steps"].size(), 1u);
  EXPECT_TRUE(ClockModel(d, -2, false)["steps"].empty());
}

TEST(ApplicationModelsTest, PublicStatusShowsTheAnswer) {
  service::PublicStatus s;
  s.agency.id = 4;
  s.agency.name = "三门峡市湖滨区磁钟乡人民政府";
  s.app.serial_year = 2026;
  s.app.serial_no = 3;
  s.app.state = app::CaseState::kClosed;
  s.app.outcome = app::Outcome::kGranted;
  s.app.closed_on = D("2026-11-27");
  s.app.request.title = "村道资金";
  auto closed = Event(2, app::EventKind::kClosed, "2026-11-27");
  closed.outcome = app::Outcome::kGranted;
  closed.text = "现将该信息提供给您。";
  s.app.events = {Event(1, app::EventKind::kReceived, "2026-11-23"), closed};
  nlohmann::json m = PublicStatusModel(s);
  EXPECT_TRUE(m["closed"].get<bool>());
  EXPECT_EQ(m["outcome"], "予以公开");
  EXPECT_EQ(m["reply"], "现将该信息提供给您。");
  EXPECT_EQ(m["answered_on"], "2026-11-27");
  EXPECT_EQ(m["events"].size(), 2u);
  EXPECT_EQ(m["agency_url"], "/agencies/4");
}

}  // namespace
}  // namespace gongkai::web
