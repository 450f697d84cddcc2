// ReadPdfReport against the real pdftotext (poppler-utils): hand-written minimal PDFs, PDFs made
// with LibreOffice holding CJK tables (tests/fixtures/reports/pdf/), and fake pdftotext scripts
// for the failures a real one rarely shows on demand (hanging, crashing).
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "io/readers/readers.h"

namespace gongkai::io {
namespace {

namespace fs = std::filesystem;
using report::BlockKind;
using report::SourceBlock;
using report::SourceDocument;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct PdfText {
  int x = 0;
  int y = 0;
  std::string text;  // ASCII
};

// A small valid PDF: one page per element, each drawing its texts in 10 pt Courier (monospaced,
// so pdftotext's columns are predictable). A page without texts has no text layer.
std::string MinimalPdf(const std::vector<std::vector<PdfText>>& pages, bool with_image = false) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", "",
                                      "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>"};
  std::string kids;
  for (size_t i = 0; i < pages.size(); ++i) {
    size_t page_obj = objects.size() + 1;
    kids += std::to_string(page_obj) + " 0 R ";
    std::string content;
    if (with_image) content += "q 200 0 0 200 100 500 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q\n";
    for (const PdfText& t : pages[i]) {
      content += "BT /F1 10 Tf " + std::to_string(t.x) + " " + std::to_string(t.y) + " Td (" +
                 t.text + ") Tj ET\n";
    }
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
        "<< /F1 3 0 R >> >> /Contents " +
        std::to_string(page_obj + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
  }
  objects[1] =
      "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    std::string n = std::to_string(off);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Texts(const SourceBlock& b) {
  std::vector<std::string> out;
  for (const auto& c : b.cells) out.push_back(c.text);
  return out;
}

// The first block whose first cell is `first`, or nullptr.
const SourceBlock* Find(const SourceDocument& doc, std::string_view first) {
  for (const auto& b : doc.blocks) {
    if (!b.cells.empty() && b.cells[0].text == first) return &b;
  }
  return nullptr;
}

int CountPageBreaks(const SourceDocument& doc) {
  int n = 0;
  for (const auto& b : doc.blocks) n += b.kind == BlockKind::kPageBreak;
  return n;
}

bool AnyCellContains(const SourceDocument& doc, std::string_view needle) {
  for (const auto& b : doc.blocks) {
    for (const auto& c : b.cells) {
      if (c.text.find(needle) != std::string::npos) return true;
    }
  }
  return false;
}

// Each test gets a private $TMPDIR (to see that the reader leaves no file behind) and a folder
// for fake pdftotext scripts.
class PdfReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "gongkai-pdf-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
    fs::create_directory(root_ / "tmp");
    fs::create_directory(root_ / "bin");
    const char* old = std::getenv("TMPDIR");
    old_tmpdir_ = old ? std::optional<std::string>(old) : std::nullopt;
    ::setenv("TMPDIR", (root_ / "tmp").c_str(), 1);
  }
  void TearDown() override {
    if (old_tmpdir_) {
      ::setenv("TMPDIR", old_tmpdir_->c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
    fs::remove_all(root_);
  }

  // A fake pdftotext: a shell script with this body.
  std::string FakePdftotext(const std::string& body) {
    fs::path path = root_ / "bin" / ("pdftotext-" + std::to_string(++scripts_));
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    fs::permissions(path, fs::perms::owner_all);
    return path.string();
  }

  // A fake pdftotext printing exactly `text`, to test what happens after pdftotext.
  PdfOptions PrintingText(const std::string& text) {
    fs::path out = root_ / "bin" / ("text-" + std::to_string(++scripts_));
    std::ofstream(out, std::ios::binary) << text;
    PdfOptions options;
    options.pdftotext = FakePdftotext("cat '" + out.string() + "'");
    return options;
  }

  bool TmpIsEmpty() const { return fs::is_empty(root_ / "tmp"); }

  fs::path root_;
  std::optional<std::string> old_tmpdir_;
  int scripts_ = 0;
};

const std::vector<std::vector<PdfText>> kTwoPages = {
    {{72, 800, "Report 2024"},
     {72, 760, "Received        12      3"},
     {72, 745, "Carried over     1      0"},
     {290, 40, "- 1 -"}},
    {{72, 800, "Total          13      3"}, {290, 40, "- 2 -"}},
};

TEST_F(PdfReaderTest, RefusesEmptyInput) {
  auto r = ReadPdfReport("");
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "the file is empty");
}

