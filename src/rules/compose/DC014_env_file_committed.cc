// `env_file:` pointing at a file with credentials that Git does not ignore.
#include "core/git_index.h"
#include "core/workspace.h"
#include "envfile/envfile.h"
#include "rules/compose/secret_env.h"
#include "rules/secrets.h"

namespace shipshape {
namespace {

bool TemplateName(std::string_view path) {
  const std::string l = Lower(path);
  for (std::string_view w : {"example", "sample", "template", "dist", ".tpl", "defaults"})
    if (l.find(w) != std::string::npos) return true;
  return false;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return;
  const std::string dir = DirName(ctx.file().path);
  crules::OncePerRange once;
  for (const compose::Service& s : f.services) {
    for (const compose::Value& v : s.env_file) {
      if (!v.present() || !v.known || v.source != 0 || v.text.empty() || TemplateName(v.text)) continue;
      if (v.text[0] == '/') continue;  // outside the project: not committed with it
      const std::optional<std::string> path = crules::InsideRoot(ctx, v.text);
      if (!path) continue;  // outside the scanned tree: its repository is not this one
      std::optional<std::string> text = ws->fs->Read(*path, 1 << 20);
      if (!text) continue;
      std::optional<bool> ignored = crules::GitIgnored(ctx, v.text);
      // `.gitignore` never untracks a file git already tracks (read from .git/index).
      const bool tracked = GitTracks(*ws, *path) == true;
      if (!ignored || (*ignored && !tracked)) continue;
      envfile::EnvFile env = envfile::Parse(*text, {});
      std::vector<std::string> keys;
      // A generated value (a 128-hex Rails `SECRET_KEY_BASE`, a known token format) is a live
      // credential wherever the file is used; a weak default such as `password` is a setting.
      std::string strong;
      for (const envfile::Entry& e : env.entries) {
        if (e.value && secrets::LooksLikeSecretName(e.key) && !crules::ComposeNonSecret(*e.value) &&
            !secrets::IsPublicClientKey(e.key, *e.value) &&
            e.raw.find('$') == std::string::npos) {
          keys.push_back(e.key);
          if (strong.empty() && (secrets::LooksHighEntropy(*e.value) || !secrets::FindKnownSecrets(*e.value).empty()))
            strong = e.key;
        }
      }
      if (keys.empty()) continue;
      std::string list;
      for (size_t i = 0; i < keys.size() && i < 3; ++i) list += (i ? ", `" : "`") + keys[i] + "`";
      if (keys.size() > 3) list += ", ...";
      std::optional<DiagnosticBuilder> b =
          once.Report(ctx, f, &s, v.range,
                      "env_file `" + v.text + "` holds credentials (" + list + ")" +
                          (tracked ? std::string(" and git tracks it (listed in .git/index)") +
                                         (*ignored ? ": `.gitignore` does not untrack a committed file" : "")
                                   : std::string(" and no `.gitignore` excludes it: it is probably committed")));
      if (!b) continue;
      if (!strong.empty() && tracked) {
        b->diagnostic().severity = Severity::kError;
        b->diagnostic().message += "; `" + strong + "` holds a generated, real-looking value: rotate it";
      }
      const std::string entry = NormalizePath(v.text);
      const std::string env_dir = DirName(entry);
      const std::string name = entry.substr(env_dir == "." ? 0 : env_dir.size() + 1);
      if (tracked) {
        // An ignore line would make the finding disappear while the secrets stay committed.
        b->WithFix("Run `git rm --cached " + entry + "`, add it to .gitignore, and rotate the credentials it held "
                   "(they stay in the history)",
                   Applicability::kDisplayOnly, {});
        continue;
      }
      // The entry goes into the .gitignore of the env file's own directory, anchored there: a
      // pattern never reaches outside its .gitignore's directory (`/../x` matches nothing).
      Fix fix;
      fix.title = "Add `" + name + "` to " + (env_dir == "." ? std::string(".gitignore") : env_dir + "/.gitignore");
      fix.applicability = Applicability::kUnsafe;
      fix.file_writes.push_back({env_dir == "." ? ".gitignore" : env_dir + "/.gitignore", "/" + name + "\n", true, 0644});
      b->WithFix(std::move(fix));
    }
  }
}

}  // namespace

extern constinit const Rule kEnvFileCommitted{
    .code = "DC014",
    .name = "env-file-committed",
    .summary = "`env_file` with credentials that `.gitignore` does not exclude",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
Reads each `env_file:` of a service (relative to the Compose file) and reports it when it holds
credential-named variables with real values and no `.gitignore` excludes it (git's semantics:
the `.gitignore` files of the env file's directory and its parents up to the repository top, or
outside a repository up to the scan root; the same judgement as DX021), or when git tracks it (it is listed in `.git/index`, read as a file: shipshape
never runs git) whatever `.gitignore` says. Files named like templates (`*.example`, `*.sample`,
`*.template`, `*.dist`), absolute paths and paths outside the scanned tree are skipped; nothing
is reported without access to the files.

## Why is this bad
The variables move out of the Compose file but into another committed file: the credentials are
just as public. Env files with secrets belong next to the Compose file on each host, not in Git.

## Example
```yaml
services:
  api:
    image: myorg/api:1.4
    env_file: app.env        # contains DB_PASSWORD=..., and is committed
```

## Use instead
Commit `app.env.example` with empty values, list `app.env` in `.gitignore`, and create it on each
deployment host.

## Fix safety
Unsafe (a repository policy change): the fix adds `/<name>` to the `.gitignore` of the env
file's own directory, where the anchored pattern means exactly that file (a pattern never
reaches above its `.gitignore`'s directory, so `/../app.env` beside the Compose file would
ignore nothing). A file git already tracks gets no such fix, since `.gitignore` does not untrack
it: the advice is `git rm --cached <file>` and rotating the credentials, which stay in history.

## References
- https://docs.docker.com/reference/compose-file/services/#env_file
- https://git-scm.com/docs/gitignore
)md",
};

}  // namespace shipshape
