// A variable a Compose file needs (no default) that the directory's env template (or, without
// one, its .env) does not mention.
#include <algorithm>

#include "emit/env_example.h"
#include "rules/context/context_util.h"
#include "rules/rule.h"

namespace shipshape {
namespace {


/// Rank of a template name: the conventional names first, then alphabetical.
int TemplateRank(std::string_view n) {
  static const std::string_view kOrder[] = {".env.example", ".env.sample", ".env.template",
                                            ".env.dist"};
  for (int i = 0; i < 4; ++i)
    if (n == kOrder[i]) return i;
  return 4;
}

void Check(const SourceFile& file, RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (file.kind != FileKind::kEnv || !ws) return;
  const std::string dir = context::FileDir(file);
  const std::string name(context::BaseName(file.path));

  // The env files beside it: from the file system, plus discovered files (for trees without one).
  std::vector<std::string> names = context::ListDir(ws, dir);
  std::vector<const SourceFile*> composes;
  for (const SourceFile* f : ws->files) {
    if (!f || context::FileDir(*f) != dir) continue;
    names.emplace_back(context::BaseName(f->path));
    if (f->kind == FileKind::kCompose) composes.push_back(f);
  }
  std::vector<std::string> templates;
  for (const std::string& n : names)
    if (n.rfind(".env", 0) == 0 && generate::IsEnvTemplateName(n)) templates.push_back(n);
  std::sort(templates.begin(), templates.end(), [](const std::string& a, const std::string& b) {
    return std::make_pair(TemplateRank(a), a) < std::make_pair(TemplateRank(b), b);
  });
  // One file per directory speaks for it: the template if there is one, else `.env`.
  const bool is_template = !templates.empty();
  if (name != (is_template ? templates.front() : std::string(".env"))) return;

  // Compose files docker compose would read from here (discovered ones, else listed ones).
  std::vector<SourceFile> loaded;
  if (composes.empty() && ws->fs) {
    for (const std::string& n : names) {
      if (ClassifyPath(n) != FileKind::kCompose) continue;
      auto text = ws->fs->Read(JoinPath(dir, n), 1 << 20);
      if (!text) continue;
      SourceFile f;
      f.path = JoinPath(dir, n);
      f.text = std::move(*text);
      f.kind = FileKind::kCompose;
      loaded.push_back(std::move(f));
    }
    for (const SourceFile& f : loaded) composes.push_back(&f);
  }
  if (composes.empty()) return;
  std::sort(composes.begin(), composes.end(),
            [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; });
  composes.erase(std::unique(composes.begin(), composes.end()), composes.end());

  const std::vector<generate::ComposeVariable> vars = generate::CollectComposeVariables(composes);
  // Set, or mentioned in a comment (`# KEY=` in a template, or in a .env that documents the
  // optional ones it leaves unset, as eShopOnContainers' does for its Azure settings).
  const std::set<std::string, std::less<>> documented = generate::DocumentedVariables(file.text);
  std::vector<const generate::ComposeVariable*> missing;
  for (const generate::ComposeVariable& v : vars)
    if (v.required && !documented.count(v.name)) missing.push_back(&v);
  if (missing.empty()) return;

  std::vector<std::string> compose_names;
  for (const SourceFile* f : composes) compose_names.emplace_back(context::BaseName(f->path));
  const std::string generated = generate::GenerateEnvExample(vars, compose_names);
  Fix fix;
  fix.applicability = Applicability::kSafe;
  if (is_template) {
    const std::string merged = generate::MergeEnvExample(file.text, generated);
    fix.title = "Document the missing variables in " + name;
    fix.edits.push_back(Edit::Insert(static_cast<uint32_t>(file.text.size()),
                                     merged.substr(file.text.size())));
  } else {
    fix.title = "Create .env.example documenting every variable the Compose files use";
    fix.file_writes.push_back({".env.example", generated, /*append=*/true, 0644});
  }
  for (const generate::ComposeVariable* v : missing) {
    std::string users;
    for (const std::string& p : v->files) {
      if (!users.empty()) users += ", ";
      users += context::BaseName(p);
    }
    std::string msg = "`" + v->name + "` is used by " + users + " without a default";
    if (is_template) {
      msg += " but " + name + " does not document it";
      msg += v->fails_when_unset ? " (Compose refuses to start without it)"
                                 : " (an unset variable silently becomes an empty string)";
    } else {
      msg += " and is not set in .env: ";
      msg += v->fails_when_unset ? "Compose refuses to start unless the shell provides it"
                                 : "unless the shell provides it, Compose substitutes an empty string";
    }
    auto d = ctx.Report(TextRange::At(0), std::move(msg));
    for (const std::string& p : v->files) d.Related(p);
    d.WithFix(fix);
  }
}

}  // namespace

extern constinit const Rule kComposeVariableUndocumented{
    .code = "DX025",
    .name = "compose-variable-undocumented",
    .summary = "variable a Compose file needs is missing from the env template (or .env)",
    .target = Target::kContext,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kAlways,
    .status = Status::kStable,
    .aliases = {},
    .check_context = Check,
    .fix_example = {.path = ".env.example", .before = "A=1\n", .after = "A=1\n\n# Required: no default in the Compose file.\n"
                               "# Compose refuses to start without it: set it\nDB_PASSWORD=\nTAG=\n\n"
                               "# Optional: the Compose file has a fallback; uncomment to override it.\n"
                               "# PORT=8080\n"},
    .docs = R"md(## What it does
Collects the variables the Compose files of a directory interpolate without a fallback (`$VAR`,
`${VAR}`, `${VAR:?msg}`, `${VAR?msg}`; forms with `:-`, `-`, `:+`, `+` have one) and checks that
the directory documents each of them. One env file speaks for the directory:
- its template when there is one (`.env.example`, else `.env.sample`, `.env.template`,
  `.env.dist`): every such variable must appear there, as `NAME=...` or commented out as
  `# NAME=...`;
- otherwise its `.env`: every such variable must be set there, or commented out (`# NAME=...`)
  to say it is left unset on purpose.

Variables every shell defines (`HOME`, `PWD`, `USER`, `UID`, ...) are not required. The rule runs
on env files; a directory with Compose files but no env file at all is covered by the
`.env.example` generator instead (there is no file to report on).

## Why is this bad
Compose replaces an unset variable with an empty string and only prints a warning: an image tag
becomes `app:`, a password becomes empty, a port mapping breaks. `${VAR:?}` variables stop the
whole project instead. The template is the one place a newcomer learns what to set; when it lags
behind the Compose file, every fresh setup starts broken.

## Example
`compose.yaml`:
```yaml
services:
  db:
    image: "postgres:${PG_TAG}"
    environment:
      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}
```
`.env.example`:
```
PG_TAG=16
```

## Use instead
```
PG_TAG=16

# Required: no default in the Compose file.
# Compose refuses to start without it: set DB_PASSWORD
DB_PASSWORD=
```

## Fix safety
Safe: nothing Compose reads changes. For a template, the missing variables (and the optional
ones, commented out with their defaults) are appended at the end; existing lines are never
modified. For a directory with only `.env`, the fix creates `.env.example` from the generator (or
merges its lines into one created meanwhile); `.env` itself is not touched.

## References
- https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/
- https://docs.docker.com/compose/how-tos/environment-variables/envvars-precedence/
)md",
};

}  // namespace shipshape
