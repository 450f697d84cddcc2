#include "service/demo_disclosure.h"

namespace gongkai::service {

namespace {

using disclosure::DecisionFigures;
using disclosure::DocumentKind;
using disclosure::NormativeDocument;

struct DemoDocument {
  const char* title;
  const char* number;
  const char* made_on;
  const char* repealed_on;  // nullptr: in force
};

struct DemoFigures {
  int year;
  int64_t licensing, penalty, coercion, fee_fen;
};

Status Seed(Platform& p, int64_t agency_id, std::initializer_list<DemoDocument> docs,
            std::initializer_list<DemoFigures> figures) {
  const Actor sys = Actor::System();
  const Date today = p.clock().Today();
  DisclosureFiguresService& svc = p.disclosure_figures();
  for (const DemoDocument& d : docs) {
    NormativeDocument doc;
    doc.agency_id = agency_id;
    doc.kind = DocumentKind::kNormative;
    doc.title = d.title;
    doc.number = d.number;
    doc.made_on = Date::Parse(d.made_on).value();
    if (doc.made_on > today) continue;  // a clock pinned in the past (tests)
    GK_ASSIGN_OR_RETURN(int64_t id, svc.CreateDocument(sys, doc));
    if (d.repealed_on == nullptr) continue;
    Date repealed = Date::Parse(d.repealed_on).value();
    if (repealed <= today) GK_RETURN_IF_ERROR(svc.RepealDocument(sys, id, 1, repealed));
  }
  for (const DemoFigures& f : figures) {
    if (f.year > today.year()) continue;
    GK_RETURN_IF_ERROR(svc.SaveFigures(sys, {.agency_id = agency_id,
                                             .year = f.year,
                                             .licensing = f.licensing,
                                             .penalty = f.penalty,
                                             .coercion = f.coercion,
                                             .fee_fen = f.fee_fen}));
  }
  return OkStatus();
}

}  // namespace

Status SeedDemoDisclosureFigures(Platform& p, int64_t cizhong_id, int64_t district_id,
                                 int64_t hrss_id) {
  // 磁钟乡: nothing made before 2024, so the published 2022 and 2023 reports (zeros) agree.
  GK_RETURN_IF_ERROR(Seed(
      p, cizhong_id,
      {{"磁钟乡人民政府关于印发《磁钟乡村级财务管理暂行办法》的通知", "磁政〔2024〕6号",
        "2024-04-18", "2025-03-31"},
       {"磁钟乡人民政府关于印发《磁钟乡村级财务管理办法》的通知", "磁政〔2025〕4号",
        "2025-03-31", nullptr},
       {"磁钟乡人民政府关于印发《磁钟乡农村人居环境整治长效管护办法》的通知",
        "磁政〔2025〕9号", "2025-06-12", nullptr}},
      {{2022, 0, 0, 0, 0},
       {2023, 0, 0, 0, 0},
       {2024, 0, 2, 0, 0},
       {2025, 0, 3, 1, 0}}));
  GK_RETURN_IF_ERROR(Seed(
      p, district_id,
      {{"湖滨区人民政府办公室关于印发《湖滨区政务公开工作考核办法》的通知", "湖政办〔2023〕15号",
        "2023-05-20", nullptr},
       {"湖滨区人民政府关于印发《湖滨区城区停车管理办法》的通知", "湖政〔2024〕8号",
        "2024-07-01", nullptr}},
      {{2024, 126, 58, 6, 38'452'100}, {2025, 131, 61, 4, 40'127'500}}));
  GK_RETURN_IF_ERROR(Seed(
      p, hrss_id,
      {{"湖滨区人力资源和社会保障局关于规范劳动保障监察案件办理的通知", "湖人社〔2024〕21号",
        "2024-09-10", nullptr}},
      {{2024, 214, 9, 0, 0}, {2025, 236, 12, 1, 0}}));
  return OkStatus();
}

}  // namespace gongkai::service
