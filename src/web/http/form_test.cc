#include "web/http/form.h"

#include <gtest/gtest.h>

namespace gongkai::web {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=XyZ";

TEST(ParseUrlEncoded, Good) {
  struct Case {
    std::string body;
    std::vector<std::pair<std::string, std::string>> want;
  } cases[] = {
      {"", {}},
      {"a=1", {{"a", "1"}}},
      {"a=1&b=2&a=3", {{"a", "1"}, {"b", "2"}, {"a", "3"}}},
      {"name=%E5%BC%A0+%E4%B8%89", {{"name", "张 三"}}},
      {"flag&x=", {{"flag", ""}, {"x", ""}}},
      {"a=1&&b=2&", {{"a", "1"}, {"b", "2"}}},
      {"eq=a%3Db=c", {{"eq", "a=b=c"}}},
      {"text=line1%0D%0Aline2", {{"text", "line1\r\nline2"}}},
  };
  for (const auto& c : cases) {
    auto r = ParseUrlEncoded(c.body);
    ASSERT_TRUE(r.ok()) << c.body << ": " << r.status().ToString();
    EXPECT_EQ(r->all(), c.want) << c.body;
  }
}

TEST(ParseUrlEncoded, Bad) {
  struct Case {
    std::string body;
    std::string error_part;
  } cases[] = {
      {"a=%G1", "form field 1: malformed percent-escape in value"},
      {"a=1&b%=2", "form field 2: malformed percent-escape in name"},
      {"a=1&=2", "form field 2: empty name"},
      {"x=%4", "form field 1"},
      {std::string(300, 'n') + "=1", "name too long"},
  };
  for (const auto& c : cases) {
    auto r = ParseUrlEncoded(c.body);
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(c.error_part), std::string::npos) << r.status().message();
    EXPECT_FALSE(r.status().ui_message().empty());
  }
}

TEST(ParseUrlEncoded, FieldLimit) {
  FormLimits limits;
  limits.max_fields = 3;
  EXPECT_TRUE(ParseUrlEncoded("a=1&b=2&c=3", limits).ok());
  auto r = ParseUrlEncoded("a=1&b=2&c=3&d=4", limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("more than 3 fields"), std::string::npos);
}

TEST(FormFields, Accessors) {
  FormFields f;
  f.Add("a", "1");
  f.Add("a", "2");
  EXPECT_EQ(f.Get("a"), "1");
  EXPECT_EQ(f.Get("b"), "");
  EXPECT_TRUE(f.Has("a"));
  EXPECT_FALSE(f.Has("b"));
  EXPECT_EQ(f.GetAll("a"), (std::vector<std::string>{"1", "2"}));
}

TEST(ParseMultipart, FieldsAndFile) {
  std::string binary("\r\n--XyZ-not-a-boundary\r\n\0\xff\r\n", 30);
  std::string body =
      "preamble is ignored\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"title\"\r\n"
      "\r\n"
      "申请公开\r\n"
      "--XyZ\r\n"
      "content-disposition: form-data; name=\"upload\"; filename=\"报告 \\\"终稿\\\".pdf\"\r\n"
      "Content-Type: application/pdf\r\n"
      "\r\n" +
      binary +
      "\r\n"
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=empty\r\n"
      "\r\n"
      "\r\n"
      "--XyZ--\r\n"
      "epilogue";
  auto r = ParseMultipart(body, kType);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].name, "title");
  EXPECT_EQ((*r)[0].data, "申请公开");
  EXPECT_EQ((*r)[0].content_type, "text/plain");
  EXPECT_FALSE((*r)[0].has_filename);
  EXPECT_EQ((*r)[1].name, "upload");
  EXPECT_EQ((*r)[1].filename, "报告 \"终稿\".pdf");
  EXPECT_TRUE((*r)[1].has_filename);
  EXPECT_EQ((*r)[1].content_type, "application/pdf");
  EXPECT_EQ((*r)[1].data, binary);
  EXPECT_EQ((*r)[2].name, "empty");
  EXPECT_EQ((*r)[2].data, "");
  FormFields fields = FieldsOf(*r);
  EXPECT_EQ(fields.Get("title"), "申请公开");
  EXPECT_FALSE(fields.Has("upload"));
  EXPECT_TRUE(fields.Has("empty"));
}

