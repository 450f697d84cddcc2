// The text of an item's sanitised body (the subset of HTML that io/html_sanitize emits), for the
// search index, snippets, the LED feed and the WeChat export: tags dropped (block ends become line
// breaks), the five named entities and numeric references decoded.
#pragma once

#include <string>
#include <string_view>

namespace gongkai::publication {

std::string PlainTextOfHtml(std::string_view html);

}  // namespace gongkai::publication
