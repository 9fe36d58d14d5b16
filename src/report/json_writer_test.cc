#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>

#include "report/json_dom.h"

namespace shipshape::report {
namespace {

using nlohmann::json;

// What the reports printed before the streaming writer: nlohmann's dump.
std::string Dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

void Walk(JsonWriter& w, const json& j) { WriteDom(w, j); }

std::string Write(const json& j) {
  std::string out;
  JsonWriter w(out);
  Walk(w, j);
  return out;
}

std::string Quoted(std::string_view s) {
  std::string out;
  AppendJsonString(out, s);
  return out;
}

TEST(JsonWriter, EscapesLikeNlohmann) {
  EXPECT_EQ(Quoted("plain"), "\"plain\"");
  EXPECT_EQ(Quoted("a\"b\\c\n\t\r\b\f"), R"("a\"b\\c\n\t\r\b\f")");
  EXPECT_EQ(Quoted(std::string_view("\x01\x1f\x7f", 3)), "\"\\u0001\\u001f\x7f\"");
  EXPECT_EQ(Quoted("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x90\xB3"), "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x90\xB3\"");
  // Invalid UTF-8 becomes U+FFFD, one per maximal bad prefix; the breaking byte is read again.
  EXPECT_EQ(Quoted("a\xFF" "b"), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(Quoted("\xE2\x82" "A"), "\"\xEF\xBF\xBD" "A\"");
  EXPECT_EQ(Quoted("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  EXPECT_EQ(Quoted("\xC3"), "\"\xEF\xBF\xBD\"");                                 // cut short
  for (const char* s : {"a\xFF" "b", "\xE2\x82" "A", "\xED\xA0\x80", "\xC3", "\xC0\xAF", "\xF4\x90\x80\x80",
                        "\xE0\x80\x80", "\xF0\x8F\xBF\xBF", "x\xE2\x82\xE2\x82\xAC"})
    EXPECT_EQ(Quoted(s), json(s).dump(-1, ' ', false, json::error_handler_t::replace)) << s;
}

TEST(JsonWriter, LayoutMatchesNlohmannDump) {
  const json doc = {{"diagnostics", json::array({{{"a", 1}, {"fix", nullptr}, {"related", json::array()}}})},
                    {"empty", json::object()},
                    {"list", {1, "two", false, json::array({json::object()})}},
                    {"neg", -3},
                    {"version", 1}};
  EXPECT_EQ(Write(doc), Dump(doc));
  EXPECT_EQ(Write(json::array()), "[]");
  EXPECT_EQ(Write(json::object()), "{}");
}

// Random documents with random byte strings (valid and invalid UTF-8, control characters):
// whatever the shape, the streamed text is exactly nlohmann's.
json RandomValue(std::mt19937& rng, int depth) {
  const int kind = static_cast<int>(rng() % (depth > 3 ? 4 : 6));
  auto random_string = [&] {
    std::string s;
    const size_t n = rng() % 12;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t r = rng() % 10;
      if (r < 5) s += static_cast<char>('a' + rng() % 26);
      else if (r < 7) s += static_cast<char>(rng() % 0x20);
      else if (r < 8) s += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x90\xB3"[rng() % 9];
      else s += static_cast<char>(rng() % 256);
    }
    return s;
  };
  switch (kind) {
    case 0: return random_string();
    case 1: return static_cast<int64_t>(rng() % 2000) - 1000;
    case 2: return rng() % 2 == 0;
    case 3: return nullptr;
    case 4: {
      json a = json::array();
      for (size_t i = rng() % 4; i > 0; --i) a.push_back(RandomValue(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (size_t i = rng() % 4; i > 0; --i) o[random_string()] = RandomValue(rng, depth + 1);
      return o;
    }
  }
}

TEST(JsonWriter, RandomDocumentsMatchNlohmann) {
  std::mt19937 rng(12345);
  for (int i = 0; i < 3000; ++i) {
    const json doc = RandomValue(rng, 0);
    ASSERT_EQ(Write(doc), Dump(doc)) << "document " << i;
  }
}

TEST(JsonWriter, SlicesSplicedIntoAnArrayMatchOneWriter) {
  // What RenderJson does with many findings: slices of an array rendered by writers that start
  // inside it, concatenated. Same text as writing the array in one go, for any cut.
  std::mt19937 rng(7);
  json arr = json::array();
  for (int i = 0; i < 40; ++i) arr.push_back(RandomValue(rng, 2));
  const json doc = {{"a", arr}, {"z", 1}};
  for (size_t cut : {size_t{1}, size_t{17}, size_t{39}}) {
    std::string out;
    JsonWriter w(out);
    w.BeginObject();
    w.Key("a");
    w.BeginArray();
    std::string first, second;
    JsonWriter w1(first, 2, w.depth(), true), w2(second, 2, w.depth(), false);
    for (size_t i = 0; i < cut; ++i) Walk(w1, arr[i]);
    for (size_t i = cut; i < arr.size(); ++i) Walk(w2, arr[i]);
    out += first + second;
    w.MarkNonEmpty();
    w.EndArray();
    w.Key("z");
    w.Int(1);
    w.EndObject();
    EXPECT_EQ(out, Dump(doc)) << "cut " << cut;
  }
}

}  // namespace
}  // namespace shipshape::report
