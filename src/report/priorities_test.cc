// Report priorities on real linter output: an unhardened Compose service's six routine hardening
// findings read as one entry (codes kept), and "fix these first" puts a critical finding ahead of
// them.
#include "report/priorities.h"

#include <gtest/gtest.h>

#include "config/config.h"
#include "lint/linter.h"

namespace shipshape::report {
namespace {

struct Linted {
  SourceFile file;
  Config config;
  Report report;
  std::vector<Item> items;

  explicit Linted(std::string text) {
    file.path = "compose.yaml";
    file.kind = FileKind::kCompose;
    file.text = std::move(text);
    LintOptions opts;
    opts.config = &config;
    report.files.push_back({&file, LintFile(file, opts)});
    items = Flatten(report, /*fingerprints=*/false);
  }
};

constexpr const char* kStack =
    "services:\n"
    "  web:\n"
    "    image: nginx:1.27\n"
    "    volumes:\n"
    "      - /var/run/docker.sock:/var/run/docker.sock\n"
    "  cache:\n"
    "    image: redis:7.4\n";

TEST(Priorities, HardeningGapsOfOneServiceAreOneEntry) {
  Linted l(kStack);
  size_t hardening = 0;
  for (const Item& it : l.items) hardening += IsServiceHardeningCode(it.code);
  ASSERT_GE(hardening, 8u) << "both services should lack several hardening settings";
  const std::vector<Entry> entries = Entries(l.items);
  size_t grouped = 0, items_in_entries = 0;
  for (const Entry& e : entries) {
    items_in_entries += e.items.size();
    if (!e.grouped()) continue;
    ++grouped;
    const std::string_view service = ServiceOf(e.items[0]->message);
    EXPECT_TRUE(service == "web" || service == "cache") << service;
    for (const Item* it : e.items) {
      EXPECT_TRUE(IsServiceHardeningCode(it->code)) << it->code;
      EXPECT_EQ(ServiceOf(it->message), service);
    }
    EXPECT_EQ(e.confidence, 0.75);
    const std::string text = EntryText(e);
    EXPECT_EQ(text.rfind("service `" + std::string(service) + "` lacks ", 0), 0u) << text;
    EXPECT_NE(GroupCodes(e).find("DC023"), std::string::npos) << GroupCodes(e);
  }
  EXPECT_EQ(grouped, 2u);  // one per service
  EXPECT_EQ(items_in_entries, l.items.size());  // nothing lost, nothing counted twice
  EXPECT_EQ(entries.size(), l.items.size() - hardening + 2);
}

TEST(Priorities, CriticalFindingRanksFirst) {
  Linted l(kStack);
  const std::vector<Entry> ranked = Ranked(Entries(l.items));
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked[0].severity, Severity::kCritical);
  EXPECT_EQ(ranked[0].items[0]->code, "DC031");  // the engine socket
  for (size_t i = 1; i < ranked.size(); ++i) EXPECT_GE(ranked[i - 1].rank, ranked[i].rank);
}

TEST(Priorities, ServiceOfReadsTheQuotedName) {
  EXPECT_EQ(ServiceOf("service `web-1` keeps Docker's default capabilities"), "web-1");
  EXPECT_EQ(ServiceOf("no service here"), "");
  EXPECT_EQ(ServiceOf("service `unterminated"), "");
}

}  // namespace
}  // namespace shipshape::report
