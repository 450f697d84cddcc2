// A complete 2021-format report with distinct non-zero figures that satisfy the consistency rules,
// for the render tests and benchmark. Header-only so both can use it without a library of their
// own.
#pragma once

#include <string>

#include "core/report/format.h"
#include "render/render.h"

namespace gongkai::render::testing {

inline ReportDocument SampleReport() {
  namespace rp = report;
  ReportDocument doc;
  doc.agency_name = "三门峡市湖滨区磁钟乡人民政府";
  doc.title = "三门峡市湖滨区磁钟乡人民政府2023年政府信息公开工作年度报告";
  rp::ReportData& d = doc.data;
  d.year = 2023;
  d.format_id = "2021";
  d.sections = {"一", "二", "三", "四", "五", "六"};

  const char* t2[] = {"rules.made",          "rules.repealed",     "rules.in_force",
                      "normative.made",      "normative.repealed", "normative.in_force",
                      "licensing.decisions", "penalty.decisions",  "coercion.decisions"};
  for (int i = 0; i < 9; ++i) d.Set(std::string("t2.") + t2[i], 31 + i);
  d.Set("t2.fees.amount", 1234567);  // fen: 1.2346 万元

  // Table 三: result row i, applicant column j holds (j+1)*100 + i+1; the totals follow from the
  // rules.
  const auto& rows = rp::T3ResultRows();
  const auto& cols = rp::T3ApplicantColumns();
  int64_t row_total[32] = {};
  int64_t in_total = 0, out_total = 0, new_total = 0, handled_all = 0;
  for (size_t j = 0; j < cols.size(); ++j) {
    int64_t handled = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      int64_t v = static_cast<int64_t>((j + 1) * 100 + i + 1);
      d.Set(rp::CellId("t3", rows[i], cols[j]), v);
      handled += v;
      row_total[i] += v;
    }
    int64_t carried_in = static_cast<int64_t>(j) + 1, carried_out = static_cast<int64_t>(j) + 7;
    d.Set(rp::CellId("t3", "handled_total", cols[j]), handled);
    d.Set(rp::CellId("t3", "carried_in", cols[j]), carried_in);
    d.Set(rp::CellId("t3", "carried_out", cols[j]), carried_out);
    d.Set(rp::CellId("t3", "new", cols[j]), handled + carried_out - carried_in);
    in_total += carried_in;
    out_total += carried_out;
    new_total += handled + carried_out - carried_in;
    handled_all += handled;
  }
  for (size_t i = 0; i < rows.size(); ++i) d.Set(rp::CellId("t3", rows[i], "total"), row_total[i]);
  d.Set("t3.handled_total.total", handled_all);
  d.Set("t3.carried_in.total", in_total);
  d.Set("t3.carried_out.total", out_total);
  d.Set("t3.new.total", new_total);

  // Table 四: 61… in block order, each block's total the sum of its four results.
  const char* blocks[] = {"review", "suit_direct", "suit_after_review"};
  const char* results[] = {"upheld", "corrected", "other", "pending"};
  int64_t v = 61;
  for (const char* b : blocks) {
    int64_t total = 0;
    for (const char* r : results) {
      d.Set(rp::CellId("t4", b, r), v);
      total += v++;
    }
    d.Set(rp::CellId("t4", b, "total"), total);
  }

  d.narrative["一"] =
      "2023年，我乡按照省、市、区各级关于政府信息公开工作的要求，大力推进决策、执行、管理、服务、结"
      "果公开。\n"
      "一、主动公开情况\n"
      "以区政府门户网站为平台，以政府信息公开专栏为依托，共发布各类信息21条。\n"
      "二、依申请公开办理情况\n"
      "全年依法办理政府信息公开申请，均在法定期限内答复。\n"
      "三、政府信息管理情况\n"
      "完善政务公开领导小组，严格落实公开信息主管领导把关审批制度。";
  d.narrative["五"] =
      "一、存在的主要问题\n"
      "1、个别村对政务公开的重要性认识不足。\n"
      "二、改进情况\n"
      "1、加强对村支书及专干进行相关知识的培训，提高思想认知。";
  d.narrative["六"] = "本年度未收取信息处理费。";
  return doc;
}

}  // namespace gongkai::render::testing
