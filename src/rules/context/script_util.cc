#include "rules/context/script_util.h"


#include <memory>
#include <string>

#include "dockerfile/dockerfile.h"
#include "patterns/glob.h"

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

/// Words of a command line as far as naming a file goes: split at blanks, quotes and operators.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t s = text.find_first_not_of(" \t\r\n;&|'\"()<>`", i);
    if (s == std::string_view::npos) break;
    size_t e = text.find_first_of(" \t\r\n;&|'\"()<>`", s);
    if (e == std::string_view::npos) e = text.size();
    out.push_back(text.substr(s, e - s));
    i = e;
  }
  return out;
}

/// `word` names the file `name`: same base name, or a glob (`/usr/local/bin/*.sh`) matching it.
bool NamesFile(std::string_view word, const std::string& name) {
  const std::string base(Base(word));
  if (base == name) return true;
  return base.find_first_of("*?[") != std::string::npos &&
         patterns::GlobMatch(base, name);
}

bool MentionsFile(std::string_view text, const std::string& name) {
  for (std::string_view t : Tokens(text))
    if (NamesFile(t, name)) return true;
  return false;
}

/// The command text converts CRLF line endings to LF.
bool StripsCarriageReturns(std::string_view t) {
  if (t.find("dos2unix") != std::string_view::npos || t.find("fromdos") != std::string_view::npos)
    return true;
  const bool cr = t.find("\\r") != std::string_view::npos || t.find("\\015") != std::string_view::npos;
  return cr && (t.find("sed") != std::string_view::npos || t.find("tr ") != std::string_view::npos ||
                t.find("perl") != std::string_view::npos);
}

/// `a` is `b` or a directory above it ("." is above everything).
bool IsAncestorOrSelf(const std::string& a, const std::string& b) {
  if (a == "." || a == b) return true;
  return b.size() > a.size() && b.compare(0, a.size(), a) == 0 && b[a.size()] == '/';
}

void ScanInstruction(const dockerfile::Instruction& ins, const std::string& name, ScriptUse* use) {
  using dockerfile::Keyword;
  if (ins.onbuild) ScanInstruction(*ins.onbuild, name, use);
  if (ins.kind == Keyword::kRun) {
    // Build steps matter only when they rewrite the script; running it there says nothing about
    // how the container starts.
    std::string text(ins.rest.text);
    for (const dockerfile::Heredoc& h : ins.heredocs) text += "\n" + h.content;
    if (ins.json_form)
      for (const dockerfile::Arg& a : ins.args) text += " " + a.value;
    if (StripsCarriageReturns(text) && MentionsFile(text, name)) use->converts_crlf = true;
    return;
  }
  if (ins.kind != Keyword::kEntrypoint && ins.kind != Keyword::kCmd) return;
  if (!ins.json_form) {
    // Shell form: `/bin/sh -c` runs it, and a shell runs a file without `#!` as a script.
    if (MentionsFile(ins.rest.text, name)) use->run_by_shell = true;
    return;
  }
  for (size_t i = 0; i < ins.args.size(); ++i) {
    if (!MentionsFile(ins.args[i].value, name)) continue;
    bool shell = false;
    for (size_t j = 0; j < i; ++j) shell |= IsShellName(Base(ins.args[j].value));
    // `["sh", "-c", "./entrypoint.sh"]` and `["bash", "/entrypoint.sh"]` alike.
    (shell || Base(ins.args[i].value) != name ? use->run_by_shell : use->executed_directly) = true;
    return;
  }
}

}  // namespace

ScriptUse FindScriptUse(const Workspace* ws, std::string_view script_path) {
  ScriptUse use;
  if (!ws) return use;
  const std::string name(Base(script_path));
  const std::string script_dir = NormalizePath(DirName(script_path));
  for (const SourceFile* f : ws->files) {
    if (!f || f->kind != FileKind::kDockerfile || f->text.find(name) == std::string::npos) continue;
    const std::string dir = NormalizePath(DirName(f->path));
    if (!IsAncestorOrSelf(dir, script_dir) && !IsAncestorOrSelf(script_dir, dir)) continue;
    const auto df = dockerfile::Parse(f->text);
    for (const dockerfile::Instruction& ins : df->instructions) ScanInstruction(ins, name, &use);
  }
  return use;
}

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
