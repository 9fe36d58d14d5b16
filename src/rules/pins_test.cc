#include "rules/pins.h"

#include <gtest/gtest.h>

#include "core/embedded.h"
#include "rules/util.h"

namespace shipshape::rules {
namespace {

TEST(ImagePins, EmbeddedTableParsesAndEveryTagIsPinnable) {
  auto table = ParsePinTable(EmbeddedFile("image-pins.json"));
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_GE(table->size(), 10u);
  for (const auto& [repo, tag] : *table) {
    EXPECT_TRUE(IsValidImageReference(repo + ":" + tag)) << repo << ":" << tag;
    EXPECT_NE(tag, "latest") << repo;
    EXPECT_EQ(PinFor(Config(), repo), tag);
  }
}

TEST(ImagePins, TableErrorsNameTheEntry) {
  EXPECT_FALSE(ParsePinTable("[]").ok());
  EXPECT_FALSE(ParsePinTable("{\"pins\": 1}").ok());
  auto bad = ParsePinTable("{\"pins\": {\"alpine\": \"latest\"}}");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("alpine"), std::string::npos);
  EXPECT_FALSE(ParsePinTable("{\"pins\": {\"alpine\": 3}}").ok());
}

TEST(ImagePins, ConfigOverridesTheTable) {
  Config c;
  c.image_pins["alpine"] = "3.20";
  c.image_pins["ghcr.io/acme/api"] = "1.2";
  EXPECT_EQ(PinFor(c, "alpine"), "3.20");
  EXPECT_EQ(PinFor(c, "ghcr.io/acme/api"), "1.2");
  EXPECT_EQ(PinFor(c, "example.com/unknown"), std::nullopt);
  EXPECT_NE(PinFixTitle(c, "alpine", "3.20").find("configuration"), std::string::npos);
  EXPECT_NE(PinFixTitle(Config(), "alpine", "3.22").find("pin table"), std::string::npos);
}

// Issue 16: `FROM postgres` pinned to a major below what ran broke the database. Stateful images
// from the built-in table are suggested only; the project's own pins still apply.
TEST(ImagePins, StatefulImagesAreSuggestedNotPinned) {
  auto list = ParseStatefulList(EmbeddedFile("image-pins.json"));
  ASSERT_TRUE(list.ok()) << list.error().message;
  for (std::string_view db : {"postgres", "mysql", "mariadb", "mongo", "redis", "elasticsearch"})
    EXPECT_TRUE(IsStatefulImage(db)) << db;
  EXPECT_FALSE(IsStatefulImage("alpine"));
  EXPECT_FALSE(IsStatefulImage("node"));
  const Edit e = Edit::Insert(14, ":17");
  Fix db = PinFix(Config(), "postgres", "17", e);
  EXPECT_EQ(db.applicability, Applicability::kDisplayOnly);
  EXPECT_NE(db.title.find("not lower"), std::string::npos) << db.title;
  Config mine;
  mine.image_pins["postgres"] = "16";
  EXPECT_EQ(PinFix(mine, "postgres", "16", e).applicability, Applicability::kUnsafe);
  EXPECT_EQ(PinFix(Config(), "alpine", "3.22", e).applicability, Applicability::kUnsafe);
  EXPECT_FALSE(ParseStatefulList("{\"stateful\": 1}").ok());
  EXPECT_FALSE(ParseStatefulList("{\"stateful\": [1]}").ok());
}

TEST(ImagePins, EditInsertsOrReplacesTheTagOnly) {
  auto apply = [](std::string src, TextRange r, std::string_view tag) -> std::string {
    std::optional<Edit> e = PinEdit(src, r, tag);
    if (!e) return "<none>";
    return src.replace(e->range.start, e->range.size(), e->text);
  };
  EXPECT_EQ(apply("FROM alpine AS b", {5, 11}, "3.22"), "FROM alpine:3.22 AS b");
  EXPECT_EQ(apply("FROM alpine:latest", {5, 18}, "3.22"), "FROM alpine:3.22");
  EXPECT_EQ(apply("image: 'localhost:5000/app'", {7, 27}, "1"), "image: 'localhost:5000/app:1'");
  EXPECT_EQ(apply("image: localhost:5000/app:latest", {7, 32}, "1"), "image: localhost:5000/app:1");
  EXPECT_EQ(apply("FROM node:lts", {5, 13}, "22"), "<none>");
  EXPECT_EQ(apply("FROM $BASE", {5, 10}, "22"), "<none>");
  EXPECT_EQ(apply("FROM a@sha256:00", {5, 16}, "22"), "<none>");
}

}  // namespace
}  // namespace shipshape::rules
