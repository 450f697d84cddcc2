// The 2021 national format (国办公开办函〔2021〕30号) as data: annual-report.md §1–4.
#include "core/report/format_builders.h"

namespace gongkai::report {

FormatDef Build2021() {
  FormatDef f;
  f.id = "2021";
  f.document = "国办公开办函〔2021〕30号";
  f.first_year = 2021;
  f.sections = {{"一", "总体情况"},
                {"二", "主动公开政府信息情况"},
                {"三", "收到和处理政府信息公开申请情况"},
                {"四", "政府信息公开行政复议、行政诉讼情况"},
                {"五", "存在的主要问题及改进情况"},
                {"六", "其他需要报告的事项"}};

  f.t2.id = "t2";
  f.t2.title = "主动公开政府信息情况";
  f.t2.rows = {{"rules", "规章", "第二十条第（一）项"},
               {"normative", "行政规范性文件", "第二十条第（一）项"},
               {"licensing", "行政许可", "第二十条第（五）项"},
               {"penalty", "行政处罚", "第二十条第（六）项"},
               {"coercion", "行政强制", "第二十条第（六）项"},
               {"fees", "行政事业性收费", "第二十条第（八）项"}};
  f.t2.columns = {{"made", "本年制发件数"},
                  {"repealed", "本年废止件数"},
                  {"in_force", "现行有效件数"},
                  {"decisions", "本年处理决定数量"},
                  {"amount", "本年收费金额（单位：万元）"}};
  f.t2.cells = {"t2.rules.made",          "t2.rules.repealed",     "t2.rules.in_force",
                "t2.normative.made",      "t2.normative.repealed", "t2.normative.in_force",
                "t2.licensing.decisions", "t2.penalty.decisions",  "t2.coercion.decisions",
                "t2.fees.amount"};
  f.money_cells = {"t2.fees.amount"};

  f.t3.id = "t3";
  f.t3.title = "收到和处理政府信息公开申请情况";
  const std::string kResults = "三、本年度办理结果";
  f.t3.rows = {
      {"new", "一、本年新收政府信息公开申请数量", ""},
      {"carried_in", "二、上年结转政府信息公开申请数量", ""},
      {"granted", "（一）予以公开", kResults},
      {"partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", kResults},
      {"withheld.state_secret", "1.属于国家秘密", "（三）不予公开"},
      {"withheld.prohibited", "2.其他法律行政法规禁止公开", "（三）不予公开"},
      {"withheld.security_stability", "3.危及“三安全一稳定”", "（三）不予公开"},
      {"withheld.third_party", "4.保护第三方合法权益", "（三）不予公开"},
      {"withheld.internal_affairs", "5.属于三类内部事务信息", "（三）不予公开"},
      {"withheld.process_info", "6.属于四类过程性信息", "（三）不予公开"},
      {"withheld.enforcement_files", "7.属于行政执法案卷", "（三）不予公开"},
      {"withheld.inquiry", "8.属于行政查询事项", "（三）不予公开"},
      {"unable.not_held", "1.本机关不掌握相关政府信息", "（四）无法提供"},
      {"unable.needs_creation", "2.没有现成信息需要另行制作", "（四）无法提供"},
      {"unable.unclear", "3.补正后申请内容仍不明确", "（四）无法提供"},
      {"rejected.petition", "1.信访举报投诉类申请", "（五）不予处理"},
      {"rejected.repeat", "2.重复申请", "（五）不予处理"},
      {"rejected.publication", "3.要求提供公开出版物", "（五）不予处理"},
      {"rejected.excessive", "4.无正当理由大量反复申请", "（五）不予处理"},
      {"rejected.confirm_reissue", "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理"},
      {"other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
       "（六）其他处理"},
      {"other.no_payment",
       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
       "（六）其他处理"},
      {"other.other", "3.其他", "（六）其他处理"},
      {"handled_total", "（七）总计", kResults},
      {"carried_out", "四、结转下年度继续办理", ""}};
  f.t3.columns = {{"natural", "自然人"},     {"commercial", "商业企业"},
                  {"research", "科研机构"},  {"nonprofit", "社会公益组织"},
                  {"legal", "法律服务机构"}, {"other_org", "其他"},
                  {"total", "总计"}};

  f.t4.id = "t4";
  f.t4.title = "政府信息公开行政复议、行政诉讼情况";
  f.t4.rows = {{"review", "行政复议", ""},
               {"suit_direct", "未经复议直接起诉", "行政诉讼"},
               {"suit_after_review", "复议后起诉", "行政诉讼"}};
  f.t4.columns = {{"upheld", "结果维持"},
                  {"corrected", "结果纠正"},
                  {"other", "其他结果"},
                  {"pending", "尚未审结"},
                  {"total", "总计"}};
  return f;
}

}  // namespace gongkai::report
