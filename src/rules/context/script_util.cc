#include "rules/context/script_util.h"

#include <memory>

namespace shipshape::context {
namespace {

std::string_view Base(std::string_view p) {
  size_t slash = p.find_last_of('/');
  return slash == std::string_view::npos ? p : p.substr(slash + 1);
}

bool IsShellName(std::string_view n) {
  return n == "sh" || n == "bash" || n == "dash" || n == "ash" || n == "zsh" || n == "ksh" ||
         n == "mksh" || n == "busybox";
}

}  // namespace

Shebang ParseShebang(std::string_view text) {
  Shebang sb;
  if (text.substr(0, 2) != "#!") return sb;
  sb.present = true;
  size_t end = text.find('\n');
  sb.next_line = end == std::string_view::npos ? static_cast<uint32_t>(text.size())
                                               : static_cast<uint32_t>(end + 1);
  if (end == std::string_view::npos) end = text.size();
  if (end > 0 && text[end - 1] == '\r') --end;
  sb.line = {0, static_cast<uint32_t>(end)};
  std::vector<ShebangWord> words;
  size_t i = 2;
  while (i < end) {
    while (i < end && (text[i] == ' ' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < end && text[j] != ' ' && text[j] != '\t') ++j;
    if (j > i) words.push_back({text.substr(i, j - i), {static_cast<uint32_t>(i), static_cast<uint32_t>(j)}});
    i = j;
  }
  if (words.empty()) return sb;
  size_t first_arg = 1;
  sb.interpreter = std::string(Base(words[0].text));
  if (sb.interpreter == "env") {
    // `#!/usr/bin/env bash` / `#!/usr/bin/env -S bash -e`.
    size_t k = 1;
    while (k < words.size() && words[k].text.substr(0, 1) == "-") ++k;
    if (k < words.size()) {
      sb.interpreter = std::string(Base(words[k].text));
      first_arg = k + 1;
    } else {
      first_arg = words.size();
    }
  }
  sb.args.assign(words.begin() + static_cast<std::ptrdiff_t>(std::min(first_arg, words.size())),
                 words.end());
  sb.is_shell = IsShellName(sb.interpreter);
  return sb;
}

std::unique_ptr<ParsedScript> ParseScript(std::string_view source) {
  auto p = std::make_unique<ParsedScript>();
  p->text = std::string(source);
  for (char& c : p->text)
    if (c == '\r') c = ' ';
  p->script = shell::Parse(p->text);
  return p;
}

SetOptions OptionsEnabled(const std::vector<std::string_view>& words) {
  SetOptions o;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w.size() < 2 || w[0] != '-' || w == "--") continue;
    if (w[1] == '-') continue;  // Long options of bash itself (`--posix`).
    for (size_t k = 1; k < w.size(); ++k) {
      const char c = w[k];
      if (c == 'e') o.errexit = true;
      if (c == 'x') o.xtrace = true;
      if (c == 'o' && i + 1 < words.size()) {
        std::string_view name = words[i + 1];
        if (name == "errexit") o.errexit = true;
        if (name == "xtrace") o.xtrace = true;
      }
    }
  }
  return o;
}

std::vector<std::string_view> SetArgs(const shell::Command& cmd) {
  std::vector<std::string_view> out;
  for (size_t i = 1; i < cmd.argv.size(); ++i) out.push_back(cmd.argv[i].value());
  return out;
}

bool IsConditional(const shell::Script& script, size_t index) {
  const shell::Command& c = script.commands[index];
  if (c.in_condition) return true;
  using shell::BlockKind;
  for (BlockKind k : {BlockKind::kIf, BlockKind::kCase, BlockKind::kFor, BlockKind::kWhile,
                      BlockKind::kUntil})
    if (script.IsInside(index, k)) return true;
  for (size_t j = index; j-- > 0;) {
    const shell::Command& prev = script.commands[j];
    if (prev.block != c.block || prev.depth != c.depth) continue;
    return prev.connector == shell::Connector::kAnd || prev.connector == shell::Connector::kOr;
  }
  return false;
}

}  // namespace shipshape::context
