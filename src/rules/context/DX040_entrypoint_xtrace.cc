// An entrypoint script that turns on shell tracing (`set -x`), printing every command, with its
// expanded secrets, to the container log.
#include <algorithm>
#include <optional>

#include "rules/context/context_util.h"
#include "rules/context/script_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


/// Whole line (with its terminator) holding `r`, if nothing else but blanks and a `;` is on it.
std::optional<TextRange> AloneOnLine(std::string_view text, TextRange r) {
  size_t start = r.start;
  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t')) --start;
  if (start > 0 && text[start - 1] != '\n') return std::nullopt;
  size_t end = r.end;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t' || text[end] == ';' ||
                               text[end] == '\r'))
    ++end;
  if (end < text.size() && text[end] != '\n') return std::nullopt;
  if (end < text.size()) ++end;
  return TextRange{static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
}

using Words = std::vector<std::pair<std::string_view, TextRange>>;

/// Edits turning xtrace off in a list of option words (`-eux`, `-o xtrace`, `-euo xtrace`):
/// letters are dropped from clusters, words left empty are deleted with the blanks before them.
/// `all_gone` is set when no word remains.
std::vector<Edit> DropXtrace(std::string_view text, const Words& words, bool* all_gone) {
  std::vector<Edit> edits;
  size_t removed = 0;
  auto delete_word = [&](TextRange wr) {
    uint32_t s = wr.start;
    while (s > 0 && (text[s - 1] == ' ' || text[s - 1] == '\t')) --s;
    edits.push_back(Edit::Delete({s, wr.end}));
    ++removed;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    const auto& [w, r] = words[i];
    if (w.size() < 2 || w[0] != '-' || w[1] == '-') continue;
    std::string letters;
    for (char c : w.substr(1))
      if (c != 'x') letters += c;
    const size_t o = w.find('o');
    if (o != std::string_view::npos && i + 1 < words.size() && words[i + 1].first == "xtrace") {
      letters.erase(letters.find('o'), 1);
      delete_word(words[i + 1].second);
    }
    if (letters.empty()) {
      delete_word(r);
    } else if (letters != w.substr(1)) {
      edits.push_back(Edit::Replace(r, "-" + letters));
    }
    if (o != std::string_view::npos) ++i;  // The option name after `o` is not an option word.
  }
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.range.start < b.range.start; });
  // Adjacent deletions (` -o` then ` xtrace`) become one edit: fixes need disjoint edits.
  std::vector<Edit> merged;
  for (Edit& e : edits) {
    if (!merged.empty() && e.range.start <= merged.back().range.end) {
      merged.back().range.end = std::max(merged.back().range.end, e.range.end);
      merged.back().text += e.text;
    } else {
      merged.push_back(std::move(e));
    }
  }
  *all_gone = removed == words.size();
  return merged;
}

void Check(const SourceFile& file, RuleContext& ctx) {
  if (file.kind != FileKind::kEntrypoint) return;
  const std::string_view text = file.text;
  const context::Shebang sb = context::ParseShebang(text);
  if (sb.present && !sb.is_shell) return;
  const char* const kWhy =
      ": every command is echoed with its arguments expanded, so passwords and tokens passed "
      "through the environment end up in `docker logs` and the log pipeline";
  if (sb.present) {
    std::vector<std::string_view> words;
    Words ranged;
    for (const auto& w : sb.args) {
      words.push_back(w.text);
      ranged.push_back({w.text, w.range});
    }
    if (context::OptionsEnabled(words).xtrace) {
      bool all_gone = false;
      std::vector<Edit> edits = DropXtrace(text, ranged, &all_gone);
      ctx.Report(sb.line, "the shebang turns on shell tracing (-x)" + std::string(kWhy))
          .WithFix("Remove the x flag", Applicability::kSafe, std::move(edits));
    }
  }
  const auto parsed = context::ParseScript(text);
  const shell::Script& script = parsed->script;
  for (size_t i = 0; i < script.commands.size(); ++i) {
    const shell::Command& c = script.commands[i];
    if (c.name() != "set" || !c.argv[0].IsStatic()) continue;
    if (!context::OptionsEnabled(context::SetArgs(c)).xtrace) continue;
    // `[ -n "$DEBUG" ] && set -x`, `if [ "$TRACE" ]; then set -x; fi`: opt-in debugging.
    if (context::IsConditional(script, i)) continue;
    Words words;
    for (size_t k = 1; k < c.argv.size(); ++k) words.push_back({c.argv[k].value(), c.argv[k].range});
    bool all_gone = false;
    std::vector<Edit> edits = DropXtrace(text, words, &all_gone);
    auto d = ctx.Report(c.range, "`" + std::string(c.range.Of(text)) + "` turns on shell tracing" + kWhy);
    if (all_gone) {
      if (auto line = AloneOnLine(text, c.range)) {
        d.WithFix("Remove the `set -x` line", Applicability::kSafe, {Edit::Delete(*line)});
      }
    } else {
      d.WithFix("Remove the x flag", Applicability::kSafe, std::move(edits));
    }
  }
}

}  // namespace

extern constinit const Rule kEntrypointXtrace{
    .code = "DX040",
    .name = "entrypoint-xtrace",
    .summary = "entrypoint script enables shell tracing (set -x), leaking secrets into logs",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = "docker-entrypoint.sh", .before = "#!/bin/sh\nset -x\nexec \"$@\"\n", .after = "#!/bin/sh\nexec \"$@\"\n"},
    .docs = R"md(## What it does
Flags entrypoint scripts (`docker-entrypoint.sh`, `entrypoint.sh`) that turn on xtrace
unconditionally: `set -x`, `set -ex`/`-eux`/`-euxo pipefail`, `set -o xtrace`, or `-x` on the
shebang line. Tracing switched on behind a condition (`[ -n "$DEBUG" ] && set -x`, inside an
`if`) is an opt-in debugging aid and is not flagged.

## Why is this bad
Entrypoints typically template configuration from environment variables (`DB_PASSWORD`,
`API_TOKEN`) and run commands with them. With xtrace on, the shell prints each command after
expansion to stderr, which is the container log: the secrets land in `docker logs`, log drivers,
CI output and whatever aggregates them.

## Example
```sh
#!/bin/sh
set -ex
psql "postgres://app:$DB_PASSWORD@db/app" -f init.sql
exec "$@"
```

## Use instead
```sh
#!/bin/sh
set -e
[ -n "$DEBUG" ] && set -x
psql "postgres://app:$DB_PASSWORD@db/app" -f init.sql
exec "$@"
```

## Fix safety
Safe: only the trace output on stderr changes; commands, exit codes and stdout are the same. The
fix drops the `x` from the option cluster (`-eux` becomes `-eu`), removes `-o xtrace`, or deletes a
line that only held `set -x`. When `set -x` shares its line with other commands, no fix is
offered.

## References
- https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#set
- https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html
)md",
};

}  // namespace shipshape
