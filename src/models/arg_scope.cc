#include "models/arg_scope.h"

#include <cctype>
#include <memory>

#include "core/strings.h"
#include "models/dockerfile_stages.h"

namespace shipshape::models {

using dockerfile::Dockerfile;
using dockerfile::Instruction;
using dockerfile::Keyword;
using dockerfile::Stage;

bool IsPlatformArg(std::string_view n) {
  static const std::string_view kNames[] = {"TARGETPLATFORM", "TARGETOS",     "TARGETARCH",
                                            "TARGETVARIANT",  "BUILDPLATFORM", "BUILDOS",
                                            "BUILDARCH",      "BUILDVARIANT", "TARGETSTAGE"};
  for (std::string_view k : kNames)
    if (n == k) return true;
  return false;
}

bool IsPredefinedArg(std::string_view n) {
  if (IsPlatformArg(n)) return true;
  static const std::string_view kProxy[] = {"HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY",
                                            "ALL_PROXY"};
  const std::string up = Upper(n);
  for (std::string_view k : kProxy)
    if (up == k) return true;
  return n.substr(0, 9) == "BUILDKIT_" || n == "SOURCE_DATE_EPOCH";
}

namespace {

// Scope simulation shared by the constructors: the global ARG defaults as BuildKit computes them.
void ApplyArgs(const Instruction& ins, char escape,
               std::map<std::string, std::optional<std::string>, std::less<>>* out,
               const dockerfile::VarLookup& lookup) {
  for (const dockerfile::KeyValue& kv : ins.pairs) {
    std::optional<std::string> v;
    if (kv.has_value) v = dockerfile::ExpandWord(kv.value, escape, lookup);
    (*out)[kv.key] = v;
  }
}

// BuildKit gives the platform ARGs real values in the global scope; lint as if building on and for
// linux/amd64 so that `FROM build-${TARGETARCH}` resolves to a stage name.
void AddPlatformDefaults(std::map<std::string, std::optional<std::string>, std::less<>>* globals) {
  static const std::pair<std::string_view, std::string_view> kDefaults[] = {
      {"TARGETPLATFORM", "linux/amd64"}, {"TARGETOS", "linux"}, {"TARGETARCH", "amd64"},
      {"TARGETVARIANT", ""},             {"BUILDPLATFORM", "linux/amd64"}, {"BUILDOS", "linux"},
      {"BUILDARCH", "amd64"},            {"BUILDVARIANT", ""}};
  for (const auto& [k, v] : kDefaults) {
    auto it = globals->find(k);
    if (it == globals->end() || !it->second) (*globals)[std::string(k)] = std::string(v);
  }
}

using GlobalValues = std::map<std::string, std::optional<std::string>, std::less<>>;

// The global ARG values (platform defaults included) of `df`: the same for every scope of the
// file, so computed once and kept in the Dockerfile's derived-data slot.
const GlobalValues& GlobalsOf(const Dockerfile& df) {
  if (!df.global_scope_cache) {
    auto g = std::make_shared<GlobalValues>();
    auto lookup = [&g](std::string_view n) -> std::optional<std::string> {
      auto it = g->find(n);
      if (it == g->end() || !it->second) return std::nullopt;
      return it->second;
    };
    AddPlatformDefaults(g.get());
    for (const Instruction* ins : df.global_args) ApplyArgs(*ins, df.escape, g.get(), lookup);
    AddPlatformDefaults(g.get());
    df.global_scope_cache = g;
  }
  return *static_cast<const GlobalValues*>(df.global_scope_cache.get());
}

}  // namespace

VarScope::VarScope(const Dockerfile& df) : escape_(df.escape), globals_(&GlobalsOf(df)) {
  for (const auto& [k, v] : *globals_) vars_[k] = Var{v, true};
}

VarScope::VarScope(const Dockerfile& df, const Stage& stage)
    : escape_(df.escape), globals_(&GlobalsOf(df)) {
  // ENV carries over from in-file parents; their ARGs do not.
  std::vector<const Stage*> chain = StageChain(df, stage);
  for (size_t i = 0; i + 1 < chain.size(); ++i) {
    for (const Instruction* ins : chain[i]->instructions) Apply(*ins);
    for (auto it = vars_.begin(); it != vars_.end();) {
      if (it->second.arg) it = vars_.erase(it);
      else ++it;
    }
  }
}

void VarScope::Apply(const Instruction& ins) {
  if (ins.kind != Keyword::kArg && ins.kind != Keyword::kEnv) return;
  // BuildKit expands every value of one ENV against the scope before the instruction.
  std::vector<std::pair<std::string, Var>> updates;
  for (const dockerfile::KeyValue& kv : ins.pairs) {
    Var v;
    v.arg = ins.kind == Keyword::kArg;
    if (kv.has_value) {
      Expansion e = Expand(kv.value);
      if (e.complete) v.value = e.text;
    } else if (v.arg) {
      // `ARG NAME` inherits the global default, if any.
      auto g = globals_->find(kv.key);
      if (g != globals_->end()) v.value = g->second;
    }
    if (v.arg) {
      // An ARG does not override an ENV of the same name: ENV takes precedence in expansion.
      auto cur = vars_.find(kv.key);
      if (cur != vars_.end() && !cur->second.arg) continue;
    }
    updates.emplace_back(kv.key, std::move(v));
  }
  for (auto& [k, v] : updates) vars_[k] = std::move(v);
}

bool VarScope::Has(std::string_view name) const { return vars_.find(name) != vars_.end(); }

bool VarScope::IsArg(std::string_view name) const {
  auto it = vars_.find(name);
  return it != vars_.end() && it->second.arg;
}

std::optional<std::string> VarScope::Value(std::string_view name) const {
  auto it = vars_.find(name);
  if (it == vars_.end()) return std::nullopt;
  return it->second.value;
}

Expansion VarScope::Expand(std::string_view word) const {
  Expansion out;
  auto lookup = [&](std::string_view n) -> std::optional<std::string> {
    auto it = vars_.find(n);
    if (it == vars_.end()) {
      out.complete = false;
      return std::nullopt;
    }
    if (!it->second.value) {
      out.complete = false;
      return std::string();
    }
    return it->second.value;
  };
  out.text = dockerfile::ExpandWord(word, escape_, lookup, &out.undefined);
  return out;
}

std::vector<std::string> VarScope::Names() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : vars_) out.push_back(k);
  return out;
}

