#include "rules/compose/secret_env.h"

#include <algorithm>
#include <cctype>

#include "compose/service_role.h"
#include "compose/workspace_links.h"
#include "core/git_index.h"
#include "emit/env_example.h"
#include "rules/secrets.h"

namespace shipshape::crules {
namespace {

constexpr std::string_view kUrlKind = "password in URL";

// Names that hold keys or salts without BuildKit's secret tokens (`JWT_SIGNING`, `COOKIE_SEED`).
bool KeyishName(std::string_view name) {
  const std::string l = Lower(name);
  for (std::string_view h : {"salt", "sign", "encrypt", "hmac", "jwt", "session", "cookie", "cipher", "seed",
                             "nonce", "private"})
    if (l.find(h) != std::string::npos) return true;
  return false;
}

bool HasReference(std::string_view raw) {
  for (size_t i = 0; i + 1 < raw.size(); ++i)
    if (raw[i] == '$') {
      if (raw[i + 1] == '$') {
        ++i;
        continue;
      }
      if (raw[i + 1] == '{' || raw[i + 1] == '_' || std::isalpha(static_cast<unsigned char>(raw[i + 1])))
        return true;
    }
  return false;
}

}  // namespace

bool TemplateMarker(std::string_view v) {
  if (v.empty()) return true;
  if ((v.front() == '<' && v.back() == '>') || v.substr(0, 2) == "{{" || v.find("...") != std::string_view::npos)
    return true;
  if (std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; })) return true;
  const std::string l = Lower(v);
  return l.find("xxxx") != std::string::npos;
}

bool ComposeNonSecret(std::string_view v) {
  if (v.empty() || TemplateMarker(v)) return true;
  if (secrets::IsPlaceholder(v)) return false;  // a weak default, but the one the service runs with
  return secrets::IsNonSecretValue(v);
}

std::vector<std::pair<size_t, size_t>> ConnectionPasswords(std::string_view t) {
  std::vector<std::pair<size_t, size_t>> out;
  auto usable = [](std::string_view pw) {
    return !pw.empty() && !HasReference(pw) && !TemplateMarker(pw) && pw.find('$') == std::string_view::npos;
  };
  // scheme://user:password@host
  size_t p = 0;
  while ((p = t.find("://", p)) != std::string_view::npos) {
    size_t s = p;
    while (s > 0 && (std::isalnum(static_cast<unsigned char>(t[s - 1])) || t[s - 1] == '+' || t[s - 1] == '.' ||
                     t[s - 1] == '-'))
      --s;
    const size_t auth = p + 3;
    p = auth;
    if (s == p - 3 || !std::isalpha(static_cast<unsigned char>(t[s]))) continue;
    size_t end = auth;
    while (end < t.size() && std::string_view("/?# \t\n\"'").find(t[end]) == std::string_view::npos) ++end;
    std::string_view authority = t.substr(auth, end - auth);
    const size_t at = authority.rfind('@');
    if (at == std::string_view::npos) continue;
    const size_t colon = authority.find(':');
    if (colon == std::string_view::npos || colon > at) continue;
    std::string_view pw = authority.substr(colon + 1, at - colon - 1);
    if (usable(pw)) out.emplace_back(auth + colon + 1, auth + at);
  }
  // Key=value;... connection strings.
  const std::string l = Lower(t);
  for (std::string_view key : {"password=", "pwd="}) {
    size_t q = 0;
    while ((q = l.find(key, q)) != std::string::npos) {
      const bool boundary = q == 0 || l[q - 1] == ';' || l[q - 1] == ' ' || l[q - 1] == '\t';
      const size_t v = q + key.size();
      q = v;
      if (!boundary || l.find(';') == std::string::npos) continue;
      size_t e = t.find(';', v);
      if (e == std::string_view::npos) e = t.size();
      std::string_view pw = t.substr(v, e - v);
      while (!pw.empty() && pw.back() == ' ') pw.remove_suffix(1);
      if (usable(pw)) out.emplace_back(v, v + pw.size());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::pair<size_t, size_t>> LiteralConnectionPasswords(std::string_view raw) {
  // Spans of variable references.
  std::vector<std::pair<size_t, size_t>> refs;
  for (size_t i = 0; i + 1 < raw.size(); ++i) {
    if (raw[i] != '$') continue;
    if (raw[i + 1] == '$') {
      ++i;
      continue;
    }
    size_t e = i + 1;
    if (raw[e] == '{') {
      int depth = 0;
      for (; e < raw.size(); ++e) {
        if (raw[e] == '{') ++depth;
        else if (raw[e] == '}' && --depth == 0) break;
      }
      ++e;
    } else {
      while (e < raw.size() && (std::isalnum(static_cast<unsigned char>(raw[e])) || raw[e] == '_')) ++e;
    }
    refs.emplace_back(i, std::min(e, raw.size()));
    i = e > i ? e - 1 : i;
  }
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& m : ConnectionPasswords(raw)) {
    bool inside = false;
    for (const auto& r : refs) inside = inside || (m.first < r.second && r.first < m.second);
    if (!inside) out.push_back(m);
  }
  return out;
}

std::vector<LiteralSecret> FindLiteralSecrets(const Service& s, const std::vector<compose::KeyValue>& kvs) {
  std::vector<LiteralSecret> out;
  for (const compose::KeyValue& kv : kvs) {
    if (!kv.value || kv.source != 0 || kv.key.empty()) continue;
    const compose::Value& v = *kv.value;
    if (v.raw.empty() || HasReference(v.raw) || !v.known) continue;  // `${VAR}` references are fine
    if (!ConnectionPasswords(v.text).empty() || !LiteralConnectionPasswords(v.raw).empty())
      continue;  // the URL rule moves only the password
    if (secrets::IsPublicClientKey(kv.key, v.text)) continue;  // shipped to browsers by design
    std::vector<secrets::SecretMatch> found = secrets::FindKnownSecrets(v.text);
    std::string_view kind;
    for (const secrets::SecretMatch& m : found)
      if (m.kind != kUrlKind && kind.empty()) kind = m.kind;
    std::string why;
    if (!kind.empty()) why = "its format: " + std::string(kind);
    else if (secrets::LooksLikeSecretName(kv.key) && !ComposeNonSecret(v.text))
      why = secrets::IsPlaceholder(v.text) ? "its name; a weak default value" : "its name";
    else if (KeyishName(kv.key) && secrets::LooksHighEntropy(v.text)) why = "its random-looking value";
    if (why.empty()) continue;
    out.push_back({&s, &kv, std::move(why)});
  }
  return out;
}

std::string VarName(std::string_view key) {
  std::string out;
  for (char c : key) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += std::isalnum(u) ? static_cast<char>(std::toupper(u)) : '_';
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out[0]))) out.insert(out.begin(), '_');
  return out;
}

