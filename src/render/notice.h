// A proactive-disclosure item printed for a bulletin board (公告栏张贴版): A4, laid out like the
// letters (render/letter.h) — the title centred, the index number under it, the body as plain-text
// paragraphs, then the agency and the release date at the bottom right, and a closing line with the
// portal address where the item (and its attachments) can be read in full.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace gongkai::render {

struct Notice {
  std::string agency;             // 三门峡市湖滨区磁钟乡人民政府
  std::string title;              // the item's title
  std::string index_number;       // 索引号
  std::string date;               // 2025年3月4日 (the release date)
  std::vector<std::string> body;  // paragraphs of plain text (blank ones are dropped)
  std::string portal_url;         // https://…/publications/12; "" for none
};

// The paragraphs of a plain text (one per line, trimmed, blank lines dropped).
std::vector<std::string> NoticeParagraphs(const std::string& plain_text);

Result<std::string> RenderNoticePdf(const Notice& notice);

}  // namespace gongkai::render
