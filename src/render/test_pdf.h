// Test helpers: the text of a PDF held in memory, read by `pdftotext -layout` (poppler-utils).
#pragma once

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace gongkai::render::testing {

inline bool HavePdftotext() { return std::system("command -v pdftotext >/dev/null 2>&1") == 0; }

// The text of the PDF, pages separated by form feeds, as `pdftotext -layout` reads it.
inline std::string PdfText(const std::string& pdf) {
  char path[] = "/tmp/gongkai-pdf-test-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return "";
  close(fd);
  std::ofstream(path, std::ios::binary) << pdf;
  std::string text;
  if (FILE* p = popen(("pdftotext -layout " + std::string(path) + " - 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
    pclose(p);
  }
  std::remove(path);
  return text;
}

inline std::vector<std::string> Pages(const std::string& text) {
  std::vector<std::string> pages;
  size_t start = 0;
  for (size_t ff = text.find('\f'); ff != std::string::npos; ff = text.find('\f', start)) {
    pages.push_back(text.substr(start, ff - start));
    start = ff + 1;
  }
  return pages;
}

// The text without spaces, line breaks and page breaks: what was printed, however it was wrapped.
inline std::string Flat(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\f') out += c;
  }
  return out;
}

// Flat text without the "—N—" page numbers, which a sentence broken over pages surrounds.
inline std::string WithoutPageNumbers(std::string flat) {
  const std::string dash = "—";
  for (size_t at = flat.find(dash); at != std::string::npos; at = flat.find(dash, at)) {
    size_t end = at + dash.size();
    while (end < flat.size() && std::isdigit(static_cast<unsigned char>(flat[end]))) ++end;
    if (end > at + dash.size() && flat.compare(end, dash.size(), dash) == 0) {
      flat.erase(at, end + dash.size() - at);
    } else {
      at += dash.size();
    }
  }
  return flat;
}

// Everything the PDF prints, flat and without page numbers.
inline std::string PrintedText(const std::string& pdf) {
  return WithoutPageNumbers(Flat(PdfText(pdf)));
}

}  // namespace gongkai::render::testing
