// Compose files: load the model (YAML tree, normalized services, interpolation from the `.env`
// beside the file), report YAML and schema errors, then run the Compose rules on a usable model.
#include "compose/compose.h"
#include "compose/schema.h"
#include "envfile/envfile.h"
#include "lint/internal.h"
#include "lint/linter.h"
#include "lint/suppression.h"
#include "rules/registry.h"
#include "rules/secrets.h"

namespace shipshape {

extern const Rule kComposeSyntaxError;
extern const Rule kComposeSchemaViolation;
extern const Rule kComposeDuplicateKey;

namespace {

/// Variables from the `.env` file in the Compose file's directory (what `docker compose` reads by
/// default). The process environment is deliberately not used so results do not depend on the
/// machine running the check. A secret (by its name or its form) is replaced by a mask: rules
/// quote interpolated values in messages (a port, a container name, a build context), and no
/// value a rule can see is then a credential it could print.
std::map<std::string, std::string, std::less<>> DotEnv(const SourceFile& file,
                                                       const Workspace* ws) {
  std::map<std::string, std::string, std::less<>> vars;
  if (!ws || !ws->fs) return vars;
  auto text = ws->fs->Read(JoinPath(DirName(file.path), ".env"), 1 << 20);
  if (!text) return vars;
  envfile::EnvFile env = envfile::Parse(*text, {});
  for (const auto& e : env.entries)
    if (e.value) vars[e.key] = secrets::DisplaySafeValue(e.key, *e.value);
  return vars;
}

/// True when `path` names a file of the workspace: an open editor buffer or a file on disk.
const SourceFile* OpenBuffer(const Workspace& ws, const std::string& normalized) {
  const size_t slash = normalized.rfind('/');
  const std::string_view name = slash == std::string::npos ? std::string_view(normalized)
                                                            : std::string_view(normalized).substr(slash + 1);
  for (const SourceFile* f : ws.files)
    if (f && f->kind == FileKind::kCompose && std::string_view(f->path).ends_with(name) &&
        NormalizePath(f->path) == normalized)
      return f;
  return nullptr;
}

/// Pairs `file` with the other half of its default project, as `docker compose` does without `-f`
/// in one directory (the first of compose.yaml, compose.yml, docker-compose.yml,
/// docker-compose.yaml, and the first override name beside it), and parses that file with the
/// same interpolation. The editor's buffer wins over the disk, so unsaved edits count.
void AttachCompanion(compose::ComposeFile* cf, const SourceFile& file, const Workspace* ws,
                     const compose::LoadOptions& lo) {
  if (!ws || !ws->fs) return;
  const std::string dir = DirName(file.path);
  auto find = [&](const auto& names) -> std::string {
    for (std::string_view n : names) {
      std::string p = JoinPath(dir, n);
      if (OpenBuffer(*ws, NormalizePath(p)) || (ws->fs->Exists(p) && !ws->fs->IsDirectory(p))) return p;
    }
    return {};
  };
  const std::string base = find(compose::kComposeFileNames);
  if (base.empty()) return;
  const std::string over = find(compose::kOverrideFileNames);
  if (over.empty()) return;
  const std::string self = NormalizePath(file.path);
  const bool is_base = NormalizePath(base) == self;
  if (!is_base && NormalizePath(over) != self) return;
  const std::string& other = is_base ? over : base;
  std::optional<std::string> text;
  if (const SourceFile* open = OpenBuffer(*ws, NormalizePath(other))) text = open->text;
  else text = ws->fs->Read(other, 16 << 20);
  if (!text) return;
  auto owned = std::make_shared<const std::string>(std::move(*text));
  std::shared_ptr<compose::ComposeFile> c = compose::ParseComposeFile(*owned, other, lo);
  if (!c->usable()) return;
  c->owned_text = std::move(owned);
  (is_base ? cf->override_file : cf->base_file) = std::move(c);
}

}  // namespace

void LintCompose(const SourceFile& file, const LintOptions& opts, const Config& config,
                 std::vector<Diagnostic>* out) {
  auto wants = [&](const Rule& r) { return opts.only ? &r == opts.only : RuleEnabled(r, config); };
  const size_t before = out->size();
  auto vars = DotEnv(file, opts.workspace);
  compose::LoadOptions lo;
  lo.lookup = compose::MapLookup(&vars);
  auto cf = compose::ParseComposeFile(file.text, file.path, lo);
  const bool syntax = wants(kComposeSyntaxError) || opts.only;
  if (syntax) {
    RuleContext ctx(kComposeSyntaxError, file, config, opts.workspace, out);
    for (const yaml::Error& e : cf->document->errors()) ctx.Report(e.range, e.message);
    for (const compose::Problem& p : cf->problems)
      if (p.kind == compose::Problem::Kind::kError && p.source == 0) ctx.Report(p.range, p.message);
    if (cf->document->ok() && !cf->root)
      ctx.Report(TextRange::At(0), "the file is empty: a Compose file needs a `services:` mapping");
    else if (cf->document->ok() && !cf->usable())
      ctx.Report(cf->root->range, "a Compose file must be a mapping with a `services:` key");
  }
  if (!cf->usable()) return;
  AttachCompanion(cf.get(), file, opts.workspace, lo);
  if (wants(kComposeDuplicateKey)) {
    RuleContext ctx(kComposeDuplicateKey, file, config, opts.workspace, out);
    for (const yaml::DuplicateKey& d : cf->document->duplicate_keys())
      ctx.Report(d.second, "duplicate key `" + d.key + "`: YAML keeps one of them and docker "
                           "compose rejects the file");
  }
  if (wants(kComposeSchemaViolation)) {
    RuleContext ctx(kComposeSchemaViolation, file, config, opts.workspace, out);
    for (const compose::SchemaError& e : compose::ValidateSchema(cf->root))
      if (e.source == 0) ctx.Report(e.range, e.message);
  }
  for (const Rule* rule : AllRules()) {
    if (rule->target != Target::kCompose || !rule->check_compose || !wants(*rule)) continue;
    RuleContext ctx(*rule, file, config, opts.workspace, out);
    rule->check_compose(*cf, ctx);
  }
  // Inline suppressions (`# shipshape ignore=...`, dclint's `# dclint disable-...`). A file that
  // does not parse is always reported.
  const Suppressions sup = CollectYamlSuppressions(file.text);
  if (sup.global.empty() && sup.scoped.empty()) return;
  size_t keep = before;
  for (size_t i = before; i < out->size(); ++i) {
    Diagnostic& d = (*out)[i];
    if (d.rule != &kComposeSyntaxError && sup.Suppressed(*d.rule, d.range)) continue;
    if (keep != i) (*out)[keep] = std::move(d);
    ++keep;
  }
  out->resize(keep);
}

}  // namespace shipshape
