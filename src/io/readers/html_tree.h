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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/report/source_document.h"
#include "core/status.h"

namespace gongkai::io {

// An element or a run of text. Comments and <template> contents are left out: the reader skips
// them. The document itself is an element of tag GUMBO_TAG_UNKNOWN.
struct HtmlNode {
  bool element = true;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  std::string text;                             // a text node's characters
  std::optional<std::string> colspan, rowspan;  // the attributes the reader uses
  std::vector<const HtmlNode*> children;
};

class HtmlTree {
 public:
  HtmlTree() = default;
  HtmlTree(HtmlTree&&) = default;
  HtmlTree& operator=(HtmlTree&&) = default;
  const HtmlNode* root() const { return &nodes_.front(); }
  // A new node; the first one made is the root. Nodes stay where they are as more are made.
  HtmlNode* Add() { return &nodes_.emplace_back(); }

 private:
  std::deque<HtmlNode> nodes_;
};

// The tree of well-formed markup: explicit <html>, <head> and <body>, every element closed where
// it was opened, only the elements and character references the parser knows. Nothing when the
// markup is anything else (the caller then uses gumbo). Same tree as gumbo's whenever it answers.
std::optional<HtmlTree> ParseWellFormedHtml(std::string_view html);

// gumbo's tree (without recursion: gumbo trees can be 100,000 levels deep).
HtmlTree FromGumbo(const GumboNode* document);

// ReadHtmlReport with a choice of parser, for the tests: kAuto is what ReadHtmlReport does.
enum class HtmlParser { kAuto, kGumboOnly };
Result<report::SourceDocument> ReadHtmlReportWith(std::string_view bytes, HtmlParser parser);

}  // namespace gongkai::io
