#include "core/application/rules.h"

namespace gongkai::application {

namespace {

// 2019 revision, before 109号: the same clocks, no processing fee yet.
const ProcedureRules kRules2019 = [] {
  ProcedureRules r;
  r.id = "2019-05-15";
  r.basis_zh = "《中华人民共和国政府信息公开条例》（2019年修订）";
  r.fees_apply = false;
  return r;
}();

// From 2021-01-01 with 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号).
const ProcedureRules kRules2021 = [] {
  ProcedureRules r;
  r.id = "2021-01-01";
  r.basis_zh =
      "《中华人民共和国政府信息公开条例》（2019年修订）、《政府信息公开信息处理费管理办法》";
  return r;
}();

}  // namespace

const ProcedureRules& RulesFor(Date receipt) {
  static const Date k2021 = Date::FromYmd(2021, 1, 1).value();
  return receipt < k2021 ? kRules2019 : kRules2021;
}

const ProcedureRules& CurrentRules() { return kRules2021; }

}  // namespace gongkai::application
