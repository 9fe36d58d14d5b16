// The tag an untagged or `latest` image is pinned to by `fix --unsafe`: the project's
// `image-pins:` setting first, then the table compiled in from data/image-pins.json. Images in
// neither get no fix: a tag is never guessed.
#ifndef SHIPSHAPE_RULES_PINS_H_
#define SHIPSHAPE_RULES_PINS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "dockerfile/dockerfile.h"
#include "rules/rule.h"
#include "core/diagnostic.h"
#include "core/result.h"

namespace shipshape::rules {

/// Parses a pin table (`{"pins": {"alpine": "3.22", ...}}`). Errors name the offending entry.
Result<std::map<std::string, std::string>> ParsePinTable(std::string_view json);

/// The pin for `repository` (Docker Hub names without `library/`; other registries as
/// `host/path`), or nullopt.
std::optional<std::string> PinFor(const Config& config, std::string_view repository);

/// The edit that pins the image reference written at `range` of `source` (quotes allowed
/// around it) to `tag`: `alpine` -> `alpine:3.22`, `alpine:latest` -> `alpine:3.22`. nullopt when
/// the reference holds a variable or a digest, or has a tag other than `latest`.
std::optional<Edit> PinEdit(std::string_view source, TextRange range, std::string_view tag);

/// Title of a pin fix, naming where the tag came from.
std::string PinFixTitle(const Config& config, std::string_view repository, std::string_view tag);

/// Parses the `stateful` list of a pin table (`{"stateful": ["postgres", ...]}`).
Result<std::vector<std::string>> ParseStatefulList(std::string_view json);

/// True for an image that keeps data a newer version upgrades in place and an older one cannot
/// open (databases, persistent caches, search engines): the built-in table's `stateful` list.
bool IsStatefulImage(std::string_view repository);

/// The pin fix for `repository` at `edit`: unsafe when the tag is the project's (image-pins) or
/// the image keeps no data; display-only for a stateful image pinned from the built-in table,
/// whose tag may be older than what runs (a database initialised by a newer major does not
/// start on an older one; issue 16).
Fix PinFix(const Config& config, std::string_view repository, std::string_view tag, Edit edit);

/// Attaches the pin fix to `b`, a finding on stage `st`'s FROM image `ref`, when the image has a
/// pin and is written without variables.
void PinBase(const dockerfile::Stage& st, const dockerfile::ImageRef& ref, RuleContext& ctx,
             DiagnosticBuilder& b);

}  // namespace shipshape::rules

#endif  // SHIPSHAPE_RULES_PINS_H_
