#include "service/demo_reports.h"

#include "core/report/format.h"
#include "service/actor.h"
#include "service/report_service.h"

namespace gongkai::service {

namespace {

report::ReportData Zeros(int year) {
  const report::FormatDef& f = report::Format2021();
  report::ReportData d;
  d.year = year;
  d.format_id = f.id;
  for (const auto* t : {&f.t2, &f.t3, &f.t4})
    for (const auto& cell : t->CellIds()) d.Set(cell, 0);
  for (const auto& s : f.sections) d.sections.push_back(s.numeral);
  return d;
}

// Seconds since the epoch of a Beijing date at 10:00 (02:00 UTC).
int64_t BeijingMorning(int year, int month, int day) {
  return static_cast<int64_t>(Date::FromYmd(year, month, day).value().days_since_epoch()) * 86400 +
         2 * 3600;
}

// One report through the workflow, on the dates it happened: created, entered, warnings explained,
// submitted by the clerk, approved and published by the leader.
Status Publish(storage::Store& store, int64_t agency_id, const report::ReportData& data,
               int64_t entered_at, int64_t published_at, const std::string& warning_reason) {
  FakeClock clock(entered_at);
  ReportService reports(store, clock);
  Actor sys = Actor::System();
  GK_ASSIGN_OR_RETURN(int64_t id, reports.Create(sys, agency_id, data.year));
  GK_ASSIGN_OR_RETURN(ReportView v, reports.Get(sys, id));
  GK_RETURN_IF_ERROR(reports.Save(sys, id, v.record.row_version, data));
  GK_ASSIGN_OR_RETURN(v, reports.Get(sys, id));
  for (const CheckedViolation& c : v.checks) {
    if (c.violation.severity != report::Severity::kWarning || c.acceptance) continue;
    GK_ASSIGN_OR_RETURN(ReportView now, reports.Get(sys, id));
    GK_RETURN_IF_ERROR(reports.AcceptWarning(sys, id, now.record.row_version,
                                             ViolationFingerprint(c.violation), warning_reason));
  }
  GK_ASSIGN_OR_RETURN(v, reports.Get(sys, id));
  GK_RETURN_IF_ERROR(reports.Submit(sys, id, v.record.row_version));
  clock.Advance(published_at - entered_at);
  GK_ASSIGN_OR_RETURN(v, reports.Get(sys, id));
  return reports.Publish(sys, id, v.record.row_version);
}

}  // namespace

report::ReportData DemoCizhong2022() {
  report::ReportData d = Zeros(2022);
  for (const char* col : {"natural", "total"}) {
    const std::string c(col);
    d.Set("t3.new." + c, 4);
    d.Set("t3.granted." + c, 2);
    d.Set("t3.partial." + c, 1);
    d.Set("t3.unable.not_held." + c, 1);
    d.Set("t3.handled_total." + c, 4);
  }
  d.narrative["一"] =
      "2022年，磁钟乡把政务公开作为改进作风、服务群众的重要抓手，按照区政务公开办的部署推进各项工作"
      "。\n"
      "（一）主动公开。在区政府门户网站政府信息公开专栏发布乡镇动态、惠民政策等信息18条，在“磁钟乡"
      "讯”微信公众号发布信息40余篇。\n"
      "（二）依申请公开。全年共收到政府信息公开申请4件，均由自然人提出，已在法定期限内全部办结：予"
      "以公开2件，部分公开1件，因本机关不掌握相关信息告知申请人1件。\n"
      "（三）政府信息管理。落实信息发布前保密审查和主管领导审批制度，公开信息逐条登记。\n"
      "（四）平台建设。更新了各村党群服务中心的村务公开栏，方便群众就近查阅。\n"
      "（五）监督保障。将政务公开纳入年度目标考核，全年未发生因政务公开引起的责任追究。";
  d.narrative["五"] =
      "存在的主要问题：公开内容以工作动态为主，惠民政策、项目建设等重点领域信息偏少。\n"
      "改进措施：下一年度增加重点领域信息的发布数量，并安排专人定期检查栏目更新情况。";
  d.narrative["六"] = "本年度未收取信息处理费。无其他需要报告的事项。";
  return d;
}

report::ReportData DemoCizhong2023() {
  // Every figure of the published 2023 report is zero: no applications, no decisions, no cases.
  report::ReportData d = Zeros(2023);
  d.narrative["一"] =
      "2023年，磁钟乡人民政府认真贯彻《中华人民共和国政府信息公开条例》，围绕群众关心的事项推进决策"
      "、执行、管理、服务和结果公开，以公开促落实、以公开优服务。全年工作情况如下。\n"
      "（一）主动公开。依托湖滨区人民政府门户网站政府信息公开专栏，全年发布各类信息21条；通过“磁钟"
      "乡讯”微信公众号和“美丽磁钟”简篇账号发布信息60余篇，并利用乡政府LED显示屏和院内宣传栏同步公开"
      "。\n"
      "（二）依申请公开。全年未收到公民、法人或其他组织提出的政府信息公开申请，亦无上年结转的申请。"
      "\n"
      "（三）政府信息管理。调整充实政务公开领导小组，由党委书记任组长、乡长任常务副组长，其他班子成"
      "员任副组长，乡直各单位负责人为成员；各村同步成立村务公开领导小组。党政综合办公室具体承担政府"
      "信息公开工作，每条信息发布前均经保密审查和主管领导审批。\n"
      "（四）平台建设。以区政府门户网站为主渠道、新媒体账号为补充，在乡政府大院和各村党群服务中心设"
      "置公开栏和公示牌，方便群众就近查阅，已公开的内容随情况变化及时更新。\n"
      "（五）监督保障。组织经办人员参加政府信息公开业务培训，开展常态化自查，发现问题即知即改；对应"
      "公开未公开、形式公开等行为依规追究责任。";
  d.narrative["五"] =
      "（一）存在的主要问题。一是部分栏目内容更新不够及时；二是政策解读形式较为单一，图解和音视频解"
      "读较少；三是经办人员业务能力有待提升。\n"
      "（二）改进情况。针对上年度重点领域信息偏少的问题，本年度增加了惠民政策和项目建设信息的发布，"
      "建立信息更新台账并明确专人定期检查。下一步将丰富解读形式，加强业务培训。";
  d.narrative["六"] = "本年度未发出信息处理费收费通知，未收取信息处理费。无其他需要报告的事项。";
  return d;
}

Status SeedDemoReports(storage::Store& store, int64_t cizhong_id) {
  GK_RETURN_IF_ERROR(Publish(store, cizhong_id, DemoCizhong2022(), BeijingMorning(2023, 1, 9),
                             BeijingMorning(2023, 1, 18), ""));
  return Publish(store, cizhong_id, DemoCizhong2023(), BeijingMorning(2024, 1, 10),
                 BeijingMorning(2024, 1, 19),
                 "本年度未收到政府信息公开申请，与上年相比的变化属实。");
}

}  // namespace gongkai::service
