#include "compose/schema.h"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <nlohmann/json.hpp>

#include "core/embedded.h"

namespace shipshape::compose {
namespace {

using nlohmann::json;

bool IsExtensionKey(std::string_view k) { return k.size() >= 2 && k[0] == 'x' && k[1] == '-'; }

// valijson evaluates patternProperties with std::regex, compiled per object on every validation.
// The Compose schema only uses them for `^x-` (we drop x-* keys before validating instead) and for
// "any name" patterns, which we turn into additionalProperties. Keeps std::regex off the hot path.
void Simplify(json& s) {
  if (s.is_array()) {
    for (json& x : s) Simplify(x);
    return;
  }
  if (!s.is_object()) return;
  auto pp = s.find("patternProperties");
  if (pp != s.end() && pp->is_object()) {
    json keep = json::object();
    for (auto it = pp->begin(); it != pp->end(); ++it) {
      const std::string& pat = it.key();
      if (pat == "^x-") continue;
      if (pat == "^.+$" || pat == ".+" || pat == "^[a-zA-Z0-9._-]+$" || pat == "^[a-z]+$") {
        s["additionalProperties"] = it.value();
        continue;
      }
      keep[pat] = it.value();
    }
    if (keep.empty()) s.erase("patternProperties");
    else s["patternProperties"] = keep;
  }
  for (auto it = s.begin(); it != s.end(); ++it) Simplify(it.value());
}

struct Compiled {
  json schema_doc;
  valijson::Schema schema;
  bool ok = false;
  std::string error;
};

const Compiled& GetCompiled() {
  static const Compiled* compiled = [] {
    auto* c = new Compiled;
    try {
      std::string_view text = EmbeddedFile("compose-spec.json");
      c->schema_doc = json::parse(text.begin(), text.end());
      Simplify(c->schema_doc);
      valijson::SchemaParser parser;
      valijson::adapters::NlohmannJsonAdapter adapter(c->schema_doc);
      parser.populateSchema(adapter, c->schema);
      c->ok = true;
    } catch (const std::exception& e) {
      c->error = e.what();
    }
    return c;
  }();
  return *compiled;
}

json ScalarToJson(const yaml::Node* n) {
  if (n->style != yaml::ScalarStyle::kPlain || !n->tag.empty()) return n->value;
  if (n->value.find('$') != std::string::npos) return n->value;  // interpolated later: a string
  if (n->IsNull()) return nullptr;
  if (auto b = n->AsBool()) return *b;
  if (auto i = n->AsInt()) return *i;
  if (auto d = n->AsDouble()) {
    if (std::isfinite(*d)) return *d;
    return n->value;
  }
  return n->value;
}

json ToJson(const yaml::Node* n, int depth) {
  if (depth > 2000) return nullptr;
  switch (n->kind) {
    case yaml::Kind::kScalar:
      return ScalarToJson(n);
    case yaml::Kind::kSequence: {
      json a = json::array();
      for (const yaml::Item& it : n->items) a.push_back(ToJson(it.node, depth + 1));
      return a;
    }
    case yaml::Kind::kMapping: {
      json o = json::object();
      for (const yaml::Entry& e : n->entries) {
        if (!e.key->IsScalar()) continue;
        if (IsExtensionKey(e.key->value)) continue;
        o[e.key->value] = ToJson(e.value, depth + 1);
      }
      return o;
    }
  }
  return nullptr;
}

// Follows valijson's context ("<root>", "[services]", "[web]", "[0]") through the YAML tree.
struct Located {
  const yaml::Node* node = nullptr;
  const yaml::Entry* entry = nullptr;  // the mapping entry holding `node`, if any
  std::string path;
};

Located Locate(const yaml::Node* root, const std::vector<std::string>& ctx) {
  Located loc{root, nullptr, ""};
  for (const std::string& c : ctx) {
    if (c == "<root>" || c.size() < 2 || c.front() != '[' || c.back() != ']') continue;
    const std::string key = c.substr(1, c.size() - 2);
    const yaml::Node* n = loc.node;
    if (!n) break;
    if (n->IsSequence()) {
      size_t idx = 0;
      try {
        idx = std::stoul(key);
      } catch (...) {
        break;
      }
      if (idx >= n->items.size()) break;
      loc.node = n->items[idx].node;
      loc.entry = nullptr;
      loc.path += "[" + key + "]";
    } else if (n->IsMapping()) {
      const yaml::Entry* e = n->Find(key);
      if (!e) break;
      loc.entry = e;
      loc.node = e->value;
      loc.path += (loc.path.empty() ? "" : ".") + key;
    } else {
      break;
    }
  }
  return loc;
}

std::string Quoted(std::string_view s) { return "`" + std::string(s) + "`"; }

// Where keys that people put in the wrong place belong.
const char* HomeOf(std::string_view key, std::string_view parent_kind) {
  if (parent_kind == "service") {
    if (key == "restart_policy" || key == "resources" || key == "replicas" || key == "placement" ||
        key == "update_config" || key == "rollback_config" || key == "endpoint_mode" || key == "mode")
      return "under `deploy`";
    if (key == "interval" || key == "timeout" || key == "retries" || key == "start_period" || key == "test")
      return "under `healthcheck`";
    if (key == "context" || key == "dockerfile" || key == "args") return "under `build`";
    if (key == "environments" || key == "env") return "named `environment`";
    if (key == "volume" || key == "port" || key == "network" || key == "label" || key == "depend_on" || key == "dependson")
      return "spelled with a trailing `s` (or `depends_on`)";
    if (key == "memory" || key == "cpu" || key == "memory_limit") return "as `mem_limit`/`cpus`, or under `deploy.resources.limits`";
  }
  if (parent_kind == "top") {
    if (key == "image" || key == "build" || key == "ports" || key == "environment" || key == "command")
      return "under a service in `services`";
    if (key == "service") return "named `services`";
  }
  if (parent_kind == "deploy" && (key == "memory" || key == "cpus")) return "under `deploy.resources.limits`";
  return nullptr;
}

std::string ParentKind(const std::string& path) {
  if (path.empty()) return "top";
  // services.<name>
  if (path.rfind("services.", 0) == 0 && path.find('.', 9) == std::string::npos && path.find('[') == std::string::npos)
    return "service";
  if (path.size() >= 7 && path.compare(path.size() - 7, 7, ".deploy") == 0) return "deploy";
  return "other";
}

std::string ExtractQuoted(const std::string& desc) {
  // valijson: "... constraints: 'name'." -> name
  size_t e = desc.rfind('\'');
  if (e == std::string::npos || e == 0) return {};
  size_t b = desc.rfind('\'', e - 1);
  if (b == std::string::npos) return {};
  return desc.substr(b + 1, e - b - 1);
}

std::string Describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "a mapping";
    default: return "a value";
  }
}

