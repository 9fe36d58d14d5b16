// `ENV key value` / `LABEL key value`: the legacy whitespace-separated form.
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

// True when `v` has a blank outside quotes, i.e. `key=v` would split it into several words.
bool HasUnquotedBlank(std::string_view v, char escape) {
  char quote = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c == escape && quote != '\'') {
      ++i;
    } else if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == ' ' || c == '\t') {
      return true;
    }
  }
  return false;
}

void CheckInstruction(const dockerfile::Instruction& ins, char escape, RuleContext& ctx) {
  if (ins.kind != dockerfile::Keyword::kEnv && ins.kind != dockerfile::Keyword::kLabel) return;
  const std::string_view src = ctx.source();
  for (const dockerfile::KeyValue& kv : ins.pairs) {
    if (!kv.legacy) continue;
    const std::string kw = Upper(ins.keyword);
    DiagnosticBuilder b = ctx.Report(
        kv.key_range, kw + " " + kv.key + " uses the legacy `key value` form; write " + kv.key + "=...");
    const TextRange gap{kv.key_range.end, kv.value_range.start};
    std::string_view gap_text = gap.Of(src);
    // A comment line inside the continuation would be swallowed by the edit.
    if (gap_text.find('#') != std::string_view::npos ||
        kv.value_range.Of(src).find('#') != std::string_view::npos)
      continue;
    const std::string& v = kv.value;
    if (!HasUnquotedBlank(v, escape)) {
      // `ENV PATH /x:$PATH` means exactly `ENV PATH=/x:$PATH`.
      b.WithFix("Use " + kv.key + "=value", Applicability::kSafe, {Edit::Replace(gap, "=")});
      continue;
    }
    // The legacy value is the rest of the line, blanks included. Double quotes keep it one word
    // and leave `$VAR` expansion as it was; values with quotes or escapes would change meaning.
    if (v.find_first_of("\"'") != std::string::npos || v.find(escape) != std::string::npos) continue;
    b.WithFix("Use " + kv.key + "=\"value\"", Applicability::kSafe,
              {Edit::Replace(gap, "=\""), Edit::Insert(kv.value_range.end, "\"")});
  }
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Instruction& ins : df.instructions) {
    CheckInstruction(ins, df.escape, ctx);
    if (ins.onbuild) CheckInstruction(*ins.onbuild, df.escape, ctx);
  }
}

}  // namespace

extern constinit const Rule kLegacyKeyValueFormat{
    .code = "DF039",
    .name = "legacy-key-value-format",
    .summary = "ENV or LABEL uses the legacy `key value` form",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kMaintainability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"buildkit", "LegacyKeyValueFormat"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nENV PATH /opt/bin:$PATH\n", .after = "FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\n"},
    .docs = R"md(## What it does
Flags `ENV key value` and `LABEL key value`, the whitespace-separated form, instead of
`key=value`.

## Why is this bad
The legacy form sets one variable to *the rest of the line*, so `ENV A 1 B 2` sets `A` to
`"1 B 2"`, a classic surprise. Docker documents the form as deprecated and BuildKit warns.

## Example
```dockerfile
ENV PATH /opt/app/bin:$PATH
ENV GREETING hello world
```

## Use instead
```dockerfile
ENV PATH=/opt/app/bin:$PATH
ENV GREETING="hello world"
```

## Fix safety
Safe. A value without blanks only gets `=`; a value with blanks is wrapped in double quotes, which
keeps it one word and keeps `$VAR` expansion. Values containing quotes or the escape character
are left alone (quoting would change their meaning).

## References
- https://docs.docker.com/reference/build-checks/legacy-key-value-format/
- https://docs.docker.com/reference/dockerfile/#env
)md",
};

}  // namespace shipshape