std::string DotEnvLine(std::string_view name, std::string_view value) {
  bool simple = !value.empty();
  for (char c : value) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || std::string_view("_./:@%+,=-").find(c) != std::string_view::npos)) simple = false;
  }
  std::string line = std::string(name) + "=";
  if (simple) return line + std::string(value);
  if (value.find('\'') == std::string_view::npos && value.find('\n') == std::string_view::npos &&
      value.find('\r') == std::string_view::npos)
    return line + "'" + std::string(value) + "'";
  line += '"';
  for (char c : value) {
    switch (c) {
      case '\\': line += "\\\\"; break;
      case '"': line += "\\\""; break;
      case '$': line += "\\$"; break;
      case '\n': line += "\\n"; break;
      case '\r': line += "\\r"; break;
      default: line += c;
    }
  }
  return line + '"';
}

namespace {

// The stem of a Compose file name as a variable prefix: `docker-compose.prod.yml` -> DOCKER_COMPOSE_PROD.
std::string FilePrefix(std::string_view path) {
  std::string_view base = path;
  if (size_t slash = base.find_last_of("/\\"); slash != std::string_view::npos) base = base.substr(slash + 1);
  if (size_t dot = base.rfind('.'); dot != std::string_view::npos && dot > 0) base = base.substr(0, dot);
  return VarName(base);
}

// Length-prefixed fields ("5:hello"), so any byte may appear in a value.
void PutField(std::string* out, std::string_view field) {
  *out += std::to_string(field.size());
  *out += ':';
  *out += field;
}

bool TakeField(std::string_view* in, std::string_view* field) {
  const size_t colon = in->find(':');
  if (colon == std::string_view::npos) return false;
  size_t n = 0;
  for (char c : in->substr(0, colon)) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<size_t>(c - '0');
  }
  if (in->size() - colon - 1 < n) return false;
  *field = in->substr(colon + 1, n);
  in->remove_prefix(colon + 1 + n);
  return true;
}

// The literal values the Compose files of directory `dir` give variables (environment and build
// args), as (normalized path, variable, value) records. Computed once per directory and run: a
// check per literal secret that parsed every sibling file made a directory of N Compose files
// cost N^2 parses (the corpus' 207 files: 0.2 -> 0.7 s).
std::string DirectoryLiterals(const Workspace& ws, const std::string& dir) {
  auto make = [&] {
    std::string out;
    for (const SourceFile* sf : ws.files) {
      if (!sf || sf->kind != FileKind::kCompose || DirName(sf->path) != dir) continue;
      std::unique_ptr<compose::ComposeFile> cf = compose::ParseComposeFile(sf->text, sf->path);
      if (!cf->usable()) continue;
      const std::string path = NormalizePath(sf->path);
      auto add = [&](const std::vector<compose::KeyValue>& kvs) {
        for (const compose::KeyValue& kv : kvs) {
          if (!kv.value || !kv.value->known || HasReference(kv.value->raw)) continue;
          PutField(&out, path);
          PutField(&out, VarName(kv.key));
          PutField(&out, kv.value->text);
        }
      };
      for (const compose::Service& s : cf->services) {
        add(s.environment);
        if (s.build) add(s.build->args);
      }
    }
    return out;
  };
  return ws.memo ? ws.memo->Get("compose-literals:" + dir, make) : make();
}

