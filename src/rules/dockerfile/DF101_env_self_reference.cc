// One ENV defines a variable and another pair of the same ENV uses it.
#include <set>

#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const std::string_view src = ctx.source();
  for (const dockerfile::Stage& st : df.stages) {
    // Windows base images define many variables (ProgramFiles, SystemRoot...) the file cannot see.
    if (rules::LooksWindows(df, st)) continue;
    rules::VarScope scope(df, st);
    for (const dockerfile::Instruction* ins : st.instructions) {
      if (ins->kind == dockerfile::Keyword::kEnv && ins->pairs.size() > 1) {
        std::set<std::string> earlier, extended;
        for (size_t i = 0; i < ins->pairs.size(); ++i) {
          const dockerfile::KeyValue& kv = ins->pairs[i];
          std::vector<std::string> used;
          if (i > 0 && kv.has_value && kv.value.find('$') != std::string::npos) {
            // Every name the value refers to, defined or not.
            dockerfile::ExpandWord(kv.value, df.escape,
                                   [&](std::string_view n) -> std::optional<std::string> {
                                     used.emplace_back(n);
                                     return std::nullopt;
                                   });
          }
          for (const std::string& n : used) {
            // Referring to a value that existed before the ENV is fine, and so is a variable the
            // same ENV extends (`PATH=/x:$PATH`): it clearly exists already. Except when this pair
            // assigns the variable again from itself: `PATH=/a:$PATH PATH=/b:$PATH` drops /a.
            if (!earlier.count(n)) continue;
            const bool reassigns = kv.key == n;
            if (!reassigns && (scope.Has(n) || extended.count(n))) continue;
            const dockerfile::KeyValue& prev = ins->pairs[i - 1];
            const TextRange gap{prev.has_value ? prev.value_range.end : prev.key_range.end,
                                kv.key_range.start};
            DiagnosticBuilder b = ctx.Report(
                kv.value_range, "$" + n + " is defined by this same ENV instruction, so here it "
                                          "still has its value from before the instruction " +
                                    std::string(reassigns ? "and the earlier " + n + "= of this ENV is lost"
                                                          : "(usually empty)"));
            if (gap.start < gap.end && gap.Of(src).find('#') == std::string_view::npos)
              b.WithFix("Split the ENV before " + kv.key, Applicability::kUnsafe,
                        {Edit::Replace(gap, std::string(rules::Newline(src)) +
                                                std::string(rules::IndentOf(src, ins->range.start)) +
                                                rules::MatchCase(ins->keyword_range.Of(src), "ENV") +
                                                " ")});
            break;
          }
          earlier.insert(kv.key);
          if (kv.has_value && !rules::VariableRefs(kv.value, {0, static_cast<uint32_t>(kv.value.size())},
                                                   kv.key, df.escape)
                                   .empty())
            extended.insert(kv.key);
        }
      }
      scope.Apply(*ins);
    }
  }
}

}  // namespace

extern constinit const Rule kEnvSelfReference{
    .code = "DF101",
    .name = "env-self-reference",
    .summary = "ENV uses a variable it defines itself",
    .target = Target::kDockerfile,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3044"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM alpine:3.20\nENV APP=/srv BIN=$APP/bin\n", .after = "FROM alpine:3.20\nENV APP=/srv\nENV BIN=$APP/bin\n"},
    .docs = R"md(## What it does
Flags an `ENV` with several `key=value` pairs where a later pair uses a variable that an earlier
pair of the same instruction defines, and that was not defined before the instruction; also a
pair that assigns such a variable again from itself (`ENV PATH=/a:$PATH PATH=/b:$PATH`), which
silently drops the earlier assignment.

## Differences from hadolint
hadolint DL3044 only knows variables the Dockerfile itself defined earlier, so it also reports
`ENV PATH=/x:$PATH OTHER=$PATH`, where `OTHER` deliberately takes the image's `PATH`. shipshape
does not report a variable that already had a value before the `ENV`, unless the pair
reassigns it (the `PATH=/a:$PATH PATH=/b:$PATH` case above).

## Why is this bad
Docker expands every value of one `ENV` against the environment *before* the instruction, so
`ENV APP=/srv BIN=$APP/bin` sets `BIN` to `/bin`, not `/srv/bin`.

## Example
```dockerfile
FROM alpine:3.20
ENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin
```

## Use instead
```dockerfile
FROM alpine:3.20
ENV APP_HOME=/srv/app
ENV APP_BIN=$APP_HOME/bin
```

## Fix safety
Unsafe: splitting the instruction makes the later values see the new definition, which changes
the image (as intended).

## References
- https://docs.docker.com/reference/dockerfile/#env
- hadolint DL3044
)md",
};

}  // namespace shipshape
