// pip install of packages without a version.
#include "rules/dockerfile/run_analysis.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

using namespace rules::run;

bool HasVersionSymbol(std::string_view v) {
  return v.find_first_of("=<>") != std::string_view::npos || v.find("~=") != std::string_view::npos;
}

bool IsVcs(std::string_view v) {
  static constexpr std::string_view kVcs[] = {"git+", "hg+", "svn+", "bzr+", "git://"};
  for (std::string_view p : kVcs)
    if (v.starts_with(p)) return true;
  return false;
}

// Counts as pinned: a version specifier, a VCS URL with @ref, a local archive or path, a URL.
bool Pinned(std::string_view v) {
  if (IsVcs(v)) {
    // The ref comes after the repository path: `git+https://host/repo.git@v1.2#egg=x`. An `@` in
    // the host part is a user name, and `#egg=...` names the package, not a version.
    v = v.substr(0, v.find('#'));
    const size_t scheme = v.find("://");
    const size_t path = v.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
    return path != std::string_view::npos && v.find('@', path) != std::string_view::npos;
  }
  if (HasVersionSymbol(v)) return true;
  if (v.ends_with(".whl") || v.ends_with(".tar.gz") || v.ends_with(".zip") || v.ends_with(".tgz"))
    return true;
  return v == "." || v == ".." || v.find('/') != std::string_view::npos;
}

// Build tooling people upgrade on purpose: pip, setuptools, wheel (with or without extras).
bool IsBootstrap(std::string_view v) {
  std::string l = Lower(v.substr(0, v.find('[')));
  return l == "pip" || l == "setuptools" || l == "wheel";
}

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  const Analysis& an = SharedAnalysis(df, ctx);
  for (const auto& r : an.runs()) {
    for (const Cmd& c : r->cmds) {
      auto pi = InstallOf(c, {shell::PackageManager::kPip, shell::PackageManager::kUv});
      if (!pi || !pi->subcommand || !pi->subcommand->Is("install")) continue;
      // Requirements and constraints files pin (or deliberately do not pin) elsewhere.
      if (pi->HasFlag('r', {"requirement", "requirements"}) ||
          pi->HasFlag('c', {"constraint", "constraints"}))
        continue;
      std::vector<const shell::Word*> loose;
      for (const shell::Word* w : pi->packages) {
        std::string_view v = w->value();
        if (Pinned(v) || IsBootstrap(v) || !w->IsStatic() || v.empty() || v == "@") continue;
        loose.push_back(w);
      }
      if (loose.empty()) continue;
      std::string names;
      for (size_t i = 0; i < loose.size() && i < 3; ++i)
        names += (i ? ", " : "") + std::string(loose[i]->value());
      if (loose.size() > 3) names += " and " + std::to_string(loose.size() - 3) + " more";
      Emit(ctx, Span(c, *loose.front(), *loose.back()),
           "pip packages without a version (" + names +
               "); pin them (`pkg==1.2.3`) or install from a requirements/constraints file");
    }
  }
}

}  // namespace

extern constinit const Rule kPipPackageUnpinned{
    .code = "DF064",
    .name = "pip-package-unpinned",
    .summary = "pip install of packages without a version",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kReliability,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {{"hadolint", "DL3013"}, {"kics", "Unpinned Package Version in Pip Install"}},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Flags `pip install` (also `pip3`, `python -m pip`, `uv pip install`) operands without a version
specifier (`==`, `>=`, `<=`, `<`, `>`, `!=`, `~=`, `===`).

Not flagged: installs with `-r`/`--requirement` or `-c`/`--constraint`; VCS URLs with an `@ref`;
local wheels and archives (`.whl`, `.tar.gz`, `.zip`); paths and URLs (`.`, `./pkg`, `/src`);
values of options such as `-e`, `-i`, `--index-url`, `-f`, `--target`; operands built from
variables; and the build tooling `pip`, `setuptools` and `wheel`, which are usually upgraded on
purpose.

## Why is this bad
Without a version, a rebuild of the same commit may install a new major release with breaking
changes.

## Example
```dockerfile
RUN pip install --no-cache-dir flask gunicorn
```

## Use instead
```dockerfile
RUN pip install --no-cache-dir flask==3.0.3 gunicorn==22.0.0
```

## Fix safety
No fix: picking versions needs the package index.

## References
- https://pip.pypa.io/en/stable/topics/repeatable-installs/
- hadolint DL3013
)md",
};

}  // namespace shipshape