// True if another Compose file of the same directory (so the same `.env`) gives `var` a literal
// value other than `value`.
bool SiblingClash(const RuleContext& ctx, std::string_view var, std::string_view value) {
  const Workspace* ws = ctx.workspace();
  if (!ws) return false;
  const std::string dir = DirName(ctx.file().path);
  const std::string self = NormalizePath(ctx.file().path);
  const std::string records = DirectoryLiterals(*ws, dir);
  std::string_view in = records;
  std::string_view path, name, literal;
  while (TakeField(&in, &path) && TakeField(&in, &name) && TakeField(&in, &literal))
    if (path != self && name == var && literal != value) return true;
  return false;
}

}  // namespace

std::vector<std::string> ForeignReaders(const RuleContext& ctx) {
  std::vector<std::string> out;
  const Workspace* ws = ctx.workspace();
  if (!ws) return out;
  const std::string self = NormalizePath(ctx.file().path);
  const std::string dir = DirName(self);
  for (const auto& [reader, target] : compose::ComposeReferences(*ws))
    if (target == self && reader != dir && std::find(out.begin(), out.end(), reader) == out.end())
      out.push_back(reader);
  return out;
}

namespace {

// What a `.env.example` this move creates starts with: every variable the directory's Compose
// files need, as DX025 documents them. DX025 judges a template only once it exists, so a bare
// `NAME=` file would make the next `fix` run add the rest: two runs must agree (issue 16,
// sameersbn/docker-gitlab). Empty when the directory already has a template.
std::string NewTemplateText(const RuleContext& ctx) {
  const Workspace* ws = ctx.workspace();
  if (!ws || !ws->fs) return {};
  const std::string dir = DirName(ctx.file().path);
  for (std::string_view t : {".env.example", ".env.sample", ".env.template", ".env.dist"})
    if (ws->fs->Exists(JoinPath(dir, std::string(t)))) return {};
  std::vector<const SourceFile*> composes;
  for (const SourceFile* f : ws->files)
    if (f && f->kind == FileKind::kCompose && DirName(f->path) == dir) composes.push_back(f);
  std::sort(composes.begin(), composes.end(), [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; });
  if (composes.empty()) return {};
  // Every literal secret of every Compose file in the directory asks for the same template: build
  // it once per directory and content (a directory of 207 Compose files made this N^2 parses).
  size_t h = 0;
  for (const SourceFile* f : composes)
    h = (h * 1000003) ^ std::hash<std::string_view>{}(f->path) ^ (std::hash<std::string_view>{}(f->text) << 1);
  return ws->memo->Get("env-template\n" + dir + "\n" + std::to_string(h),
                       [&] { return generate::GenerateEnvExample(composes); });
}

}  // namespace

std::optional<EnvMove> PlanEnvMove(const RuleContext& ctx, std::string_view preferred, std::string_view service,
                                   std::string_view value, bool clashing, std::string* why_not) {
  auto refuse = [&](std::string why) -> std::optional<EnvMove> {
    if (why_not) *why_not = std::move(why);
    return std::nullopt;
  };
  if (const Workspace* ws = ctx.workspace()) {
    // Which `.env` the value would be read from: the project directory's. A file another project
    // pulls in from elsewhere is interpolated with that project's `.env`, not this directory's.
    const std::vector<std::string> readers = ForeignReaders(ctx);
    if (!readers.empty())
      return refuse("left in place: `" + readers[0] + "` also reads this file (extends/include) and loads its own "
                    "`.env`, so no single `.env` serves every project");
    if (compose::IsTestPath(ctx.file().path))
      return refuse("left in place: a test/CI file runs from a fresh checkout, which has no untracked `.env`; "
                    "use the CI's secret store");
    const std::string env_path = JoinPath(DirName(ctx.file().path), ".env");
    if (GitTracks(*ws, env_path) == true)
      return refuse("left in place: `" + env_path + "` is tracked by git, so writing the value there would commit "
                    "it; untrack it first (`git rm --cached`)");
  }
  const std::string base = VarName(preferred);
  std::vector<std::string> candidates;
  // Another Compose file beside this one gives the name another value: both would read one line.
  const bool sibling = SiblingClash(ctx, base, value);
  if (!clashing && !sibling) candidates.push_back(base);
  if (!sibling) candidates.push_back(VarName(service) + "_" + base);
  candidates.push_back(FilePrefix(ctx.file().path) + "_" + VarName(service) + "_" + base);
  std::map<std::string, std::string> existing;
  for (auto& [k, v] : DotEnvEntries(ctx)) existing[k] = v;
  for (const std::string& c : candidates) {
    auto it = existing.find(c);
    if (it != existing.end() && it->second != value) continue;
    EnvMove m;
    m.var = c;
    if (it == existing.end()) m.writes.push_back({".env", DotEnvLine(c, value) + "\n", true, 0600});
    m.writes.push_back({".env.example", NewTemplateText(ctx) + c + "=\n", true, 0644});
    m.writes.push_back({".gitignore", ".env\n", true, 0644});
    return m;
  }
  return refuse("left in place: every variable name for it is taken in `.env` with another value");
}

