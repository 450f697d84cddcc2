// The element tree the HTML reader walks, and the two ways it is built. Internal to the HTML
// reader; in a header of its own for the tests that hold the two builders to each other.
//
// gumbo implements the whole HTML standard (implied and misnested tags, foster parenting, every
// named character reference) and is most of the cost of reading a report from HTML (issue 5). Most
// published reports are plain well-formed markup for which that machinery does nothing, so a
// strict parser reads those and gives up (std::nullopt) on anything where the standard's tree
// building could differ from the markup as written; gumbo then reads the page.
#pragma once

#include <gumbo.h>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/report/source_document.h"
#include "core/status.h"

namespace gongkai::io {

// An element or a run of text. Comments and <template> contents are left out: the reader skips
// them. The document itself is an element of tag GUMBO_TAG_UNKNOWN. Texts and attribute values
// are views: into the parsed page, into gumbo's output, or into strings the tree keeps.
struct HtmlNode {
  bool element = true;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::string_view text;                             // a text node's characters
  std::optional<std::string_view> colspan, rowspan;  // the attributes the reader uses
  const HtmlNode* first_child = nullptr;
  const HtmlNode* next_sibling = nullptr;
  HtmlNode* last_child = nullptr;  // where the next child goes, while the tree is built
};

class HtmlTree {
 public:
  HtmlTree() = default;
  HtmlTree(HtmlTree&&) = default;
  HtmlTree& operator=(HtmlTree&&) = default;
  const HtmlNode* root() const { return &chunks_.front()[0]; }
  // The root, when parent is null; else a new last child of parent. Nodes never move.
  HtmlNode* Add(HtmlNode* parent) {
    if (used_ == kChunk) {  // nodes come in chunks: a page has a thousand or more
      chunks_.push_back(std::make_unique<HtmlNode[]>(kChunk));
      used_ = 0;
    }
    HtmlNode* node = &chunks_.back()[used_++];
    if (parent != nullptr) {
      (parent->last_child ? parent->last_child->next_sibling : parent->first_child) = node;
      parent->last_child = node;
    }
    return node;
  }
  // Text the page does not hold as such (decoded references), kept as long as the tree.
  std::string_view Keep(std::string text) { return texts_.emplace_back(std::move(text)); }

 private:
  static constexpr size_t kChunk = 256;
  std::vector<std::unique_ptr<HtmlNode[]>> chunks_;
  size_t used_ = kChunk;  // nodes used in the last chunk
  std::deque<std::string> texts_;
};

// The tree of well-formed markup: explicit <html>, <head> and <body>, every element closed where
// it was opened, only the elements and character references the parser knows. Nothing when the
// markup is anything else (the caller then uses gumbo). Same tree as gumbo's whenever it answers.
// Its texts are views into html, which must outlive it.
std::optional<HtmlTree> ParseWellFormedHtml(std::string_view html);

// gumbo's tree (without recursion: gumbo trees can be 100,000 levels deep). Its texts are views
// into gumbo's output, which must outlive it.
HtmlTree FromGumbo(const GumboNode* document);

// ReadHtmlReport with a choice of parser, for the tests: kAuto is what ReadHtmlReport does.
enum class HtmlParser { kAuto, kGumboOnly };
Result<report::SourceDocument> ReadHtmlReportWith(std::string_view bytes, HtmlParser parser);

}  // namespace gongkai::io