TEST_F(PdfReaderTest, RefusesWhatIsNotAPdf) {
  for (std::string_view bytes : {"hello", "<html><body>%PD</body></html>", "PK\x03\x04 word/"}) {
    auto r = ReadPdfReport(bytes);
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bytes;
    EXPECT_THAT(r.status().message(), HasSubstr("not a PDF"));
    EXPECT_THAT(r.status().ui_message(), HasSubstr("不是PDF文件"));
  }
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, ReadsRowsAndDropsPageNumbers) {
  auto r = ReadPdfReport(MinimalPdf(kTwoPages));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const SourceDocument& doc = *r;
  EXPECT_EQ(doc.reader, "pdf");
  ASSERT_NE(Find(doc, "Report 2024"), nullptr);
  EXPECT_EQ(Find(doc, "Report 2024")->kind, BlockKind::kParagraph);
  const SourceBlock* received = Find(doc, "Received");
  ASSERT_NE(received, nullptr);
  EXPECT_EQ(received->kind, BlockKind::kRow);
  EXPECT_THAT(Texts(*received), ElementsAre("Received", "12", "3"));
  EXPECT_LT(received->cells[0].column, received->cells[1].column);
  EXPECT_GT(received->line, 1);
  ASSERT_NE(Find(doc, "Total"), nullptr);
  EXPECT_THAT(Texts(*Find(doc, "Total")), ElementsAre("Total", "13", "3"));
  // One break between the two pages, none after the last; the "- 1 -" footers are gone.
  EXPECT_EQ(CountPageBreaks(doc), 1);
  EXPECT_NE(doc.blocks.back().kind, BlockKind::kPageBreak);
  EXPECT_FALSE(AnyCellContains(doc, "- 1 -"));
  EXPECT_FALSE(AnyCellContains(doc, "- 2 -"));
  EXPECT_TRUE(doc.notes.empty());
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, AcceptsBytesBeforeTheHeaderAsDetectionDoes) {
  auto r = ReadPdfReport("\xEF\xBB\xBF" + MinimalPdf(kTwoPages));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(Find(*r, "Received"), nullptr);
}

