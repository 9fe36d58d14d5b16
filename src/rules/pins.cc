#include "rules/pins.h"

#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "rules/util.h"

namespace shipshape::rules {

Result<std::map<std::string, std::string>> ParsePinTable(std::string_view json) {
  const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return Error{ErrorCode::kParse, "image pins: not a JSON object", "image-pins.json"};
  const auto pins = doc.find("pins");
  if (pins == doc.end() || !pins->is_object()) return Error{ErrorCode::kParse, "image pins: no \"pins\" object", "image-pins.json"};
  std::map<std::string, std::string> out;
  for (auto it = pins->begin(); it != pins->end(); ++it) {
    if (!it.value().is_string()) return Error{ErrorCode::kParse, "image pins: \"" + it.key() + "\" is not a string", "image-pins.json"};
    const std::string tag = it.value().get<std::string>();
    // A tag as `docker pull` accepts it: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}, and not `latest`.
    if (!IsValidImageReference(it.key() + ":" + tag) || tag == "latest")
      return Error{ErrorCode::kParse, "image pins: \"" + it.key() + "\": \"" + tag + "\" is not a pinnable tag", "image-pins.json"};
    out[it.key()] = tag;
  }
  return out;
}

std::optional<std::string> PinFor(const Config& config, std::string_view repository) {
  if (auto it = config.image_pins.find(std::string(repository)); it != config.image_pins.end())
    return it->second;
  static const std::map<std::string, std::string> kTable = [] {
    auto parsed = ParsePinTable(EmbeddedFile("image-pins.json"));
    return parsed.ok() ? *parsed : std::map<std::string, std::string>{};
  }();
  if (auto it = kTable.find(std::string(repository)); it != kTable.end()) return it->second;
  return std::nullopt;
}

std::optional<Edit> PinEdit(std::string_view source, TextRange range, std::string_view tag) {
  std::string_view written = range.Of(source);
  if (written.size() >= 2 && (written.front() == '"' || written.front() == '\'') &&
      written.back() == written.front()) {
    written = written.substr(1, written.size() - 2);
    range = {range.start + 1, range.end - 1};
  }
  if (written.empty() || written.find_first_of("$@ \t\n") != std::string_view::npos) return std::nullopt;
  const size_t slash = written.rfind('/');
  const size_t colon = written.find(':', slash == std::string_view::npos ? 0 : slash + 1);
  if (colon == std::string_view::npos) return Edit::Insert(range.end, ":" + std::string(tag));
  if (written.substr(colon + 1) != "latest") return std::nullopt;
  return Edit::Replace({range.start + static_cast<uint32_t>(colon) + 1, range.end}, std::string(tag));
}

std::string PinFixTitle(const Config& config, std::string_view repository, std::string_view tag) {
  const bool configured = config.image_pins.count(std::string(repository)) > 0;
  return "Pin `" + std::string(repository) + "` to `" + std::string(tag) + "` (" +
         (configured ? "from image-pins in the configuration" : "shipshape's pin table; set image-pins to choose") +
         ")";
}

Result<std::vector<std::string>> ParseStatefulList(std::string_view json) {
  const nlohmann::json doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return Error{ErrorCode::kParse, "image pins: not a JSON object", "image-pins.json"};
  std::vector<std::string> out;
  const auto list = doc.find("stateful");
  if (list == doc.end()) return out;
  if (!list->is_array()) return Error{ErrorCode::kParse, "image pins: \"stateful\" is not a list", "image-pins.json"};
  for (const nlohmann::json& v : *list) {
    if (!v.is_string()) return Error{ErrorCode::kParse, "image pins: a \"stateful\" entry is not a string", "image-pins.json"};
    out.push_back(v.get<std::string>());
  }
  return out;
}

bool IsStatefulImage(std::string_view repository) {
  static const std::vector<std::string> kStateful = [] {
    auto parsed = ParseStatefulList(EmbeddedFile("image-pins.json"));
    return parsed.ok() ? *parsed : std::vector<std::string>{};
  }();
  for (const std::string& s : kStateful)
    if (s == repository) return true;
  return false;
}

Fix PinFix(const Config& config, std::string_view repository, std::string_view tag, Edit edit) {
  Fix fix;
  fix.edits = {std::move(edit)};
  const bool configured = config.image_pins.count(std::string(repository)) > 0;
  if (!configured && IsStatefulImage(repository)) {
    fix.applicability = Applicability::kDisplayOnly;
    fix.title = "Suggested: pin `" + std::string(repository) + "` to the version that runs now (`docker inspect` "
                "the container's image), not lower: its data directory cannot go back to an older major. "
                "shipshape's table has `" + std::string(tag) + "`; set image-pins to apply a tag";
    return fix;
  }
  fix.applicability = Applicability::kUnsafe;
  fix.title = PinFixTitle(config, repository, tag);
  return fix;
}

void PinBase(const dockerfile::Stage& st, const dockerfile::ImageRef& ref, RuleContext& ctx,
             DiagnosticBuilder& b) {
  if (ref.has_variable || st.base.find('$') != std::string::npos) return;
  const std::string repo = ref.registry.empty() ? ref.repository : ref.registry + "/" + ref.repository;
  const std::optional<std::string> tag = PinFor(ctx.config(), repo);
  if (!tag) return;
  const std::optional<Edit> e = PinEdit(ctx.source(), st.base_range, *tag);
  if (!e) return;
  b.WithFix(PinFix(ctx.config(), repo, *tag, *e));
}

}  // namespace shipshape::rules
