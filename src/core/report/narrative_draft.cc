#include "core/report/narrative_draft.h"

#include "core/report/format.h"

namespace gongkai::report {

namespace {

std::string N(int64_t v) { return std::to_string(v); }

// "予以公开10件、部分公开2件": the non-zero parts only, in table order.
std::string Parts(const std::vector<std::pair<std::string, int64_t>>& parts) {
  std::string out;
  for (const auto& [label, value] : parts) {
    if (value == 0) continue;
    out += (out.empty() ? "" : "、") + label + N(value) + "件";
  }
  return out;
}

int64_t SumRows(const ReportData& r, const std::vector<std::string>& rows,
                const std::string& prefix) {
  int64_t sum = 0;
  for (const auto& row : rows) {
    if (row.rfind(prefix, 0) == 0) sum += r.Get(CellId("t3", row, "total"));
  }
  return sum;
}

std::string ActivePublication(const ReportData& r, const FormatDef& f,
                              const NarrativeFacts& facts) {
  std::string s = "（一）主动公开\n";
  s += "围绕决策、执行、管理、服务、结果公开，及时发布政策文件、工作动态和办事服务信息，做好重要政"
       "策解读。";
  if (facts.items_published) s += "全年主动公开政府信息" + N(*facts.items_published) + "条。";
  if (f.HasCell("t2.licensing.decisions")) {
    s += "本年度作出行政许可决定" + N(r.Get("t2.licensing.decisions")) + "件、行政处罚决定" +
         N(r.Get("t2.penalty.decisions")) + "件、行政强制决定" + N(r.Get("t2.coercion.decisions")) +
         "件，具体见第二部分。";
  }
  return s + "\n";
}

std::string OnRequest(const ReportData& r, const FormatDef& f) {
  std::string s = "（二）依申请公开\n";
  int64_t fresh = r.Get("t3.new.total"), carried_in = r.Get("t3.carried_in.total");
  if (fresh == 0 && carried_in == 0) {
    s += "本年度未收到政府信息公开申请，无上年结转申请。";
  } else {
    s += fresh == 0 ? "本年度未收到新的政府信息公开申请"
                    : "本年度新收政府信息公开申请" + N(fresh) + "件";
    s += carried_in == 0 ? "，无上年结转申请。" : "，上年结转" + N(carried_in) + "件。";
    const auto& rows = f.t3_result_rows;
    std::string parts = Parts({{"予以公开", r.Get("t3.granted.total")},
                               {"部分公开", r.Get("t3.partial.total")},
                               {"不予公开", SumRows(r, rows, "withheld.")},
                               {"无法提供", SumRows(r, rows, "unable.")},
                               {"不予处理", SumRows(r, rows, "rejected.")},
                               {"其他处理", SumRows(r, rows, "other")}});
    s += "严格按照法定程序和期限办理，办结政府信息公开申请" + N(r.Get("t3.handled_total.total")) +
         "件";
    s += parts.empty() ? "" : "，其中" + parts;
    s += "；结转下年度继续办理" + N(r.Get("t3.carried_out.total")) + "件。";
  }
  int64_t review = r.Get("t4.review.total");
  int64_t direct = r.Get("t4.suit_direct.total"), after = r.Get("t4.suit_after_review.total");
  auto results = [&](const std::string& block) {
    std::string p = Parts({{"结果维持", r.Get(CellId("t4", block, "upheld"))},
                           {"结果纠正", r.Get(CellId("t4", block, "corrected"))},
                           {"其他结果", r.Get(CellId("t4", block, "other"))},
                           {"尚未审结", r.Get(CellId("t4", block, "pending"))}});
    return p.empty() ? std::string() : "，其中" + p;
  };
  if (review == 0 && direct + after == 0) {
    s += "本年度未发生因政府信息公开引起的行政复议、行政诉讼。";
  } else {
    s += review == 0
             ? "本年度未发生因政府信息公开引起的行政复议。"
             : "本年度因政府信息公开被申请行政复议" + N(review) + "件" + results("review") + "。";
    if (direct + after == 0) {
      s += "未发生因政府信息公开引起的行政诉讼。";
    } else {
      s += "因政府信息公开被提起行政诉讼" + N(direct + after) + "件";
      s += Parts({{"未经复议直接起诉", direct}, {"复议后起诉", after}}).empty()
               ? ""
               : "，其中" + Parts({{"未经复议直接起诉", direct}, {"复议后起诉", after}});
      s += "。";
    }
  }
  return s + "\n";
}

std::string Management(const ReportData& r, const FormatDef& f) {
  std::string s = "（三）政府信息管理\n";
  s += "落实公文公开属性源头认定和公开前保密审查，动态更新政府信息公开指南和主动公开目录。";
  if (f.HasCell("t2.normative.made")) {
    if (r.Get("t2.rules.made") + r.Get("t2.rules.repealed") + r.Get("t2.rules.in_force") > 0) {
      s += "本年度制发规章" + N(r.Get("t2.rules.made")) + "件、废止" +
           N(r.Get("t2.rules.repealed")) + "件，现行有效规章" + N(r.Get("t2.rules.in_force")) +
           "件。";
    }
    s += "本年度制发行政规范性文件" + N(r.Get("t2.normative.made")) + "件、废止" +
         N(r.Get("t2.normative.repealed")) + "件，现行有效行政规范性文件" +
         N(r.Get("t2.normative.in_force")) + "件";
    s += r.Get("t2.normative.in_force") > 0 ? "，均已按规定向社会公开。" : "。";
  }
  return s + "\n";
}

std::string Platforms(const NarrativeFacts& facts) {
  std::string s = "（四）政府信息公开平台建设\n";
  if (facts.channels.empty()) {
    s += "依托政府门户网站政府信息公开专栏发布政府信息，做好栏目维护和内容更新。";
  } else {
    std::string names, counts;
    for (const auto& [name, count] : facts.channels) {
      names += (names.empty() ? "" : "、") + name;
      counts +=
          (counts.empty() ? "" : "、") + std::string("通过") + name + "发布" + N(count) + "条";
    }
    s += "依托" + names + "等平台发布政府信息，" + counts + "。";
  }
  s += "加强政务新媒体管理，确保发布的信息准确、及时、规范。";
  return s + "\n";
}

std::string Oversight(const NarrativeFacts& facts) {
  std::string s = "（五）监督保障\n";
  s += "加强对政府信息公开工作的组织领导，开展业务培训，落实信息发布审核制度，主动接受社会公众监督"
       "。";
  if (facts.people_government) s += "（工作考核、社会评议和责任追究结果情况：请据实补充。）";
  return s;
}

std::string Fees(const NarrativeFacts& facts) {
  if (!facts.fee_notices && !facts.fee_notified_fen && !facts.fee_collected_fen) {
    return "（信息处理费情况：请补充本年度发出收费通知的件数、通知收取金额和实际收取金额。）";
  }
  if (facts.fee_notices.value_or(0) == 0 && facts.fee_notified_fen.value_or(0) == 0 &&
      facts.fee_collected_fen.value_or(0) == 0) {
    return "本年度未发出信息处理费收费通知，未收取信息处理费。";
  }
  std::string s = "本年度";
  std::string parts;
  if (facts.fee_notices) parts += "发出信息处理费收费通知" + N(*facts.fee_notices) + "件";
  if (facts.fee_notified_fen) {
    parts += (parts.empty() ? "" : "，") + std::string("通知收取金额") +
             FenToYuanText(*facts.fee_notified_fen);
  }
  if (facts.fee_collected_fen) {
    parts += (parts.empty() ? "" : "，") + std::string("实际收取金额") +
             FenToYuanText(*facts.fee_collected_fen);
  }
  return s + parts + "。";
}

}  // namespace

std::string FenToYuanText(int64_t fen) {
  std::string sign = fen < 0 ? "-" : "";
  uint64_t v = fen < 0 ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
  std::string out = sign + std::to_string(v / 100);
  if (v % 100 != 0) out += "." + std::string(v % 100 < 10 ? "0" : "") + std::to_string(v % 100);
  return out + "元";
}

std::map<std::string, std::string> DraftNarrative(const ReportData& r,
                                                  const NarrativeFacts& facts) {
  const FormatDef* known = FormatById(r.format_id);
  const FormatDef& f = known ? *known : Format2021();
  std::string one =
      N(r.year) +
      "年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
      "扎实做好政府信息公开各项工作。现将有关情况报告如下。\n";
  one += ActivePublication(r, f, facts) + OnRequest(r, f) + Management(r, f) + Platforms(facts) +
         Oversight(facts);
  return {{"一", one}, {"六", Fees(facts) + "无其他需要报告的事项。"}};
}

std::vector<std::string> UnfilledDraftSections(const ReportData& r) {
  std::vector<std::string> out;
  for (const auto& [numeral, text] : r.narrative) {
    if (text.find("请补充") != std::string::npos || text.find("请据实补充") != std::string::npos) {
      out.push_back(numeral);
    }
  }
  return out;
}

}  // namespace gongkai::report
