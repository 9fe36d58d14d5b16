// A service refers to a service, volume, network, secret or config that the project does not
// define: `docker compose` refuses the whole project.
#include "compose/workspace_links.h"
#include "core/workspace.h"
#include "rules/compose/compose_util.h"
#include "rules/util.h"

namespace shipshape {
namespace {

/// What the project defines: this file, plus the other half of its default project.
struct Defined {
  std::vector<const compose::ComposeFile*> files;
  bool Service(std::string_view n) const {
    for (const compose::ComposeFile* f : files)
      if (f->FindService(n)) return true;
    return false;
  }
  bool In(std::vector<compose::Named> compose::ComposeFile::*list, std::string_view n) const {
    for (const compose::ComposeFile* f : files)
      for (const compose::Named& d : f->*list)
        if (d.name == n) return true;
    return false;
  }
};

/// True when what the file refers to may be defined somewhere this check cannot see: an `include`,
/// another `-f` file (an override without its base, a fragment service, `extends` from another
/// file), or a merged project.
bool CannotSeeWholeProject(const compose::ComposeFile& f, const RuleContext& ctx) {
  const std::string_view path = ctx.file().path;
  if (!f.includes.empty() || f.sources.size() > 1) return true;
  if (crules::IsOverrideFile(path) && !f.base_file) return true;
  // Only what `docker compose` loads without `-f`: a default file name (or its override). Other
  // names (docker-compose.prod.yml, compose.tests.yaml, extension files) are usually given with
  // `-f` after a base that defines what they use.
  const std::string_view base = rules::BaseName(path);
  bool default_name = f.base_file != nullptr;
  for (std::string_view n : compose::kComposeFileNames) default_name = default_name || base == n;
  if (!default_name) return true;
  // A file another Compose file pulls in (`include:`, `extends.file`) is part of that project.
  if (const Workspace* ws = ctx.workspace()) {
    const std::string self = NormalizePath(path);
    for (const auto& [dir, ref] : compose::ComposeReferences(*ws))
      if (ref == self) return true;
  }
  for (const compose::ComposeFile* c : {&f, f.base_file.get(), f.override_file.get()}) {
    if (!c) continue;
    if (!c->includes.empty()) return true;
    for (const compose::Service& s : c->services) {
      if (c == &f && crules::IsOverrideFile(path) && f.base_file->FindService(s.name)) continue;
      if (c == f.override_file.get() && f.FindService(s.name)) continue;
      if (c == &f && f.override_file == nullptr && f.base_file && f.base_file->FindService(s.name)) continue;
      const bool complete = crules::InChain(*c, s, [](const compose::Service& x) {
        return x.image.present() || x.build.has_value();
      });
      if (!s.node || !s.node->IsMapping() || crules::ExtendsOtherFile(*c, s) || !complete) return true;
    }
  }
  return false;
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  if (CannotSeeWholeProject(f, ctx)) return;
  Defined def;
  def.files.push_back(&f);
  if (f.base_file) def.files.push_back(f.base_file.get());
  if (f.override_file) def.files.push_back(f.override_file.get());
  auto report = [&](const compose::Service& s, TextRange at, std::string_view kind, std::string_view name,
                    std::string_view top) {
    ctx.Report(at, "service `" + s.name + "` uses the " + std::string(kind) + " `" + std::string(name) +
                       "`, which no top-level `" + std::string(top) + ":` defines: `docker compose` refuses "
                       "the whole project (\"refers to undefined " + std::string(kind) + "\")");
  };
  for (const compose::Service& s : f.services) {
    if (s.source != 0) continue;
    for (const compose::Dependency& d : s.depends_on) {
      if (d.source != 0 || !d.required || d.service.empty() || d.service.find('$') != std::string::npos) continue;
      if (!def.Service(d.service))
        ctx.Report(d.range, "service `" + s.name + "` depends on `" + d.service +
                                "`, which the project does not define: `docker compose` refuses the whole "
                                "project (\"depends on undefined service\")");
    }
    for (const compose::Mount& m : s.volumes) {
      if (m.type != compose::MountType::kVolume || m.source_file != 0 || !m.source.present() ||
          !m.source.known || m.source.text.empty())
        continue;
      if (!def.In(&compose::ComposeFile::volumes, m.source.text))
        report(s, m.source.range, "volume", m.source.text, "volumes");
    }
    for (const compose::Value& n : s.networks) {
      if (n.source != 0 || !n.known || n.text.empty() || n.text == "default") continue;
      if (!def.In(&compose::ComposeFile::networks, n.text)) report(s, n.range, "network", n.text, "networks");
    }
    for (const compose::Value& v : s.secrets) {
      if (v.source != 0 || !v.known || v.text.empty()) continue;
      if (!def.In(&compose::ComposeFile::secrets, v.text)) report(s, v.range, "secret", v.text, "secrets");
    }
    for (const compose::Value& v : s.configs) {
      if (v.source != 0 || !v.known || v.text.empty()) continue;
      if (!def.In(&compose::ComposeFile::configs, v.text)) report(s, v.range, "config", v.text, "configs");
    }
  }
}

}  // namespace

extern constinit const Rule kUndefinedReference{
    .code = "DC090",
    .name = "undefined-reference",
    .summary = "A service uses a service, volume, network, secret or config the project does not define",
    .target = Target::kCompose,
    .severity = Severity::kError,
    .category = Category::kCorrectness,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_compose = Check,
    .docs = R"md(## What it does
Flags a `depends_on` entry naming a service that does not exist, and a named volume, network,
secret or config used by a service but missing from the top-level `volumes:`, `networks:`,
`secrets:` or `configs:`.

The project is what `docker compose` loads without `-f` in the file's directory: a base file
(`compose.yaml`, `docker-compose.yml`, ...) and its override (`compose.override.yaml`, ...). A
reference the other file defines is fine. Only files `docker compose` loads by
default are judged (`compose.yaml`, `docker-compose.yml`, ... and the override beside them):
files with other names (`docker-compose.prod.yml`, `compose.tests.yaml`, extension files) are
usually passed with `-f` after a base that defines what they use. Nothing is reported either
when the file has an `include:`, when another Compose file includes or extends it, when it is an
override whose base is not there, or when one of its services is a fragment another `-f` file
completes. `depends_on` entries with `required: false`,
the implicit `default` network, and names built from unset variables are skipped.

## Why is this bad
`docker compose config`, `up` and `docker stack deploy` reject the whole project ("service web
refers to undefined volume data", "depends on undefined service db"). Nothing starts until the
file is fixed. It usually comes from a rename, a service deleted from one file but still
referenced in another, or a bind mount written without `./` (`data:/data` is a named volume;
`./data:/data` is a directory).

## Example
```yaml
services:
  web:
    image: nginx:1.27
    depends_on: [db]
    volumes:
      - data:/usr/share/nginx/html
```

## Use instead
```yaml
services:
  web:
    image: nginx:1.27
    volumes:
      - ./data:/usr/share/nginx/html
```

## Fix safety
No fix: whether a missing volume is a named volume to declare or a directory missing its `./`,
and whether a missing dependency was renamed or removed, is for a human to say.

## References
- https://docs.docker.com/reference/compose-file/services/#depends_on
- https://docs.docker.com/reference/compose-file/volumes/
- https://docs.docker.com/compose/how-tos/multiple-compose-files/merge/
)md",
};

}  // namespace shipshape