/// The JSON type name of a YAML node as validated, without converting its subtree.
std::string Describe(const yaml::Node* n) {
  if (n->IsSequence()) return "a list";
  if (n->IsMapping()) return "a mapping";
  return Describe(ScalarToJson(n));
}

using Context = std::vector<std::string>;

bool IsStrictPrefix(const Context& a, const Context& b) {
  return a.size() < b.size() && std::equal(a.begin(), a.end(), b.begin());
}

/// For each context: does another context lie strictly below it? In sorted order the contexts
/// extending `c` come right after it, so only the next larger one needs looking at.
std::vector<bool> HasDeeper(const std::vector<RawError>& raws) {
  std::vector<Context> sorted;
  sorted.reserve(raws.size());
  for (const RawError& r : raws) sorted.push_back(r.ctx);
  std::sort(sorted.begin(), sorted.end());
  std::vector<bool> out;
  out.reserve(raws.size());
  for (const RawError& r : raws) {
    auto next = std::upper_bound(sorted.begin(), sorted.end(), r.ctx);
    out.push_back(next != sorted.end() && IsStrictPrefix(r.ctx, *next));
  }
  return out;
}

/// Generic combinator messages add nothing when a specific error exists at the same path.
bool IsGeneric(const std::string& d) {
  return d.find("child schema") != std::string::npos || d.find("oneOf") != std::string::npos ||
         d.find("anyOf") != std::string::npos || d.find("not permitted by 'type'") != std::string::npos;
}

}  // namespace

std::vector<bool> MostSpecific(const std::vector<RawError>& raws) {
  // Per context: whether a specific (non-generic) error is there, and the first generic one.
  struct AtContext {
    bool specific = false;
    size_t first_generic = SIZE_MAX;
  };
  std::map<Context, AtContext> at;
  for (size_t i = 0; i < raws.size(); ++i) {
    AtContext& a = at[raws[i].ctx];
    if (!IsGeneric(raws[i].desc)) a.specific = true;
    else a.first_generic = std::min(a.first_generic, i);
  }
  const std::vector<bool> deeper = HasDeeper(raws);
  std::vector<bool> keep(raws.size());
  for (size_t i = 0; i < raws.size(); ++i) {
    if (deeper[i]) continue;
    const AtContext& a = at[raws[i].ctx];
    keep[i] = !IsGeneric(raws[i].desc) || (!a.specific && a.first_generic == i);
  }
  return keep;
}

