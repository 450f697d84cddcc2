#include "service/demo_applications.h"

namespace gongkai::service {

namespace {

using application::ApplicantType;
using application::Application;
using application::CaseEvent;
using application::EventKind;

struct Person {
  const char* name;
  const char* id_number;
  const char* phone;
};

// Check digits are valid; the people are invented.
constexpr Person kPeople[] = {
    {"李秀英", "411202198506151234", "13903981234"},
    {"王建军", "11010519491231002X", "13803985678"},
    {"张丽", "411202199203041235", "15003982468"},
};

Application Form(const Person& who, const char* title, const char* description, Date received) {
  Application a;
  a.channel = application::IntakeChannel::kInPerson;
  a.receipt_date = received;
  a.applicant.type = ApplicantType::kNatural;
  a.applicant.name = who.name;
  a.applicant.id_number = who.id_number;
  a.applicant.phone = who.phone;
  a.applicant.address = "三门峡市湖滨区磁钟乡";
  a.request.title = title;
  a.request.description = description;
  return a;
}

CaseEvent Event(EventKind kind, Date date, std::string text = {}) {
  CaseEvent e;
  e.kind = kind;
  e.date = date;
  e.text = std::move(text);
  return e;
}

class Seeder {
 public:
  Seeder(Platform& p, const User& clerk, const User& leader)
      : p_(p), clerk_(Actor::Staff(clerk, "")), leader_(Actor::Staff(leader, "")) {}

  Result<int64_t> Register(int64_t agency, Application form) {
    GK_ASSIGN_OR_RETURN(Submitted s, p_.applications().Register(clerk_, agency, std::move(form)));
    return s.id;
  }
  Status Step(int64_t id, CaseEvent e, bool as_leader = false) {
    GK_ASSIGN_OR_RETURN(ApplicationView v, p_.applications().Get(clerk_, id));
    return p_.applications().Record(as_leader ? leader_ : clerk_, id, v.app.version, std::move(e));
  }
  const Actor& clerk() const { return clerk_; }

 private:
  Platform& p_;
  Actor clerk_, leader_;
};

}  // namespace

Status SeedDemoApplications(Platform& p, int64_t agency, const User& clerk, const User& leader) {
  GK_ASSIGN_OR_RETURN(auto cal, p.calendar().Current());
  const Date today = p.clock().Today();
  // The day whose 20-working-day answer period ends `left` working days from today.
  auto received_for = [&](int left) {
    Date d = today;
    while (true) {
      d = d.AddDays(-1);
      if (!cal->IsWorkingDay(d)) continue;  // people come in on working days
      Date due = cal->AddWorkingDays(d, 20).date;
      if (due <= today) return d.AddDays(1);
      if (cal->CountWorkingDays(today, due) <= left) return d;
    }
  };
  Seeder s(p, clerk, leader);

  // Answered: granted, with the document provided.
  Date r1 = today.AddDays(-75);
  GK_ASSIGN_OR_RETURN(int64_t a1,
                      s.Register(agency, Form(kPeople[0], "磁钟村村道硬化工程资金使用情况",
                                              "包括工程预算、招标结果及资金拨付情况。", r1)));
  CaseEvent granted = Event(EventKind::kClosed, cal->AddWorkingDays(r1, 12).date,
                            "经审查，您申请的信息属于可以公开的政府信息，现将工程预算表、中标公告及"
                            "资金拨付明细复印件提供给您。");
  granted.outcome = application::Outcome::kGranted;
  GK_RETURN_IF_ERROR(s.Step(a1, granted));

  // Due within three working days.
  GK_ASSIGN_OR_RETURN(
      int64_t a2,
      s.Register(agency, Form(kPeople[1], "本乡2025年度低保对象名单",
                              "需要本村（湾子村）享受低保的户数及名单。", received_for(3))));
  (void)a2;

  // Overdue: still open after its due date.
  Date r3 = cal->AddWorkingDays(today.AddDays(-46), 1).date;
  GK_ASSIGN_OR_RETURN(
      int64_t a3,
      s.Register(agency, Form(kPeople[2], "后川村土地承包经营权流转合同",
                              "2024年以来后川村集体土地流转的合同及流转费用标准。", r3)));
  (void)a3;

  // Paused: a third party (the contractor) is consulted.
  Date r4 = received_for(15);
  GK_ASSIGN_OR_RETURN(int64_t a4, s.Register(agency, Form(kPeople[0], "乡敬老院改造工程施工合同",
                                                          "施工合同全文，含工程量清单。", r4)));
  CaseEvent consult =
      Event(EventKind::kConsultationSent, std::min(today, cal->AddWorkingDays(r4, 2).date),
            "合同含有施工单位的报价明细，可能涉及其商业秘密。");
  consult.party = "三门峡某建筑工程有限公司";
  GK_RETURN_IF_ERROR(s.Step(a4, consult));

  // An extension awaits the leader.
  Date r5 = received_for(4);
  GK_ASSIGN_OR_RETURN(int64_t a5,
                      s.Register(agency, Form(kPeople[1], "2023年以来全乡耕地保护检查记录",
                                              "历次耕地保护检查的记录和整改情况。", r5)));
  CaseEvent ext = Event(EventKind::kExtensionRequested, today,
                        "所需记录分散在六个村，需逐村调取核对，20个工作日内难以答复。");
  ext.days = 15;
  GK_RETURN_IF_ERROR(s.Step(a5, ext));

  // Submitted online, awaiting confirmation of receipt.
  Application online = Form(kPeople[2], "乡政府2026年政府采购项目清单", "", today);
  online.channel = application::IntakeChannel::kOnline;
  online.receipt_date.reset();
  online.request.way = application::DeliveryWay::kEmail;
  online.applicant.email = "zhangli@example.cn";
  GK_RETURN_IF_ERROR(
      p.applications().SubmitOnline(Actor::Public("192.0.2.10"), agency, online).status());

  // Last year: answered as not held, then challenged by administrative review (still pending).
  Date r7 = Date::FromYmd(today.year() - 1, 9, 8).value();
  GK_ASSIGN_OR_RETURN(int64_t a7,
                      s.Register(agency, Form(kPeople[1], "磁钟乡1998年土地调查原始底册",
                                              "1998年第二轮土地承包时的调查底册。", r7)));
  CaseEvent not_held =
      Event(EventKind::kClosed, cal->AddWorkingDays(r7, 15).date,
            "经检索本机关档案，未找到您所描述的底册；该资料可能保存在区自然资源部门。");
  not_held.outcome = application::Outcome::kUnableNotHeld;
  GK_RETURN_IF_ERROR(s.Step(a7, not_held));
  litigation::ReviewCase review;
  review.agency_id = agency;
  review.application_id = a7;
  review.kind = litigation::CaseKind::kReview;
  review.decision = "政府信息公开申请答复（〔" + std::to_string(today.year() - 1) + "〕第7号）";
  review.applicant = kPeople[1].name;
  review.body = "三门峡市湖滨区人民政府";
  review.filed_on = cal->AddWorkingDays(r7, 40).date;
  GK_RETURN_IF_ERROR(p.review_cases().Create(s.clerk(), review).status());
  return OkStatus();
}

}  // namespace gongkai::service
