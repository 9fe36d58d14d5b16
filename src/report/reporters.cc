// The format dispatcher: maps a format name (and hadolint's aliases) to its reporter, and keeps
// exceptions from escaping.
#include "report/reporters.h"

namespace shipshape {
namespace {

using RenderFn = std::string (*)(const Report&, const RenderOptions&);

struct Format {
  std::string_view name;
  RenderFn fn;
};

constexpr Format kFormats[] = {
    {"text", RenderText},         {"json", RenderJson},
    {"sarif", RenderSarif},       {"markdown", RenderMarkdown},
    {"html", RenderHtml},         {"checkstyle", RenderCheckstyle},
    {"junit", RenderJunit},       {"gitlab", RenderGitlab},
    {"codeclimate", RenderCodeclimate}, {"gnu", RenderGnu},
    {"sonarqube", RenderSonarqube},
};

struct AliasName {
  std::string_view alias;
  std::string_view name;
};
constexpr AliasName kAliases[] = {
    {"tty", "text"}, {"md", "markdown"}, {"gitlab_codeclimate", "gitlab"}};

}  // namespace

std::vector<std::string_view> FormatNames() {
  std::vector<std::string_view> names;
  for (const Format& f : kFormats) names.push_back(f.name);
  return names;
}

bool Render(std::string_view format, const Report& report, const RenderOptions& opts,
            std::string* out, std::string* err) {
  for (const AliasName& a : kAliases)
    if (format == a.alias) format = a.name;
  for (const Format& f : kFormats) {
    if (f.name != format) continue;
    try {
      *out = f.fn(report, opts);
      return true;
    } catch (const std::exception& e) {
      *err = "internal error while rendering " + std::string(format) + ": " + e.what();
      return false;
    } catch (...) {
      *err = "internal error while rendering " + std::string(format);
      return false;
    }
  }
  std::string names;
  for (const Format& f : kFormats) {
    if (!names.empty()) names += ", ";
    names += f.name;
  }
  *err = "unknown format '" + std::string(format) + "' (expected one of: " + names + ")";
  return false;
}

}  // namespace shipshape
