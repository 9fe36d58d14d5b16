// gpg without --batch.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"

namespace shipshape {
namespace {

using namespace rules::run;

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      if (c.name() != "gpg" && c.name() != "gpg2") continue;
      const auto args = c.args();
      bool batch = false, acts = false;
      for (const shell::Word& w : args) {
        std::string_view v = w.value();
        if (v == "--batch" || v == "--no-tty") batch = true;
        for (std::string_view op : {"--recv-keys", "--recv-key", "--receive-keys", "--keyserver",
                                    "--import", "--verify", "--decrypt", "--fetch-keys",
                                    "--export", "--sign", "--encrypt", "--gen-key",
                                    "--full-generate-key", "--quick-generate-key", "--edit-key"})
          if (v == op || (v.starts_with(op) && v.size() > op.size() && v[op.size()] == '='))
            acts = true;
      }
      if (batch || !acts) continue;
      const shell::Word& name = c.inv().name_word();
      Emit(ctx, c.Range(name),
           "gpg without --batch may prompt (trust questions, passphrases) and hang the build",
           MakeFix("Add --batch", Applicability::kSafe, {InsertAfter(c, name, "--batch")}));
    }
  }
}

}  // namespace

extern constinit const Rule kGpgWithoutBatch{
    .code = "DF095",
    .name = "gpg-without-batch",
    .summary = "gpg runs without --batch and may prompt",
    .target = Target::kDockerfile,
    .severity = Severity::kInfo,
    .category = Category::kReliability,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"parfum", "gpgUseBatchFlag"}},
    .check_dockerfile = Check,
    .fix_example = {.before = "FROM debian:12\nRUN gpg --keyserver hkps://keys.openpgp.org --recv-keys ABC\n", .after = "FROM debian:12\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys ABC\n"},
    .docs = R"md(## What it does
Flags `gpg` key and signature operations (`--recv-keys`, `--keyserver`, `--import`, `--verify`,
`--decrypt`, `--export`...) without `--batch` (or `--no-tty`).

## Why is this bad
Without `--batch` gpg may ask questions (trust, passphrases, overwrite) and, with no terminal,
fail or wait; it also prints terminal-oriented warnings.

## Example
```dockerfile
RUN gpg --keyserver hkps://keys.openpgp.org --recv-keys "$KEY"
```

## Use instead
```dockerfile
RUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$KEY"
```

## Fix safety
Safe: inserts `--batch` after `gpg`.

## References
- https://www.gnupg.org/documentation/manuals/gnupg/GPG-Configuration-Options.html
- Parfum gpgUseBatchFlag
)md",
};

}  // namespace shipshape
