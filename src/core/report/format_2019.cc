// The 2019 trial format (国办公开办函〔2019〕60号, report years 2019–2020) as data:
// annual-report.md §6. Kept so old reports can be imported and checked in their own shape; never
// used to generate one.
#include "core/report/format_builders.h"

namespace gongkai::report {

FormatDef Build2019() {
  FormatDef f;
  FormatDef base = Build2021();  // sections, Table 三 columns and Table 四 did not change
  f.id = "2019";
  f.document = "国办公开办函〔2019〕60号";
  f.first_year = 2019;
  f.sections = base.sections;

  f.t2.id = "t2";
  f.t2.title = base.t2.title;
  f.t2.rows = {{"rules", "规章", "第二十条第（一）项"},
               {"normative", "规范性文件", "第二十条第（一）项"},
               {"licensing", "行政许可", "第二十条第（五）项"},
               {"other_services", "其他对外管理服务事项", "第二十条第（五）项"},
               {"penalty", "行政处罚", "第二十条第（六）项"},
               {"coercion", "行政强制", "第二十条第（六）项"},
               {"fees", "行政事业性收费", "第二十条第（八）项"},
               {"procurement", "政府集中采购", "第二十条第（九）项"}};
  f.t2.columns = {{"produced", "本年新制作数量"}, {"published", "本年新公开数量"},
                  {"total", "对外公开总数量"},    {"previous", "上一年项目数量"},
                  {"change", "本年增/减"},        {"decisions", "处理决定数量"},
                  {"projects", "采购项目数量"},   {"amount", "采购总金额"}};
  for (const char* row : {"rules", "normative"}) {
    for (const char* col : {"produced", "published", "total"})
      f.t2.cells.push_back(CellId("t2", row, col));
  }
  for (const char* row : {"licensing", "other_services", "penalty", "coercion"}) {
    for (const char* col : {"previous", "change", "decisions"})
      f.t2.cells.push_back(CellId("t2", row, col));
    f.signed_cells.push_back(CellId("t2", row, "change"));
  }
  f.t2.cells.push_back("t2.fees.previous");
  f.t2.cells.push_back("t2.fees.change");
  f.signed_cells.push_back("t2.fees.change");
  f.t2.cells.push_back("t2.procurement.projects");
  f.t2.cells.push_back("t2.procurement.amount");
  f.money_cells = {"t2.procurement.amount"};

  // Table 三: （六）其他处理 is one row instead of three.
  f.t3 = base.t3;
  std::vector<RowDef> rows;
  for (const auto& row : base.t3.rows) {
    if (row.id.rfind("other.", 0) == 0) {
      if (row.id == "other.no_correction")
        rows.push_back({"other", "（六）其他处理", "三、本年度办理结果"});
      continue;
    }
    rows.push_back(row);
  }
  f.t3.rows = std::move(rows);

  f.t4 = base.t4;
  return f;
}

}  // namespace gongkai::report