std::optional<uint32_t> VerbatimStart(std::string_view text, const compose::Value& v) {
  if (!v.node || v.raw.empty() || v.range.end > text.size()) return std::nullopt;
  std::string_view bytes = v.range.Of(text);
  if (bytes == v.raw) return v.range.start;
  if (bytes.size() == v.raw.size() + 2 && (bytes.front() == '"' || bytes.front() == '\'') &&
      bytes.back() == bytes.front() && bytes.substr(1, v.raw.size()) == v.raw &&
      v.raw.find(bytes.front()) == std::string::npos && v.raw.find('\\') == std::string::npos)
    return v.range.start + 1;
  return std::nullopt;
}

std::optional<Edit> ReplaceWithVariable(const ComposeFile& f, const compose::KeyValue& kv,
                                        const yaml::Node* collection, std::string_view var) {
  if (!kv.value || !collection) return std::nullopt;
  const compose::Value& v = *kv.value;
  const std::string ref = "${" + std::string(var) + "}";
  compose::edit::Editor ed = EditorFor(f);
  if (collection->IsMapping()) return ed.ReplaceScalar(*v.node, ref);
  if (!collection->IsSequence()) return std::nullopt;
  if (compose::edit::IsFlow(f.text, *collection)) {
    if (!v.node->range.Contains(kv.range)) return std::nullopt;
    return Edit::Replace(v.node->range, compose::edit::DoubleQuote(kv.key + "=" + ref));
  }
  std::optional<uint32_t> start = VerbatimStart(f.text, v);
  if (!start) return std::nullopt;
  return Edit::Replace({*start, *start + static_cast<uint32_t>(v.raw.size())}, ref);
}

void ReportLiteralSecrets(const ComposeFile& f, RuleContext& ctx, const std::vector<LiteralSecret>& found,
                          std::string_view what, bool build_args) {
  // A name used with different values in this file gets per-service variables.
  std::map<std::string, std::set<std::string>> values;
  for (const LiteralSecret& ls : found) values[VarName(ls.kv->key)].insert(ls.kv->value->text);
  OncePerRange once;
  for (const LiteralSecret& ls : found) {
    const compose::KeyValue& kv = *ls.kv;
    const compose::Value& v = *kv.value;
    std::string msg = "`" + kv.key + "` in " + std::string(what) + " of service `" + ls.service->name +
                      "` is a literal credential (`" + MaskSecret(v.text) + "`, found by " + ls.why + ")";
    msg += build_args ? ": build arguments stay in the image history; use `build.secrets`, or at least keep the "
                        "value out of the file"
                      : ": anyone who can read the file has it; keep it in an untracked `.env` file";
    std::optional<DiagnosticBuilder> b = once.Report(ctx, f, ls.service, kv.key_range, std::move(msg));
    if (!b) continue;
    b->Redact(v.range);
    LowerInTestFile(ctx, *b);
    const yaml::Node* coll = nullptr;
    if (build_args) {
      if (ls.service->build && ls.service->build->node && ls.service->build->node->IsMapping())
        coll = ls.service->build->node->Get("args");
    } else if (const yaml::Entry* e = ls.service->Find("environment")) {
      coll = e->value;
    }
    std::string why_not;
    std::optional<EnvMove> plan =
        PlanEnvMove(ctx, kv.key, ls.service->name, v.text, values[VarName(kv.key)].size() > 1, &why_not);
    if (!plan) {
      if (!why_not.empty()) b->diagnostic().message += " (" + why_not + ")";
      continue;
    }
    std::optional<Edit> edit = ReplaceWithVariable(f, kv, coll, plan->var);
    if (!edit) continue;
    Fix fix;
    fix.title = "Move the value of `" + kv.key + "` to `.env` and reference it as `${" + plan->var + "}`";
    fix.applicability = Applicability::kUnsafe;
    fix.edits = {*edit};
    fix.file_writes = std::move(plan->writes);
    b->WithFix(std::move(fix));
  }
}

}  // namespace shipshape::crules
