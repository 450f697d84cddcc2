// 国办函〔2020〕109号, 第七条 (per item and per volume bands).
#include "core/application/fees.h"

#include <vector>

namespace gongkai::application {

namespace {

struct Band {
  int first, last;  // inclusive item or page numbers; last < 0: unbounded
  int64_t fen;      // per unit
};

int64_t PerItemPrice(const FeeRules& r, int item) {
  if (item <= r.items_free) return 0;
  if (item <= r.items_first_band_last) return r.item_first_band_fen;
  int band = (item - r.items_first_band_last - 1) / r.items_band_width + 1;
  return r.item_first_band_fen + band * r.item_band_step_fen;
}

int64_t PerPagePrice(const FeeRules& r, int page) {
  if (page <= r.pages_free) return 0;
  if (page <= r.pages_band1_last) return r.page_band1_fen;
  if (page <= r.pages_band2_last) return r.page_band2_fen;
  return r.page_band3_fen;
}

// Groups consecutive units of equal price.
template <class Price>
std::vector<Band> Bands(int first, int last, Price price) {
  std::vector<Band> out;
  for (int u = first; u <= last; ++u) {
    int64_t p = price(u);
    if (!out.empty() && out.back().fen == p) {
      out.back().last = u;
    } else {
      out.push_back({u, u, p});
    }
  }
  return out;
}

std::string Explain(const std::vector<Band>& bands, const char* unit) {
  std::string out;
  int64_t total = 0;
  for (const Band& b : bands) {
    int n = b.last - b.first + 1;
    if (!out.empty()) out += "；";
    out += "第" + std::to_string(b.first) +
           (b.first == b.last ? "" : "至" + std::to_string(b.last)) + unit;
    if (b.fen == 0) {
      out += "免费";
    } else {
      out += "每" + std::string(unit) + FormatYuan(b.fen) + "，共" + std::to_string(n) + unit +
             FormatYuan(b.fen * n);
    }
    total += b.fen * n;
  }
  return out + "；合计" + FormatYuan(total) + "。";
}

}  // namespace

int64_t PerItemFeeFen(const FeeRules& rules, int items_before, int items) {
  int64_t sum = 0;
  for (int i = items_before + 1; i <= items_before + items; ++i) sum += PerItemPrice(rules, i);
  return sum;
}

int64_t PerVolumeFeeFen(const FeeRules& rules, int pages) {
  int64_t sum = 0;
  for (int p = 1; p <= pages; ++p) sum += PerPagePrice(rules, p);
  return sum;
}

std::string FormatYuan(int64_t fen) {
  std::string yuan = std::to_string(fen / 100);
  std::string grouped;
  for (size_t i = 0; i < yuan.size(); ++i) {
    if (i > 0 && (yuan.size() - i) % 3 == 0) grouped += ',';
    grouped += yuan[i];
  }
  int cents = static_cast<int>(fen % 100);
  return grouped + "." + (cents < 10 ? "0" : "") + std::to_string(cents) + "元";
}

std::string ExplainPerItemFee(const FeeRules& rules, int items_before, int items) {
  std::string prefix =
      items_before > 0 ? "本月此前已计" + std::to_string(items_before) + "件；" : "";
  return prefix + Explain(Bands(items_before + 1, items_before + items,
                                [&](int i) { return PerItemPrice(rules, i); }),
                          "件");
}

std::string ExplainPerVolumeFee(const FeeRules& rules, int pages) {
  return Explain(Bands(1, pages, [&](int p) { return PerPagePrice(rules, p); }), "页");
}

}  // namespace gongkai::application
