// A private .env file that no .gitignore keeps out of git.
#include "core/git_index.h"
#include "emit/env_example.h"
#include "patterns/gitignore.h"
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


void Check(const SourceFile& file, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (file.kind != FileKind::kEnv || !ws || !ws->fs || !context::IsPrivateEnvFile(file)) return;
  const std::string dir = context::FileDir(file);
  const std::string name(context::BaseName(file.path));
  const int decision = patterns::GitignoreDecide(*ws, file.path).decision;
  // `.gitignore` does not untrack a file git already tracks (listed in .git/index): an ignore
  // line would hide the finding while the file stays committed (issue 16).
  const bool tracked = GitTracks(*ws, file.path) == true;
  if (tracked) {
    ctx.Report(TextRange::At(0),
               name + " is tracked by git (listed in .git/index)" +
                   (decision > 0 ? std::string(" although a .gitignore lists it: ignoring does not untrack a "
                                               "committed file")
                                 : std::string()) +
                   ": it holds real configuration (usually credentials) and every clone has it")
        .WithFix("Run `git rm --cached " + name + "` in its directory, list it in .gitignore, and rotate "
                 "what it held (it stays in the history)",
                 Applicability::kDisplayOnly, {});
    return;
  }
  if (decision > 0) return;

  std::vector<std::string> keep;
  for (const std::string& n : ws->fs->List(dir))
    if (n.rfind(".env", 0) == 0 && generate::IsEnvTemplateName(n)) keep.push_back(n);
  std::vector<std::string> lines = generate::GitignoreEntries(keep);
  std::string proposed;
  for (const std::string& l : lines) proposed += l + "\n";
  if (patterns::GitignoreFile(proposed).Decide(name, false) <= 0)
    lines.push_back(name);  // e.g. `secrets.env`
  // Re-included by a `!` line: the merge skips lines already present, so the anchored spelling
  // (same meaning in the file's own .gitignore) is what lands after the `!` and wins.
  if (decision < 0) lines.push_back("/" + name);
  std::string content;
  for (const std::string& l : lines) content += l + "\n";

  Fix fix;
  fix.title = "Add " + name + " (and the usual env-file patterns) to .gitignore";
  fix.applicability = Applicability::kSafe;
  fix.file_writes.push_back({".gitignore", content, /*append=*/true, 0644});
  ctx.Report(TextRange::At(0),
             name + (decision < 0 ? " is re-included by a `!` line in .gitignore"
                                  : " is not listed in any .gitignore") +
                 ": it holds real configuration (usually credentials) and one `git add .` "
                 "publishes it")
      .WithFix(std::move(fix));
}

}  // namespace

extern constinit const Rule kEnvFileNotGitignored{
    .code = "DX021",
    .name = "env-file-not-gitignored",
    .summary = "private .env file is not covered by a .gitignore",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .docs = R"md(## What it does
Flags a private env file that no `.gitignore` ignores. Private means: named `.env`,
`.env.local` or `.env.*.local` and setting a credential-like key (`*PASSWORD*`, `*SECRET*`,
`*TOKEN*`, `*_KEY`...) or a URL with a password, or any other non-template env file
(`.env.production`, `app.env`) that sets such a key to a literal, non-placeholder value. Templates
(`.env.example`, `.env.sample`, `.env.template`, `.env.dist`) are meant to be committed and are
never flagged, and neither is a `.env` holding only settings such as `COMPOSE_PROJECT_NAME`,
image tags or ports, which many projects commit on purpose.

The `.gitignore` files of the file's directory and every parent up to the repository top (the
directory holding `.git`; without one, the scanned root) are read with git's rules: a pattern
without a slash matches at any depth, deeper files override shallower ones, a `!` line re-includes,
and nothing inside an ignored directory can be re-included.

## Why is this bad
The `.env` Compose reads holds the real passwords and tokens. Without an ignore rule, the next
`git add .` commits it, and from then on it lives in the history of every clone and fork, even
after deletion.

## Example
`.env` beside a `.gitignore` containing only `node_modules/`.

## Use instead
```
node_modules/
.env
.env.*
!.env.example
```

## Fix safety
Safe: the fix merges `.env`, `.env.*` and a `!` line for each template in the directory into the
`.gitignore` next to the file (created if missing); existing lines are kept and lines already
present are not repeated. Git never untracks a file that is already committed, so a file git
tracks (listed in the repository's `.git/index`, read as a file) is reported even when a
`.gitignore` lists it, with advice only: `git rm --cached <file>` and rotate what it contained.

## References
- https://git-scm.com/docs/gitignore
- https://docs.docker.com/compose/how-tos/environment-variables/best-practices/
)md",
};

}  // namespace shipshape
