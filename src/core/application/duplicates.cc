#include "core/application/duplicates.h"

#include "core/report/extract_text.h"

namespace gongkai::application {

std::string RequestKey(const RequestedInfo& r) {
  std::string key = report::TextKey(r.title) + "|" + report::TextKey(r.document_number) + "|" +
                    report::TextKey(r.description);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

}  // namespace gongkai::application
