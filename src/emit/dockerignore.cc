#include "emit/dockerignore.h"

namespace shipshape::generate {

std::vector<const IgnoreEntry*> DockerignoreEntries(const Workspace& ws, std::string_view dir) {
  const std::string d = NormalizePath(dir);
  std::vector<std::string> names;
  if (ws.fs) names = ws.fs->List(d);
  const Stacks stacks = DetectStacksFromNames(names);
  const std::vector<std::string> dockerfiles = DockerfilesInDir(ws, d);
  const std::vector<std::string> sources = ExplicitContextSources(dockerfiles);
  std::vector<const IgnoreEntry*> out;
  for (const IgnoreEntry& e : IgnoreCatalog()) {
    if (!EntryApplies(e, stacks, names)) continue;
    if (PatternHidesSource(e.pattern, sources)) continue;
    out.push_back(&e);
  }
  return out;
}

std::string GenerateDockerignore(const Workspace& ws, std::string_view dir) {
  const std::string d = NormalizePath(dir);
  std::vector<std::string> names;
  if (ws.fs) names = ws.fs->List(d);
  const Stacks stacks = DetectStacksFromNames(names);
  std::string out =
      "# Files left out of the Docker build context: smaller, faster builds and no secrets in\n"
      "# images. Patterns are relative to the context root and anchored there (unlike\n"
      "# .gitignore); `**/` matches at any depth; a later `!` line re-includes.\n";
  std::string detected;
  for (int i = 0; i < kStackCount; ++i) {
    if (!Has(stacks, static_cast<Stack>(i))) continue;
    if (!detected.empty()) detected += ", ";
    detected += StackName(static_cast<Stack>(i));
  }
  if (!detected.empty()) out += "# Detected: " + detected + ".\n";
  bool first = true;
  IgnoreGroup group{};
  for (const IgnoreEntry* e : DockerignoreEntries(ws, d)) {
    if (first || e->group != group) {
      out += "\n# " + std::string(IgnoreGroupTitle(e->group)) + "\n";
      group = e->group;
      first = false;
    }
    out += e->pattern;
    out += '\n';
  }
  return out;
}

}  // namespace shipshape::generate
