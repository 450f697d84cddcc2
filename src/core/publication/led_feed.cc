#include "core/publication/led_feed.h"

#include <cstdint>

namespace gongkai::publication {
namespace {

// The length of the valid UTF-8 sequence at text[i], or 0 when the byte starts none.
size_t SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  size_t n = c < 0x80             ? 1
             : (c & 0xE0) == 0xC0 ? 2
             : (c & 0xF0) == 0xE0 ? 3
             : (c & 0xF8) == 0xF0 ? 4
                                  : 0;
  if (n == 0 || i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  return n;
}

// Half-cells of one valid character.
int Halves(std::string_view ch) { return ch.size() == 1 ? 1 : 2; }

}  // namespace

int LedWidth(std::string_view text) {
  int halves = 0;
  for (size_t i = 0; i < text.size();) {
    size_t n = SequenceLength(text, i);
    if (n == 0) {
      ++i;
      continue;
    }
    halves += Halves(text.substr(i, n));
    i += n;
  }
  return (halves + 1) / 2;
}

std::string LedLine(std::string_view title, int width) {
  std::string out;
  int halves = 0;
  const int max_halves = 2 * width;
  bool pending_space = false;
  for (size_t i = 0; i < title.size();) {
    size_t n = SequenceLength(title, i);
    if (n == 0) {
      ++i;
      continue;
    }
    std::string_view ch = title.substr(i, n);
    i += n;
    unsigned char c = static_cast<unsigned char>(ch[0]);
    bool space = n == 1 && (c <= 0x20 || c == 0x7F);
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(ch[1]) < 0xA0) space = true;  // C1
    if (ch == "\u3000" || ch == "\u2028" || ch == "\u2029") space = true;
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    int need = Halves(ch) + (pending_space ? 1 : 0);
    if (halves + need > max_halves) break;
    if (pending_space) out += ' ';
    pending_space = false;
    out += ch;
    halves += need;
  }
  return out;
}

std::string LedFeed(const std::vector<std::string>& titles, int width, int lines) {
  std::string out;
  int written = 0;
  for (const std::string& t : titles) {
    if (written >= lines) break;
    std::string line = LedLine(t, width);
    if (line.empty()) continue;
    out += line;
    out += "\r\n";
    ++written;
  }
  return out;
}

}  // namespace gongkai::publication
