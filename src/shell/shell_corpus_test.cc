// The shell parser over every RUN of the shared corpus (optional test set: needs ../shared).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "shell/shell.h"

namespace shipshape::shell {
namespace {

// Joins `RUN` instructions (shell form) from a Dockerfile: lines starting with RUN, continued while
// they end in a backslash (comment and blank lines inside are dropped, as BuildKit does), with
// leading `--flag` options removed. Files using a non-POSIX SHELL or another escape char are skipped.
std::vector<std::string> ExtractRuns(const std::string& file) {
  std::vector<std::string> runs;
  if (file.find("powershell") != std::string::npos || file.find("pwsh") != std::string::npos ||
      file.find("escape=`") != std::string::npos || file.find("SHELL [\"cmd") != std::string::npos)
    return runs;
  std::istringstream in(file);
  std::string line;
  auto continued = [](std::string& s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
    if (!s.empty() && s.back() == '\\') {
      s.pop_back();
      return true;
    }
    return false;
  };
  while (std::getline(in, line)) {
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string::npos) continue;
    if (line.size() - i < 4 || (line.compare(i, 4, "RUN ") != 0 && line.compare(i, 4, "run ") != 0))
      continue;
    std::string body = line.substr(i + 4);
    bool cont = continued(body);
    while (cont && std::getline(in, line)) {
      size_t j = line.find_first_not_of(" \t");
      if (j == std::string::npos || line[j] == '#') continue;  // blank/comment lines inside RUN
      cont = continued(line);
      body += '\n';  // keep line structure: the Dockerfile parser joins with the newline removed
      body.pop_back();
      body += ' ';
      body += line;
    }
    // Drop RUN flags such as --mount=type=cache,target=/x.
    size_t k = body.find_first_not_of(" \t");
    while (k != std::string::npos && body.compare(k, 2, "--") == 0) {
      size_t sp = body.find_first_of(" \t", k);
      k = sp == std::string::npos ? sp : body.find_first_not_of(" \t", sp);
    }
    if (k == std::string::npos || body[k] == '[') continue;  // empty or exec form
    if (body.compare(k, 2, "<<") == 0) continue;              // heredoc RUN: body is elsewhere
    runs.push_back(body.substr(k));
  }
  return runs;
}

TEST(ShellParseTest, ParsesEveryRunInCorpus) {
  const std::filesystem::path dir = std::filesystem::path(SHIPSHAPE_SHARED_DIR) / "corpus/dockerfiles";
  ASSERT_TRUE(std::filesystem::exists(dir)) << "no corpus at " << dir;
  size_t runs = 0, with_commands = 0, clean = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream f(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    for (const std::string& body : ExtractRuns(ss.str())) {
      ++runs;
      Script s = Parse(body);
      if (!s.commands.empty()) ++with_commands;
      if (s.ok()) ++clean;
      for (const Command& c : s.commands) {
        ASSERT_LE(c.range.end, body.size());
        for (const Word& w : c.argv) ASSERT_TRUE(w.range.Of(body) == w.raw);
      }
    }
  }
  EXPECT_GT(runs, 500u);
  // Every RUN runs something; heredoc RUNs (`RUN <<EOF`) are the only exception here.
  EXPECT_EQ(with_commands, runs) << with_commands << "/" << runs;
  EXPECT_GE(clean * 1000, runs * 995) << clean << "/" << runs;
}

}  // namespace
}  // namespace shipshape::shell
