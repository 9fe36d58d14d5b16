#include "compose/detect.h"

#include <string>

namespace shipshape::compose {
namespace {

bool IsComposeTopLevelKey(std::string_view k) {
  for (std::string_view ok : {"version", "name", "services", "networks", "volumes", "secrets", "configs", "include"})
    if (k == ok) return true;
  return k.size() > 2 && (k.substr(0, 2) == "x-" || k.substr(0, 2) == "X-");
}

std::string_view StripComment(std::string_view line) {
  // A `#` starts a comment at the start or after a space (not inside `a#b`); quotes are rare at
  // this level and only make us read a little more of the line.
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return line.substr(0, i);
  return line;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

bool LooksLikeComposeContent(std::string_view text) {
  bool services_mapping = false;
  bool in_services = false;      // the previous top-level key was `services:` with nothing after it
  bool services_seen_child = false;
  size_t p = 0;
  while (p < text.size()) {
    size_t e = text.find('\n', p);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = TrimRight(StripComment(text.substr(p, e - p)));
    p = e + 1;
    if (TrimLeft(line).empty()) continue;
    if (line == "---" || line.substr(0, 4) == "--- " || line == "...") {
      if (services_mapping) break;  // the first document decides
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      if (in_services && !services_seen_child) {
        services_seen_child = true;
        const std::string_view child = TrimLeft(line);
        if (child.front() == '-') return false;  // a list of services: Render, not Compose
        services_mapping = true;
      }
      continue;
    }
    if (in_services && !services_seen_child) return false;  // `services:` with no value
    in_services = false;
    if (line.front() == '-') return false;  // a top-level sequence
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;  // not a mapping at all
    std::string_view key = line.substr(0, colon);
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
      key = key.substr(1, key.size() - 2);
    if (!IsComposeTopLevelKey(key)) return false;
    if (key != "services") continue;
    const std::string_view value = TrimLeft(line.substr(colon + 1));
    if (value.empty()) {
      in_services = true;
      services_seen_child = false;
    } else if (value.front() == '{') {
      services_mapping = true;
    } else if (value.front() != '&') {  // an anchor keeps the block below
      return false;  // `services: []` or a scalar
    } else {
      in_services = true;
      services_seen_child = false;
    }
  }
  return services_mapping;
}

}  // namespace shipshape::compose
