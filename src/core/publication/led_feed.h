// The LED feed: the newest items' titles as plain text for the controller software of an LED
// screen (a publication channel under Art. 24), one title per line, each cut to the screen's width.
//
// Width is counted in full-width cells: a character outside ASCII (CJK, full-width punctuation)
// takes one cell, a printable ASCII character half a cell, and a line's width is its half-cells
// divided by two, rounded up. A title is cut at a character boundary so that its width is at most
// `width` cells; nothing is appended. Control characters and line breaks inside a title become
// spaces, runs of spaces collapse, and invalid UTF-8 bytes are dropped, so every line is valid
// UTF-8. Lines end with CRLF (the controllers' software runs on Windows).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::publication {

inline constexpr int kLedMinWidth = 4;
inline constexpr int kLedMaxWidth = 64;
inline constexpr int kLedMinLines = 1;
inline constexpr int kLedMaxLines = 50;

// The width of a (single-line) text in full-width cells, as above.
int LedWidth(std::string_view text);
// The title cleaned as above and cut to at most `width` cells.
std::string LedLine(std::string_view title, int width);
// At most `lines` of the titles (in the given order; empty titles skipped), each LedLine(…,
// width) followed by CRLF.
std::string LedFeed(const std::vector<std::string>& titles, int width, int lines);

}  // namespace gongkai::publication
