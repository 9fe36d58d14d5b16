#include "compose/workspace_links.h"

#include <algorithm>
#include <functional>
#include <memory>

#include "compose/compose.h"

namespace shipshape::compose {
namespace {

// Runs `add` on every usable Compose file of `ws`; `add` appends "a\tb\n" lines. The result is
// memoized under `key` and split back into pairs.
std::vector<std::pair<std::string, std::string>> Scan(
    const Workspace& ws, const std::string& key,
    const std::function<void(const ComposeFile&, const std::string& dir, std::string* out)>& add) {
  auto make = [&] {
    std::string out;
    for (const SourceFile* sf : ws.files) {
      if (!sf || sf->kind != FileKind::kCompose) continue;
      std::unique_ptr<ComposeFile> cf = ParseComposeFile(sf->text, sf->path);
      if (cf->usable()) add(*cf, DirName(sf->path), &out);
    }
    return out;
  };
  const std::string lines = ws.memo ? ws.memo->Get(key, make) : make();
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t p = 0;
  while (p < lines.size()) {
    size_t e = lines.find('\n', p);
    if (e == std::string::npos) e = lines.size();
    const std::string_view line = std::string_view(lines).substr(p, e - p);
    p = e + 1;
    const size_t tab = line.find('\t');
    if (tab != std::string_view::npos) pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return pairs;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> BuildContexts(const Workspace& ws) {
  return Scan(ws, "compose-build-contexts", [](const ComposeFile& cf, const std::string& dir, std::string* out) {
    for (const Service& s : cf.services) {
      if (!s.build || s.build->dockerfile_inline.present()) continue;
      const Build& b = *s.build;
      const std::string ctx_text = b.context.present() ? b.context.text : ".";
      const bool remote = ctx_text.find("://") != std::string::npos || ctx_text.rfind("git@", 0) == 0;
      if (!b.context.known || remote) {
        // Unknown context: which Dockerfile it uses may still be readable.
        if (b.dockerfile.present() && b.dockerfile.known && !b.dockerfile.text.empty() && b.dockerfile.text[0] == '/')
          *out += NormalizePath(b.dockerfile.text) + "\t?\n";
        continue;
      }
      if (b.dockerfile.present() && !b.dockerfile.known) continue;
      const std::string context = JoinPath(dir, ctx_text);
      *out += JoinPath(context, b.dockerfile.present() ? b.dockerfile.text : "Dockerfile") + "\t" + context + "\n";
    }
  });
}

std::vector<std::string> ContextsOf(const Workspace& ws, const std::string& dockerfile) {
  const std::string self = NormalizePath(dockerfile);
  std::vector<std::string> contexts;
  for (const auto& [path, context] : BuildContexts(ws)) {
    if (path != self) continue;
    if (context == "?") return {};
    if (std::find(contexts.begin(), contexts.end(), context) == contexts.end()) contexts.push_back(context);
  }
  if (contexts.empty()) {
    const std::string dir = DirName(dockerfile);
    contexts.push_back(dir.empty() ? "." : dir);
  }
  std::sort(contexts.begin(), contexts.end());
  return contexts;
}

std::vector<std::pair<std::string, std::string>> ComposeReferences(const Workspace& ws) {
  return Scan(ws, "compose-references", [](const ComposeFile& cf, const std::string& dir, std::string* out) {
    for (const Service& s : cf.services)
      if (s.extends && s.extends->file.present() && s.extends->file.known)
        *out += dir + "\t" + JoinPath(dir, s.extends->file.text) + "\n";
    for (const Include& inc : cf.includes)
      for (const Value& p : inc.paths)
        if (p.known) *out += dir + "\t" + JoinPath(dir, p.text) + "\n";
  });
}

}  // namespace shipshape::compose
