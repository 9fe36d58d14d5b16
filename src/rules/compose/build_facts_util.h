// The bridge between the Compose rules and compose/build_facts: the facts of a service's own
// build (its `build:` here or in a base it extends in this file), and the healthcheck that those
// facts justify. Rules DC022, DC034, DC041 and DC044 use them for services built from a local
// Dockerfile, which the known-images table cannot describe (issue 17 §2).
#ifndef SHIPSHAPE_RULES_COMPOSE_BUILD_FACTS_UTIL_H_
#define SHIPSHAPE_RULES_COMPOSE_BUILD_FACTS_UTIL_H_

#include <optional>
#include <string>

#include "compose/build_facts.h"
#include "rules/compose/compose_util.h"

namespace shipshape::crules {

/// The edit adding healthcheck `h` to `s` (nullopt if `s` has a `healthcheck` key or its mapping
/// cannot be edited). Defined in compose_util.cc beside KnownHealthcheckFix, which uses it.
std::optional<Edit> InsertHealthcheck(const ComposeFile& f, const Service& s, const compose::KnownHealthcheck& h);

/// The facts of the service's build; nullopt when the service is not built. Without a workspace
/// the facts say so in `missing`. With `health`, also the app's health endpoint (the scan of its
/// sources is done once per build context and run, in the workspace memo).
std::optional<compose::BuildFacts> BuildFactsOf(const RuleContext& ctx, const ComposeFile& f, const Service& s,
                                                bool health = false);

/// The healthcheck a built service can be given, from its facts: the known base image's probe
/// when the Dockerfile keeps the base's process, else the app's health endpoint on its port with
/// the curl or wget the image contains. nullopt with `missing` set to what is lacking.
std::optional<Fix> BuiltHealthcheckFix(const ComposeFile& f, const Service& s, const compose::BuildFacts& facts,
                                       std::string* missing);

/// True when the service's process runs as root: its `user:` (when set), else the image's USER,
/// else the base's. nullopt when that cannot be known.
std::optional<bool> BuiltRunsAsRoot(const ComposeFile& f, const Service& s, const compose::BuildFacts& facts);

}  // namespace shipshape::crules

#endif  // SHIPSHAPE_RULES_COMPOSE_BUILD_FACTS_UTIL_H_
