// The statutory numbers of the application procedure, as one versioned value (statute.md).
//
// 《政府信息公开条例》 (2019 revision, in force 2019-05-15): Art. 30 (补正 within 7 working days),
// Art. 32 and 34 (consultation: 15 working days), Art. 33 (answer within 20 working days, one
// extension of at most 20 more); 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号, from
// 2021-01-01): fee bands and the 20 working days to pay. No other file holds these numbers as
// literals.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/date.h"

namespace gongkai::application {

struct FeeRules {
  // Per item (按件), counted per applicant per calendar month.
  int items_free = 10;                  // items 1..10 cost nothing
  int items_first_band_last = 30;       // items 11..30 ...
  int64_t item_first_band_fen = 10000;  // ... cost 100 元 each
  int items_band_width = 10;            // from item 31 each further band of 10 items ...
  int64_t item_band_step_fen = 10000;   // ... costs 100 元 more per item
  // Per volume (按量), per application: pages 1..30 free, then per page by band.
  int pages_free = 30;
  int pages_band1_last = 100;  // 31..100
  int64_t page_band1_fen = 1000;
  int pages_band2_last = 200;  // 101..200
  int64_t page_band2_fen = 2000;
  int64_t page_band3_fen = 4000;  // 201 and above
};

struct ProcedureRules {
  std::string_view id;  // stable, shown in explanations: "2019-05-15"
  std::string_view basis_zh;
  int answer_days = 20;            // Art. 33 para 2
  int correction_notice_days = 7;  // Art. 30
  int correction_reply_days = 15;  // default time the notice gives the applicant (not statutory)
  int consultation_days = 15;      // Art. 32, Art. 34
  int extension_max_days = 20;     // Art. 33 para 2
  int max_extensions = 1;
  int payment_days = 20;             // 109号: from the day after the applicant receives the notice
  bool payment_pauses_clock = true;  // an open legal question; a rule setting
  bool fees_apply = true;            // 109号 in force
  // The applicant's remedies named in every answer (Art. 51): 《行政复议法》 (60 days from receiving
  // the answer) and 《行政诉讼法》 Art. 46 (6 months).
  int review_days = 60;
  int litigation_months = 6;
  FeeRules fees;
};

// The rules that govern an application received on `receipt` (the ones in force that day).
const ProcedureRules& RulesFor(Date receipt);
// The current rules (for forms before a receipt date exists).
const ProcedureRules& CurrentRules();

}  // namespace gongkai::application