TEST_F(PdfReaderTest, RefusesATruncatedPdf) {
  const char* root = std::getenv("GONGKAI_SOURCE_DIR");
  ASSERT_NE(root, nullptr);
  std::string pdf = ReadFile(fs::path(root) / "tests/fixtures/reports/pdf/table3-two-pages.pdf");
  ASSERT_FALSE(pdf.empty());
  auto r = ReadPdfReport(pdf.substr(0, pdf.size() / 2));
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("damaged"));
  EXPECT_THAT(r.status().message(), HasSubstr("Syntax Error"));  // pdftotext's own reason
  EXPECT_EQ(r.status().ui_message(), "无法读取PDF，文件可能已损坏");
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, RefusesTruncatedMinimalPdfs) {
  std::string pdf = MinimalPdf(kTwoPages);
  for (size_t cut : {pdf.size() / 4, pdf.size() / 2, pdf.size() - 30}) {
    auto r = ReadPdfReport(pdf.substr(0, cut));
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << cut;
    EXPECT_THAT(r.status().message(), HasSubstr("Syntax Error")) << cut;
  }
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, RefusesAPdfWithoutText) {
  for (bool image : {false, true}) {
    auto r = ReadPdfReport(MinimalPdf({{}, {}}, image));
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << image;
    EXPECT_EQ(r.status().message(), "the PDF has no text layer (an image scan?)");
    EXPECT_EQ(r.status().ui_message(), "PDF中没有文字（可能是扫描图像）");
  }
  // A scan whose only text is a stamped page number has no text either.
  auto stamped = ReadPdfReport(MinimalPdf({{{290, 40, "1"}}, {{290, 40, "2"}}}, true));
  EXPECT_EQ(stamped.status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, NotesEachPageWithoutText) {
  auto r = ReadPdfReport(MinimalPdf({kTwoPages[0], {}, {{290, 40, "- 3 -"}}, kTwoPages[1]}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_THAT(r->notes,
              ElementsAre("page 2 has no text (an image?) / 第2页没有文字（可能是图像）",
                          "page 3 has no text (an image?) / 第3页没有文字（可能是图像）"));
  EXPECT_EQ(CountPageBreaks(*r), 3);
}

TEST_F(PdfReaderTest, MissingPdftotextSaysWhatToInstall) {
  PdfOptions options;
  options.pdftotext = (root_ / "bin" / "no-such-pdftotext").string();
  auto r = ReadPdfReport(MinimalPdf(kTwoPages), options);
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(r.status().message(), HasSubstr("install poppler-utils"));
  EXPECT_THAT(r.status().ui_message(), HasSubstr("poppler-utils"));
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, TimeoutKillsPdftotextQuickly) {
  PdfOptions options;
  options.pdftotext = FakePdftotext("sleep 30");
  options.timeout_ms = 300;
  auto start = std::chrono::steady_clock::now();
  auto r = ReadPdfReport(MinimalPdf(kTwoPages), options);
  auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(r.status().message(), "the PDF took longer than 0.3 s to read");
  EXPECT_EQ(r.status().ui_message(), "读取PDF超过0.3秒，已中止");
  EXPECT_LT(took, std::chrono::seconds(3));
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, OutputCapStopsPdftotext) {
  PdfOptions options;
  options.max_output_bytes = 10;
  auto r = ReadPdfReport(MinimalPdf(kTwoPages), options);
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(r.status().message(), "the PDF holds more than 10 bytes of text");

  options.pdftotext = FakePdftotext("exec yes");  // endless output, bounded by the cap
  options.max_output_bytes = 1u << 20;
  r = ReadPdfReport(MinimalPdf(kTwoPages), options);
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(r.status().message(), "the PDF holds more than 1 MB of text");
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, PdftotextErrorsGiveTheirFirstLine) {
  PdfOptions options;
  options.pdftotext =
      FakePdftotext("echo \"Syntax Error: Couldn't read xref table\" >&2; echo more >&2; exit 1");
  auto r = ReadPdfReport(MinimalPdf(kTwoPages), options);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "cannot read the PDF, it may be damaged (pdftotext exit status 1: Syntax Error: "
            "Couldn't read xref table)");

  options.pdftotext = FakePdftotext("echo 'Command Line Error: Incorrect password' >&2; exit 1");
  r = ReadPdfReport(MinimalPdf(kTwoPages), options);
  EXPECT_EQ(r.status().message(), "the PDF is protected by a password");
  EXPECT_EQ(r.status().ui_message(), "PDF已加密，需要密码才能打开");

  options.pdftotext = FakePdftotext("kill -SEGV $$");
  r = ReadPdfReport(MinimalPdf(kTwoPages), options);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(r.status().message(), HasSubstr("SIGSEGV"));
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, PdftotextGetsTheFileAndTheOptions) {
  PdfOptions options;
  options.pdftotext = FakePdftotext("echo \"$@\"; test -r \"$6\" && head -c 5 \"$6\"; echo");
  auto r = ReadPdfReport(MinimalPdf(kTwoPages), options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_FALSE(r->blocks.empty());
  std::string args = r->blocks[0].cells[0].text;
  EXPECT_THAT(args, HasSubstr("-layout -enc UTF-8 -eol unix "));
  EXPECT_THAT(args, HasSubstr((root_ / "tmp" / "gongkai-pdf-").string()));
  EXPECT_TRUE(args.ends_with(" -")) << args;
  EXPECT_NE(Find(*r, "%PDF-"), nullptr) << "the temporary file holds the PDF";
  EXPECT_TRUE(TmpIsEmpty());
}

TEST_F(PdfReaderTest, DropsOnlyPageNumberLinesAtPageEdges) {
  std::string text =
      "        - 1 -\n\nfirst page body\n\n              第 1 页\n"
      "\f第2页 共5页\nbody two\n\n          2 / 5\n"
      "\fPage 3 of 5\nbody three\n\n        — 4 —\n"
      "\f  ３\n\nbody four\nrow label        7\n\n   5\n"
      "\fbody five\nwrapped tail of a number\n1234\n"  // touches the body: not a page number
      "\f2023年度报告\n\n3. 其他     0\n\f";
  auto r = ReadPdfReport("%PDF-1.4", PrintingText(text));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::vector<std::string> kept;
  for (const auto& b : r->blocks) {
    if (b.kind == BlockKind::kPageBreak) {
      kept.push_back("<page>");
    } else {
      kept.push_back(b.cells[0].text + "@" + std::to_string(b.line));
    }
  }
  EXPECT_THAT(kept, ElementsAre("first page body@3", "<page>", "body two@7", "<page>",
                                "body three@11", "<page>", "body four@16", "row label@17", "<page>",
                                "body five@20", "wrapped tail of a number@21", "1234@22", "<page>",
                                "2023年度报告@23", "3. 其他@25"));
  EXPECT_TRUE(r->notes.empty());
}

TEST_F(PdfReaderTest, ControlCharactersDoNotSplitCells) {
  auto r = ReadPdfReport("%PDF-1.4", PrintingText("a\tb\x01"
                                                  "c\n"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->blocks.size(), 1u);
  EXPECT_EQ(r->blocks[0].kind, BlockKind::kParagraph);
  EXPECT_EQ(r->blocks[0].cells[0].text, "a b c");
}

// PDFs made with LibreOffice from CJK tables laid out like the national format (see
// tests/fixtures/reports/pdf/README.md). Figures are not extracted here; only that the rows and
// cells come out where the extractor will look for them.
class PdfFixtureTest : public PdfReaderTest {
 protected:
  SourceDocument Read(const std::string& name) {
    const char* root = std::getenv("GONGKAI_SOURCE_DIR");
    EXPECT_NE(root, nullptr);
    std::string pdf = ReadFile(fs::path(root ? root : ".") / "tests/fixtures/reports/pdf" / name);
    EXPECT_FALSE(pdf.empty()) << name;
    auto r = ReadPdfReport(pdf);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(TmpIsEmpty());
    return r.ok() ? std::move(r).value() : SourceDocument{};
  }
};

TEST_F(PdfFixtureTest, TableThreeAcrossTwoPages) {
  SourceDocument doc = Read("table3-two-pages.pdf");
  EXPECT_EQ(CountPageBreaks(doc), 1);
  const SourceBlock* received = Find(doc, "一、本年新收政府信息公开申请数量");
  ASSERT_NE(received, nullptr);
  EXPECT_THAT(Texts(*received), ElementsAre("一、本年新收政府信息公开申请数量", "126", "3", "0",
                                            "1", "0", "2", "132"));
  ASSERT_NE(Find(doc, "（七）总计"), nullptr);
  EXPECT_THAT(Texts(*Find(doc, "（七）总计")),
              ElementsAre("（七）总计", "126", "2", "0", "0", "0", "1", "129"));
  // A label wrapped over two lines in a cell centred vertically: its halves are paragraphs and
  // the figures sit on a line of their own between them, beside the last character of the
  // rowspanned group label "三、本年度办理结果" (labels one space apart merge into one cell).
  const SourceBlock* top = Find(doc, "度办理结 （二）部分公开（区分处理的，只");
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->kind, BlockKind::kParagraph);
  const SourceBlock* figures = Find(doc, "果");
  ASSERT_NE(figures, nullptr);
  EXPECT_THAT(Texts(*figures), ElementsAre("果", "2", "0", "0", "0", "0", "0", "2"));
  EXPECT_EQ(figures->line, top->line + 1);
  ASSERT_NE(Find(doc, "计这一情形，不计其他情形）"), nullptr);
  EXPECT_EQ(Find(doc, "计这一情形，不计其他情形）")->line, top->line + 2);
  // A row split by the page end: figures on page 1, the rest of its label on page 2 after the
  // repeated header rows.
  const SourceBlock* split = Find(doc, "5.要求行政机关确认或");
  const SourceBlock* rest = Find(doc, "重新出具已获取信息");
  ASSERT_NE(split, nullptr);
  ASSERT_NE(rest, nullptr);
  EXPECT_THAT(Texts(*split),
              ElementsAre("5.要求行政机关确认或", "0", "0", "0", "0", "0", "0", "0"));
  EXPECT_EQ(rest->kind, BlockKind::kParagraph);
  bool break_between = false;
  for (const SourceBlock* b = split; b < rest; ++b)
    break_between |= b->kind == BlockKind::kPageBreak;
  EXPECT_TRUE(break_between);
  // The header rows repeat on page 2; the footers "- 1 -"/"- 2 -" (printed "-1-") are gone.
  int headers = 0;
  for (const auto& b : doc.blocks) headers += !b.cells.empty() && b.cells[0].text == "申请人情况";
  EXPECT_EQ(headers, 2);
  EXPECT_FALSE(AnyCellContains(doc, "-1-"));
  EXPECT_FALSE(AnyCellContains(doc, "-2-"));
  EXPECT_TRUE(doc.notes.empty());
}

TEST_F(PdfFixtureTest, TableFourWithNumbersBrokenInNarrowCells) {
  SourceDocument doc = Read("table4-narrow-cells.pdf");
  EXPECT_EQ(CountPageBreaks(doc), 0);
  // 12345678 and 12345679 do not fit their cells: "1234" above the row, "5678" below it.
  const SourceBlock* values = Find(doc, "3");
  ASSERT_NE(values, nullptr);
  EXPECT_THAT(Texts(*values),
              ElementsAre("3", "1", "0", "1", "5", "2", "0", "1", "0", "3", "1", "0", "0"));
  const SourceBlock* head = Find(doc, "1234");
  const SourceBlock* tail = Find(doc, "5678");
  ASSERT_NE(head, nullptr);
  ASSERT_NE(tail, nullptr);
  EXPECT_THAT(Texts(*head), ElementsAre("1234", "1234"));
  EXPECT_THAT(Texts(*tail), ElementsAre("5678", "5679"));
  EXPECT_EQ(head->line + 2, tail->line);
  EXPECT_EQ(head->cells[0].column, tail->cells[0].column);
  EXPECT_EQ(head->cells[1].column, tail->cells[1].column);
  EXPECT_FALSE(AnyCellContains(doc, "第1页共1页"));
}

TEST_F(PdfFixtureTest, TableTwoWithABlankPage) {
  SourceDocument doc = Read("table2-blank-page.pdf");
  EXPECT_EQ(CountPageBreaks(doc), 2);
  EXPECT_THAT(doc.notes,
              ElementsAre("page 2 has no text (an image?) / 第2页没有文字（可能是图像）"));
  ASSERT_NE(Find(doc, "规章"), nullptr);
  EXPECT_THAT(Texts(*Find(doc, "规章")), ElementsAre("规章", "0", "0", "0"));
  // Cells aligned to the top: the figures stay on the first line of a wrapped label; full-width
  // digits are kept as printed (normalising them is the extractor's job).
  const SourceBlock* documents = Find(doc, "行政规范性文件（含以本机关名");
  ASSERT_NE(documents, nullptr);
  EXPECT_THAT(Texts(*documents), ElementsAre("行政规范性文件（含以本机关名", "２", "1", "１５"));
  EXPECT_THAT(Texts(*Find(doc, "行政许可")), ElementsAre("行政许可", "1,024"));
  EXPECT_THAT(Texts(*Find(doc, "行政处罚")), ElementsAre("行政处罚", "/"));
  EXPECT_THAT(Texts(*Find(doc, "行政强制")), ElementsAre("行政强制"));
  EXPECT_FALSE(AnyCellContains(doc, "1/3"));
  EXPECT_FALSE(AnyCellContains(doc, "3/3"));
}

}  // namespace
}  // namespace gongkai::io
