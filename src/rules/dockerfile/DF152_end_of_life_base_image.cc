// FROM an image whose release line reached end of life (data/eol-images.json).
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "rules/util.h"

namespace shipshape {
namespace {

struct EolLine {
  std::string line;  ///< "16", "3.8", "bionic", "*"
  std::string eol;   ///< YYYY-MM-DD
  std::string supported;
  std::string source;
};

struct EolTable {
  std::map<std::string, std::vector<EolLine>> by_image;
  std::vector<std::string> distros;
};

const EolTable& Table() {
  static const EolTable* kTable = [] {
    auto* t = new EolTable;
    const std::string_view json = EmbeddedFile("eol-images.json");
    const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return t;
    if (auto d = doc.find("distros"); d != doc.end() && d->is_array())
      for (const auto& x : *d)
        if (x.is_string()) t->distros.push_back(x.get<std::string>());
    if (auto l = doc.find("lines"); l != doc.end() && l->is_array())
      for (const auto& e : *l) {
        if (!e.is_object()) continue;
        auto s = [&](const char* k) { return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string(); };
        t->by_image[s("image")].push_back({s("line"), s("eol"), s("supported"), s("source")});
      }
    return t;
  }();
  return *kTable;
}

// The build date as YYYY-MM-DD, from the compiler's __DATE__ ("Dec  6 2026"; reproducible
// builds set it with SOURCE_DATE_EPOCH): the rule judges support against the day shipshape was
// built, so one binary always gives the same answer.
std::string BuildDate() {
  static const std::string kDate = [] {
    const char* d = __DATE__;
    static const char kMonths[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char* m = std::strstr(kMonths, std::string(d, 3).c_str());
    const int month = m ? static_cast<int>((m - kMonths) / 3) + 1 : 1;
    const int day = std::atoi(d + 4);
    const int year = std::atoi(d + 7);
    auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    return std::to_string(year) + "-" + two(month) + "-" + two(day);
  }();
  return kDate;
}

// True if `tag` starts with release line `line` at a boundary (`16` matches `16`, `16.20.2`,
// `16-alpine`, not `160`).
bool TagInLine(std::string_view tag, std::string_view line) {
  if (line == "*") return true;
  if (tag.substr(0, line.size()) != line) return false;
  return tag.size() == line.size() || tag[line.size()] == '.' || tag[line.size()] == '-' || tag[line.size()] == '_';
}

// The longest line of `image` that `tag` is in.
const EolLine* LineOf(std::string_view image, std::string_view tag) {
  const auto it = Table().by_image.find(std::string(image));
  if (it == Table().by_image.end()) return nullptr;
  const EolLine* best = nullptr;
  for (const EolLine& l : it->second)
    if (TagInLine(tag, l.line) && (!best || l.line.size() > best->line.size() || best->line == "*")) best = &l;
  return best;
}

struct Finding {
  std::string what;  ///< "node:16", "Debian buster (the `-buster` suffix)"
  const EolLine* line = nullptr;
  std::string image;
};

std::optional<Finding> Judge(const dockerfile::ImageRef& ref) {
  const std::string today = BuildDate();
  if (!ref.registry.empty() || ref.has_variable) return std::nullopt;  // Docker Hub official images only
  const std::string tag = ref.tag.empty() ? "latest" : ref.tag;
  if (const EolLine* l = LineOf(ref.repository, tag); l && l->eol < today)
    return Finding{ref.repository + ":" + tag, l, ref.repository};
  // The operating system a variant tag names: `3.11-slim-buster`, `18-alpine3.17`.
  size_t p = 0;
  while ((p = tag.find('-', p)) != std::string::npos) {
    ++p;
    const std::string_view rest = std::string_view(tag).substr(p);
    const std::string_view token = rest.substr(0, rest.find('-'));
    for (const std::string& distro : Table().distros) {
      if (distro == ref.repository) continue;
      std::string_view line = token;
      if (distro == "alpine") {
        if (token.substr(0, 6) != "alpine" || token.size() == 6) continue;
        line = token.substr(6);
      }
      const EolLine* l = LineOf(distro, line);
      if (l && l->line != "*" && l->eol < today && TagInLine(line, l->line))
        return Finding{ref.repository + ":" + tag + " (built on " + distro + " " + std::string(line) + ")", l, distro};
    }
  }
  return std::nullopt;
}

bool Stateful(std::string_view image) { return image == "postgres" || image == "mysql" || image == "mongo"; }

void Check(const dockerfile::Dockerfile& df, RuleContext& ctx) {
  for (const dockerfile::Stage& st : df.stages) {
    if (st.implicit || !st.from || st.parent || st.base_resolved.empty() || st.base_resolved == "scratch") continue;
    const dockerfile::ImageRef ref = dockerfile::ParseImageRef(st.base_resolved);
    const std::optional<Finding> f = Judge(ref);
    if (!f) continue;
    const EolLine& l = *f->line;
    const bool deprecated = l.line == "*";
    std::string msg = f->what + (deprecated ? " is a deprecated image, not updated since " + l.eol
                                            : " reached end of life on " + l.eol + ": it gets no security fixes") +
                      " (" + l.source + ")";
    std::string advice;
    if (f->image != ref.repository)  // the OS of a variant tag: keep the image, change the variant
      advice = "Move to a tag of " + ref.repository + " built on the supported " + f->image + " line " + l.supported;
    else
      advice = "Move to the supported line " +
               (l.supported.find(':') != std::string::npos ? l.supported : f->image + ":" + l.supported);
    if (Stateful(f->image))
      advice += " after upgrading the data directory (a newer major does not start on old data without it)";
    ctx.Report(st.base_range, std::move(msg)).WithFix(std::move(advice), Applicability::kDisplayOnly, {});
  }
}

}  // namespace

extern constinit const Rule kEndOfLifeBaseImage{
    .code = "DF152",
    .name = "end-of-life-base-image",
    .summary = "Base image release line past its end of life",
    .target = Target::kDockerfile,
    .severity = Severity::kWarning,
    .category = Category::kSecurity,
    .fix = FixAvailability::kNone,
    .status = Status::kStable,
    .aliases = {},
    .check_dockerfile = Check,
    .docs = R"md(## What it does
Looks up the tag of each `FROM` image (Docker Hub official images) in a table of release lines
with their end-of-life dates (`data/eol-images.json`, each line with its endoflife.date page):
Node.js, Python, PostgreSQL, MySQL, MongoDB, Ubuntu, Debian and Alpine, plus the deprecated
`java` and `openjdk` images. A line whose support ended before the date shipshape was built is
reported with the supported line to move to. The operating system in a variant tag counts too:
`python:3.12-slim-buster` runs on Debian buster, `node:22-alpine3.17` on Alpine 3.17. Tags
without a version (`latest`, `lts`, `3`) and images from other registries are not judged.

## Why is this bad
An end-of-life line gets no security fixes: every vulnerability published since stays in the
image, and package mirrors for old distributions disappear (builds start failing on
`apt-get update`). Deprecated images such as `java` and `openjdk` are not rebuilt at all.

## Example
```dockerfile
FROM node:16-alpine
```

## Use instead
```dockerfile
FROM node:24-alpine
```

## Fix safety
No automatic fix: a major upgrade of a runtime or a database changes behaviour (and a database's
data directory must be upgraded first); the message names the line to move to.

## References
- https://endoflife.date/
- https://hub.docker.com/_/openjdk (deprecation notice)
)md",
};

}  // namespace shipshape