TEST(ParseMultipart, ContentTypeVariants) {
  const std::string body =
      "--a b;c\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--a b;c--";
  struct Case {
    std::string content_type;
    bool ok;
  } cases[] = {
      {"multipart/form-data; boundary=\"a b;c\"", true},
      {"Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b;c\"", true},
      {"multipart/form-data; boundary=a", false},  // boundary not in body
      {"multipart/form-data", false},
      {"multipart/form-data; boundary=", false},
      {"multipart/form-data; boundary=\"a b;c", false},
      {"application/x-www-form-urlencoded", false},
      {"multipart/form-data; boundary=" + std::string(71, 'b'), false},
  };
  for (const auto& c : cases) {
    auto r = ParseMultipart(body, c.content_type);
    EXPECT_EQ(r.ok(), c.ok) << c.content_type << " " << r.status().ToString();
  }
}

TEST(ParseMultipart, Malformed) {
  const std::string ok_part = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n";
  struct Case {
    std::string body;
    std::string error_part;
  } cases[] = {
      {"", "no boundary found"},
      {"no boundary here", "no boundary found"},
      {ok_part, "part 1: missing closing boundary"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue",
       "part 1: missing closing"},
      {"--XyZ", "missing closing boundary"},
      {ok_part + "--XyZ\r\nContent-Type: text/plain\r\n\r\nv\r\n--XyZ--",
       "part 2: missing Content-Disposition"},
      {ok_part + ok_part + "--XyZ\r\n\r\nv\r\n--XyZ--", "part 3: missing Content-Disposition"},
      {"--XyZ\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--XyZ--",
       "part 1: malformed Content-Disposition"},
      {"--XyZ\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nv\r\n--XyZ--",
       "part 1: Content-Disposition has no name"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\nv\r\n--XyZ--",
       "part 1: malformed Content-Disposition"},
      {"--XyZ\r\nno colon\r\n\r\nv\r\n--XyZ--", "part 1: malformed header line 1"},
      {"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\nv\r\n--XyZ--",
       "part 1: headers not terminated"},
      {"--XyZjunk\r\n", "part 1: boundary not followed by CRLF"},
      {"--XyZ\nContent-Disposition: form-data; name=a\n\nv\n--XyZ--\n",
       "boundary not followed by CRLF"},
  };
  for (const auto& c : cases) {
    auto r = ParseMultipart(c.body, kType);
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(c.error_part), std::string::npos)
        << c.body << " -> " << r.status().message();
    EXPECT_FALSE(r.status().ui_message().empty());
  }
}

TEST(ParseMultipart, ChineseErrorSaysWhichPart) {
  auto r = ParseMultipart(
      "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=b\r\n\r\n2\r\n"
      "--XyZ\r\nX: y\r\n\r\n3\r\n--XyZ--",
      kType);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "multipart part 3: missing Content-Disposition");
  EXPECT_EQ(r.status().ui_message(), "第3部分缺少 Content-Disposition");
}

TEST(ParseMultipart, EmptyFormIsFine) {
  auto r = ParseMultipart("--XyZ--\r\n", kType);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST(ParseMultipart, Limits) {
  std::string part = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n";
  FormLimits limits;
  limits.max_parts = 2;
  EXPECT_TRUE(ParseMultipart(part + part + "--XyZ--", kType, limits).ok());
  auto r = ParseMultipart(part + part + part + "--XyZ--", kType, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("more than 2 parts"), std::string::npos);

  limits = FormLimits{};
  limits.max_name_bytes = 4;
  r = ParseMultipart(
      "--XyZ\r\nContent-Disposition: form-data; name=\"toolong\"\r\n\r\nv\r\n--XyZ--", kType,
      limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("field name too long"), std::string::npos);

  limits = FormLimits{};
  limits.max_part_headers = 2;
  r = ParseMultipart(
      "--XyZ\r\nContent-Disposition: form-data; name=a\r\nA: 1\r\nB: 2\r\n\r\nv\r\n--XyZ--", kType,
      limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("too many headers"), std::string::npos);

  limits = FormLimits{};
  limits.max_part_header_bytes = 64;
  r = ParseMultipart("--XyZ\r\nContent-Disposition: form-data; name=a\r\nX: " +
                         std::string(100, 'x') + "\r\n\r\nv\r\n--XyZ--",
                     kType, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("headers too large"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web
