// Helpers for the entrypoint-script rules (DX040-DX044): the shebang line, which options a `set`
// command turns on, and a parse of the script through the shared shell parser with CR bytes
// blanked (CRLF scripts are DX044's finding; the other rules should still read them).
#ifndef SHIPSHAPE_RULES_CONTEXT_SCRIPT_UTIL_H_
#define SHIPSHAPE_RULES_CONTEXT_SCRIPT_UTIL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_range.h"
#include "core/workspace.h"
#include "shell/shell.h"

namespace shipshape::context {

struct ShebangWord {
  std::string_view text;
  TextRange range;
};

/// The `#!` line of a script.
struct Shebang {
  bool present = false;
  TextRange line;       ///< `#!...` without the line terminator.
  uint32_t next_line = 0;  ///< Offset just past the line terminator (0 without a shebang).
  std::string interpreter;  ///< Basename; for `/usr/bin/env [-S] bash` the program env runs.
  std::vector<ShebangWord> args;  ///< Words after the interpreter (after env's program).
  /// A POSIX-family shell (sh, bash, dash, ash, zsh, ksh, mksh, busybox sh).
  bool is_shell = false;
};
Shebang ParseShebang(std::string_view text);

/// A script parsed for rules: the text with every '\r' replaced by ' ' (same offsets), and its
/// shell parse. Keeps the text alive for the parse's views.
struct ParsedScript {
  std::string text;
  shell::Script script;
};
std::unique_ptr<ParsedScript> ParseScript(std::string_view source);

/// Options a `set` command (or shebang arguments) turn on, from clusters like `-eux`, `-o name`
/// and `-euo pipefail`. `+x` turns off and is not counted.
struct SetOptions {
  bool errexit = false;
  bool xtrace = false;
};
SetOptions OptionsEnabled(const std::vector<std::string_view>& words);
/// The argv values of a `set` command after the name.
std::vector<std::string_view> SetArgs(const shell::Command& cmd);

/// True if command `index` runs only under a condition: inside an if/case/loop, in a condition,
/// or after `&&` / `||`.
bool IsConditional(const shell::Script& script, size_t index);

/// How the workspace's Dockerfiles use a script, found by its file name in their instructions.
/// Knowing the Dockerfile avoids reporting what its build already takes care of.
struct ScriptUse {
  /// A RUN converts the script's line endings (`dos2unix`, `sed -i 's/\r$//'`, `tr -d '\r'`).
  bool converts_crlf = false;
  /// Some ENTRYPOINT/CMD/RUN names it in exec form as the program itself (`["/entrypoint.sh"]`,
  /// `["tini", "--", "/entrypoint.sh"]`): the kernel executes the file directly.
  bool executed_directly = false;
  /// Some instruction starts it through a shell (`["sh", "/entrypoint.sh"]`, shell form
  /// `ENTRYPOINT /entrypoint.sh`, whose `/bin/sh -c` runs a file without `#!` as a script).
  bool run_by_shell = false;
};
/// Scans the Dockerfiles of `ws` (none without a workspace) that can see the script at
/// `script_path` (their directory contains it, or it sits in a directory above them, as with a
/// `..` context) for instructions naming its file name. Sibling services' Dockerfiles, which have
/// entrypoints of their own, are not read.
ScriptUse FindScriptUse(const Workspace* ws, std::string_view script_path);

}  // namespace shipshape::context

#endif  // SHIPSHAPE_RULES_CONTEXT_SCRIPT_UTIL_H_