VarScope ScopeBefore(const Dockerfile& df, const Stage& stage,
                     const Instruction* ins) {
  VarScope scope(df, stage);
  for (const Instruction* i : stage.instructions) {
    if (i == ins) break;
    scope.Apply(*i);
  }
  return scope;
}

std::optional<dockerfile::ImageRef> ExternalBase(const Dockerfile& df,
                                                 const Stage& stage) {
  if (stage.parent) return std::nullopt;
  Expansion e = VarScope(df).Expand(stage.base);
  if (!e.complete || e.text.empty() || IsScratch(e.text)) return std::nullopt;
  // A name that matches any stage (even a later one) is not an image to pull.
  const std::string lower = Lower(e.text);
  for (const Stage& s : df.stages)
    if (!s.name.empty() && s.name == lower) return std::nullopt;
  // `FROM base` with no such stage is a named build context (`--build-context base=...`, bake
  // `contexts`), not a Docker Hub image: no official image has these generic names.
  static const std::string_view kContextNames[] = {
      "base", "build", "builder", "deps", "dependencies", "runtime", "release", "final", "dev",
      "development", "prod", "production", "test", "stage", "common", "source", "src", "assets",
      "frontend", "backend", "context", "sources", "artifacts", "binaries", "bin"};
  for (std::string_view n : kContextNames)
    if (lower == n) return std::nullopt;
  return dockerfile::ParseImageRef(e.text);
}

std::vector<TextRange> VariableRefs(std::string_view src, TextRange within, std::string_view name,
                                    char escape) {
  std::vector<TextRange> out;
  std::string_view t = within.Of(src);
  auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == escape) {
      ++i;
      continue;
    }
    if (t[i] != '$' || i + 1 >= t.size()) continue;
    size_t s = i + 1;
    if (t[s] == '{') ++s;
    size_t e = s;
    while (e < t.size() && name_char(t[e])) ++e;
    if (t.substr(s, e - s) == name)
      out.push_back({within.start + static_cast<uint32_t>(s), within.start + static_cast<uint32_t>(e)});
    i = e - 1;
  }
  return out;
}

}  // namespace shipshape::models
