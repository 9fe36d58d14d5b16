// Every check in the peer-tool catalogue (../shared/reference/dockerfile-rules.md) is accounted for
// by a rule in the registry: implemented (a rule carries the peer's id as an alias) or listed as
// not applicable (a Status::kNotApplicable entry carrying the alias, with the reason in its docs).
#include <gtest/gtest.h>

#include "core/strings.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rules/registry.h"

namespace shipshape {
namespace {

std::string ReadCatalogue() {
  const std::filesystem::path p =
      std::filesystem::path(SHIPSHAPE_SHARED_DIR) / "reference" / "dockerfile-rules.md";
  std::ifstream in(p);
  EXPECT_TRUE(in.good()) << "cannot read " << p;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Section(const std::string& text, const std::string& from, const std::string& to) {
  size_t a = text.find(from);
  size_t b = text.find(to, a == std::string::npos ? 0 : a);
  EXPECT_NE(a, std::string::npos) << "catalogue lacks section " << from;
  if (a == std::string::npos) return {};
  return text.substr(a, b == std::string::npos ? std::string::npos : b - a);
}

std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cur;
  bool in_code = false;
  for (size_t i = 1; i < row.size(); ++i) {
    char c = row[i];
    if (c == '`') in_code = !in_code;
    if (c == '|' && !in_code) {
      size_t s = cur.find_first_not_of(' '), e = cur.find_last_not_of(' ');
      cells.push_back(s == std::string::npos ? "" : cur.substr(s, e - s + 1));
      cur.clear();
    } else {
      cur += c;
    }
  }
  return cells;
}

// `id` occurs in `text` as a whole token (not inside a longer identifier).
bool HasToken(const std::string& text, const std::string& id) {
  const std::string t = Lower(text), needle = Lower(id);
  auto ident = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t at = t.find(needle); at != std::string::npos; at = t.find(needle, at + 1)) {
    const bool left = at == 0 || !ident(t[at - 1]);
    const bool right = at + needle.size() >= t.size() || !ident(t[at + needle.size()]);
    if (left && right) return true;
  }
  return false;
}

// The Checkov column lists ids as "7", "2:5", "1, 2:11".
std::set<std::string> CheckovIds(const std::string& cell) {
  std::set<std::string> out;
  const std::regex id("(2:)?[0-9]+");
  for (auto it = std::sregex_iterator(cell.begin(), cell.end(), id); it != std::sregex_iterator();
       ++it)
    out.insert(it->str());
  return out;
}

struct Known {
  std::vector<std::pair<std::string, const Rule*>> ids;  // alias id (Checkov shortened) -> rule
};

Known KnownIds() {
  Known k;
  for (const Rule* r : AllRules()) {
    if (r->target != Target::kDockerfile && r->target != Target::kContext) continue;
    for (const Alias& a : r->aliases) {
      std::string id(a.id);
      // The catalogue writes CKV_DOCKER_7 as "7" and CKV2_DOCKER_5 as "2:5".
      if (a.tool == "checkov") {
        if (id.rfind("CKV2_DOCKER_", 0) == 0) id = "2:" + id.substr(12);
        else if (id.rfind("CKV_DOCKER_", 0) == 0) id = id.substr(11);
      }
      k.ids.emplace_back(id, r);
    }
  }
  return k;
}

TEST(Catalogue, EveryMergedTableRowIsImplementedOrNotApplicable) {
  const std::string text = ReadCatalogue();
  const std::string merged = Section(text, "## 1. Merged check table", "## 2. hadolint");
  const Known known = KnownIds();
  // Rows no peer implements (no id to match): the rule that covers each.
  const std::map<std::string, std::string> own = {{"No digest pin", "DF003"}};
  std::istringstream lines(merged);
  std::string line, uncovered;
  int rows = 0, not_applicable = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("| ", 0) != 0 || line.rfind("| Check ", 0) == 0) continue;
    std::vector<std::string> c = Cells(line);
    ASSERT_GE(c.size(), 9u) << line;
    ++rows;
    if (auto it = own.find(c[0]); it != own.end()) {
      EXPECT_NE(FindRule(it->second), nullptr) << c[0];
      continue;
    }
    const Rule* hit = nullptr;
    for (size_t col = 2; col <= 7 && !hit; ++col) {
      for (const auto& [id, rule] : known.ids) {
        const bool checkov_col = col == 5;
        const bool numeric = !id.empty() && (std::isdigit(static_cast<unsigned char>(id[0])));
        if (numeric != checkov_col) continue;
        if (checkov_col ? CheckovIds(c[col]).count(id) > 0 : HasToken(c[col], id)) {
          hit = rule;
          break;
        }
      }
    }
    if (!hit) uncovered += "  - " + c[0] + "\n";
    else if (hit->status == Status::kNotApplicable) ++not_applicable;
  }
  EXPECT_GT(rows, 100) << "the catalogue's merged table was not found";
  EXPECT_TRUE(uncovered.empty()) << "catalogue rows with no rule and no not-applicable entry:\n"
                                 << uncovered;
  EXPECT_GT(not_applicable, 0);
}

TEST(Catalogue, EveryHadolintRuleHasAnAlias) {
  const std::string s = Section(ReadCatalogue(), "### 2.1", "### 2.2");
  // Retired or never assigned upstream (the catalogue says so in the same section).
  const std::set<std::string> retired = {"DL3005", "DL3017", "DL3031", "DL3039", "DL4002"};
  const std::regex dl("DL[0-9]{4}");
  std::set<std::string> codes;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), dl); it != std::sregex_iterator(); ++it)
    codes.insert(it->str());
  EXPECT_GE(codes.size(), 70u);
  for (const std::string& code : codes) {
    if (retired.count(code)) continue;
    EXPECT_NE(FindRule(code), nullptr) << "hadolint " << code << " has no shipshape rule";
  }
}

TEST(Catalogue, EveryBuildkitCheckHasAnAlias) {
  const std::string s = Section(ReadCatalogue(), "### 3.1", "### 3.2");
  const std::regex row(R"(\n\| ([A-Z][A-Za-z]+) \|)");
  int n = 0;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), row); it != std::sregex_iterator();
       ++it) {
    const std::string name = (*it)[1];
    if (name == "Name") continue;
    ++n;
    const Rule* r = FindRule(name);
    EXPECT_NE(r, nullptr) << "BuildKit check " << name << " has no shipshape rule";
  }
  EXPECT_GE(n, 20);
}

}  // namespace
}  // namespace shipshape