bool SchemaAvailable() { return GetCompiled().ok; }

std::vector<SchemaError> ValidateSchema(const yaml::Node* root) {
  std::vector<SchemaError> out;
  if (!root) return out;
  const Compiled& c = GetCompiled();
  if (!c.ok) {
    out.push_back({"internal error: the embedded Compose schema failed to load: " + c.error, "", root->range, root->source});
    return out;
  }
  try {
    const json doc = ToJson(root, 0);
    valijson::adapters::NlohmannJsonAdapter target(doc);
    // The cache of compiled `pattern` regexes lives in the Validator: reuse one per thread.
    thread_local valijson::Validator validator;
    if (validator.validate(c.schema, target, nullptr)) return out;
    valijson::ValidationResults results;
    validator.validate(c.schema, target, &results);

    std::vector<RawError> raws;
    valijson::ValidationResults::Error err;
    while (results.popError(err)) raws.push_back({err.context, err.description});
    const std::vector<bool> keep = MostSpecific(raws);
    std::set<std::string> seen;
    for (size_t ri = 0; ri < raws.size(); ++ri) {
      if (!keep[ri]) continue;
      const RawError& r = raws[ri];
      Located loc = Locate(root, r.ctx);
      SchemaError se;
      se.path = loc.path;
      const yaml::Node* n = loc.node ? loc.node : root;
      se.range = n->range;
      se.source = n->source;
      const std::string where = loc.path.empty() ? "at the top level" : "in " + Quoted(loc.path);
      if (r.desc.find("could not be validated using 'properties'") != std::string::npos ||
          r.desc.find("additionalProperties") != std::string::npos) {
        const std::string key = ExtractQuoted(r.desc);
        if (n->IsMapping()) {
          if (const yaml::Entry* e = n->Find(key)) {
            se.range = e->key->range;
            se.source = e->key->source;
          }
        }
        se.message = Quoted(key) + " is not allowed " + where;
        if (const char* home = HomeOf(key, ParentKind(loc.path))) {
          se.message += std::string("; it belongs ") + home;
        } else if (loc.path.empty() && n->IsMapping()) {
          const yaml::Node* v = n->Get(key);
          if (v && v->IsMapping() && (v->Find("image") || v->Find("build")))
            se.message += "; it looks like a service in the legacy Compose v1 format, which docker compose no "
                          "longer supports: move it under `services:`";
        }
        se.path += (se.path.empty() ? "" : ".") + key;
      } else if (r.desc.find("type") != std::string::npos && r.desc.find("not permitted") != std::string::npos) {
        se.message = Quoted(loc.path) + " has the wrong type (" + Describe(n) + ")";
      } else if (r.desc.find("enum") != std::string::npos) {
        se.message = Quoted(loc.path) + ": value " + Quoted(n->IsScalar() ? n->value : "...") + " is not one of the allowed values";
      } else if (r.desc.find("required") != std::string::npos || r.desc.find("Missing required") != std::string::npos) {
        se.message = Quoted(loc.path.empty() ? "(top level)" : loc.path) + ": " + r.desc;
      } else if (r.desc.find("oneOf") != std::string::npos || r.desc.find("anyOf") != std::string::npos) {
        se.message = Quoted(loc.path) + " has an unsupported form or type (" + Describe(n) + ")";
      } else {
        se.message = (loc.path.empty() ? std::string("top level") : Quoted(loc.path)) + ": " + r.desc;
      }
      const std::string dedupe = se.path + "\n" + se.message;
      if (!seen.insert(dedupe).second) continue;
      out.push_back(std::move(se));
    }
    if (out.empty()) out.push_back({"the file does not match the Compose schema", "", root->range, root->source});
  } catch (const std::exception& e) {
    out.push_back({std::string("internal error during schema validation: ") + e.what(), "", root->range, root->source});
  }
  std::sort(out.begin(), out.end(), [](const SchemaError& a, const SchemaError& b) {
    return a.range.start < b.range.start || (a.range.start == b.range.start && a.message < b.message);
  });
  return out;
}

}  // namespace shipshape::compose
