// Project loading: discovery, multi-file merge, `extends`, `include` (Compose spec 13-merge.md,
// 14-include.md, 05-services.md#extends). Works on YAML trees: merged nodes are new arena nodes
// whose leaves are the original nodes, so every value keeps its file (Node::source) and range.
#include <algorithm>
#include <set>

#include "compose/compose.h"
#include "envfile/envfile.h"

namespace shipshape::compose {
namespace {

using yaml::Entry;
using yaml::Item;
using yaml::Node;
using Arena = std::deque<Node>;

Node* Clone(const Node* n, Arena* arena) {
  Node* c = &arena->emplace_back(*n);
  return c;
}

Node* MakeScalar(const std::string& v, const Node* at, Arena* arena) {
  Node* c = &arena->emplace_back();
  c->value = v;
  c->range = at->range;
  c->source = at->source;
  return c;
}

// Identity of a sequence item for the "unique" merge rules; empty = no identity (append).
std::string ItemIdentity(std::string_view attr, const Node* n) {
  auto field = [&](const char* k) {
    const Node* v = n->Get(k);
    return v && v->IsScalar() ? v->value : std::string();
  };
  if (attr == "ports") {
    if (n->IsMapping()) return field("host_ip") + "|" + field("published") + "|" + field("target") + "|" + field("protocol");
    std::string ip, pub, tgt, proto, err;
    ParsePortSpec(n->value, &ip, &pub, &tgt, &proto, &err);
    return ip + "|" + pub + "|" + tgt + "|" + (proto.empty() ? "tcp" : proto);
  }
  if (attr == "volumes" || attr == "devices" || attr == "secrets" || attr == "configs") {
    if (n->IsMapping()) return field(attr == "secrets" || attr == "configs" ? "target" : "target") + "|" + field("source");
    if (attr == "volumes" || attr == "devices") {
      std::string src, dst, opts;
      SplitVolumeSpec(n->value, &src, &dst, &opts);
      return dst.empty() ? src : dst;
    }
    return n->value;
  }
  if (attr == "environment" || attr == "labels" || attr == "annotations" || attr == "args" || attr == "sysctls" ||
      attr == "extra_hosts") {
    if (!n->IsScalar()) return {};
    const size_t eq = n->value.find_first_of(attr == "extra_hosts" ? "=:" : "=");
    return n->value.substr(0, eq);
  }
  if (attr == "cap_add" || attr == "cap_drop" || attr == "expose" || attr == "links" || attr == "profiles" ||
      attr == "dns" || attr == "dns_search" || attr == "dns_opt" || attr == "security_opt" || attr == "tmpfs" ||
      attr == "env_file" || attr == "external_links" || attr == "device_cgroup_rules")
    return n->IsScalar() ? n->value : std::string();
  return {};
}

// Short list forms turned into mappings before merging (depends_on, networks).
const Node* ListToMap(const Node* n, Arena* arena) {
  Node* m = &arena->emplace_back();
  m->kind = yaml::Kind::kMapping;
  m->range = n->range;
  m->source = n->source;
  for (const Item& it : n->items) {
    if (!it.node->IsScalar()) continue;
    Entry e;
    e.key = it.node;
    e.key_range = it.range;
    Node* nul = &arena->emplace_back();
    nul->range = TextRange::At(it.node->range.end);
    nul->source = it.node->source;
    e.value = nul;
    e.value_range = nul->range;
    m->entries.push_back(e);
  }
  return m;
}

const Node* MergeAt(const Node* base, const Node* over, const std::vector<std::string_view>& path, Arena* arena,
                    int depth);

const Node* MergeMappings(const Node* base, const Node* over, const std::vector<std::string_view>& path,
                          Arena* arena, int depth) {
  Node* m = Clone(base, arena);
  m->entries.clear();
  std::vector<bool> used(over->entries.size(), false);
  for (const Entry& be : base->entries) {
    const Entry* oe = nullptr;
    for (size_t i = 0; i < over->entries.size(); ++i)
      if (over->entries[i].key->IsScalar() && be.key->IsScalar() && over->entries[i].key->value == be.key->value) {
        oe = &over->entries[i];
        used[i] = true;
        break;
      }
    if (!oe) {
      m->entries.push_back(be);
      continue;
    }
    if (oe->value->tag == "!reset") continue;
    Entry e = *oe;
    if (oe->value->tag != "!override") {
      std::vector<std::string_view> sub = path;
      sub.push_back(be.key->value);
      e.value = MergeAt(be.value, oe->value, sub, arena, depth + 1);
    }
    m->entries.push_back(e);
  }
  for (size_t i = 0; i < over->entries.size(); ++i)
    if (!used[i] && over->entries[i].value->tag != "!reset") m->entries.push_back(over->entries[i]);
  m->range = over->range;
  m->source = over->source;
  return m;
}

const Node* MergeAt(const Node* base, const Node* over, const std::vector<std::string_view>& path, Arena* arena,
                    int depth) {
  if (!base || base->IsNull()) return over;
  if (!over) return base;
  if (over->tag == "!override") return over;
  if (depth > 200) return over;
  const std::string_view attr = path.empty() ? std::string_view() : path.back();
  const bool in_service = path.size() == 3 && path[0] == "services";
  // `build: dir` is `{context: dir}`; short depends_on / networks lists are mappings.
  if (in_service && attr == "build") {
    auto as_map = [&](const Node* n) -> const Node* {
      if (!n->IsScalar()) return n;
      Node* m = &arena->emplace_back();
      m->kind = yaml::Kind::kMapping;
      m->range = n->range;
      m->source = n->source;
      Entry e;
      e.key = MakeScalar("context", n, arena);
      e.key_range = n->range;
      e.value = n;
      e.value_range = n->range;
      m->entries.push_back(e);
      return m;
    };
    base = as_map(base);
    over = as_map(over);
  }
  if (in_service && (attr == "depends_on" || attr == "networks")) {
    if (base->IsSequence()) base = ListToMap(base, arena);
    if (over->IsSequence()) over = ListToMap(over, arena);
  }
  if (base->IsMapping() && over->IsMapping()) return MergeMappings(base, over, path, arena, depth);
  if (base->IsSequence() && over->IsSequence()) {
    const bool replace = (in_service && (attr == "command" || attr == "entrypoint")) ||
                         (path.size() == 4 && path[0] == "services" && path[2] == "healthcheck" && attr == "test");
    if (replace) return over;
    Node* s = Clone(over, arena);
    s->items.clear();
    std::set<std::string> over_ids;
    for (const Item& it : over->items) {
      std::string id = ItemIdentity(attr, it.node);
      if (!id.empty()) over_ids.insert(id);
    }
    std::set<std::string> seen;
    for (const Item& it : base->items) {
      std::string id = ItemIdentity(attr, it.node);
      if (!id.empty() && (over_ids.count(id) || !seen.insert(id).second)) continue;
      s->items.push_back(it);
    }
    for (const Item& it : over->items) s->items.push_back(it);
    return s;
  }
  return over;  // scalars, or different kinds: the later file wins
}

struct Loader {
  const FileSystem& fs;
  ComposeFile* out;
  Arena* arena;

  void Problem(std::string msg, TextRange r, uint16_t src) {
    out->problems.push_back({Problem::Kind::kError, std::move(msg), r, src});
  }

  // Reads and parses a file; returns its source id, or -1.
  int Load(const std::string& path, TextRange ref, uint16_t ref_src) {
    for (size_t i = 0; i < out->sources.size(); ++i)
      if (out->sources[i].path == path) return static_cast<int>(i);
    std::optional<std::string> text = fs.Read(path, 8 << 20);
    if (!text) {
      Problem("cannot read compose file `" + path + "`", ref, ref_src);
      return -1;
    }
    SourceText st;
    st.path = path;
    st.owned = std::make_shared<const std::string>(std::move(*text));
    st.text = *st.owned;
    yaml::ParseOptions po;
    po.source_id = static_cast<uint16_t>(out->sources.size());
    st.document = yaml::Parse(st.text, po);
    for (const yaml::Error& e : st.document->errors())
      out->problems.push_back({Problem::Kind::kError, "YAML: " + e.message, e.range, po.source_id});
    out->sources.push_back(std::move(st));
    return po.source_id;
  }

  const Node* Services(const Node* root) { return root && root->IsMapping() ? root->Get("services") : nullptr; }

  // Resolves `extends` of every service in `root` (a file's tree; `dir` its directory).
  const Node* ResolveExtends(const Node* root, const std::string& dir, int depth) {
    const Node* services = Services(root);
    if (!services || !services->IsMapping() || depth > 10) return root;
    bool any = false;
    for (const Entry& e : services->entries)
      if (e.value->IsMapping() && e.value->Find("extends")) any = true;
    if (!any) return root;
    Node* new_services = Clone(services, arena);
    for (Entry& e : new_services->entries) {
      std::set<std::string> chain;
      e.value = ResolveService(e.key->value, e.value, root, dir, &chain, depth);
    }
    Node* new_root = Clone(root, arena);
    for (Entry& e : new_root->entries)
      if (e.key->IsScalar() && e.key->value == "services") e.value = new_services;
    return new_root;
  }

  const Node* ResolveService(const std::string& name, const Node* svc, const Node* root, const std::string& dir,
                             std::set<std::string>* chain, int depth) {
    if (!svc->IsMapping()) return svc;
    const Entry* ext = svc->Find("extends");
    if (!ext) return svc;
    std::string base_name, file;
    if (ext->value->IsScalar()) base_name = ext->value->value;
    else {
      const Node* sn = ext->value->Get("service");
      const Node* fn = ext->value->Get("file");
      if (sn && sn->IsScalar()) base_name = sn->value;
      if (fn && fn->IsScalar()) file = fn->value;
    }
    const std::string key = file + "#" + base_name;
    if (!chain->insert(key).second || chain->size() > 32) {
      Problem("`extends` cycle through service `" + base_name + "`", ext->value->range, ext->value->source);
      return svc;
    }
    const Node* base_root = root;
    std::string base_dir = dir;
    if (!file.empty()) {
      const std::string p = JoinPath(dir, file);
      int id = Load(p, ext->value->range, ext->value->source);
      if (id < 0) return svc;
      base_root = out->sources[id].document->root();
      base_dir = DirName(p);
    }
    const Node* base_services = Services(base_root);
    const Node* base = base_services ? base_services->Get(base_name) : nullptr;
    if (!base) {
      Problem("`extends` refers to unknown service `" + base_name + "`" + (file.empty() ? "" : " in `" + file + "`"),
              ext->value->range, ext->value->source);
      return svc;
    }
    base = ResolveService(base_name, base, base_root, base_dir, chain, depth + 1);
    // The local definition without its `extends` key, merged over the base.
    Node* local = Clone(svc, arena);
    local->entries.erase(std::remove_if(local->entries.begin(), local->entries.end(),
                                        [](const Entry& e) { return e.key->IsScalar() && e.key->value == "extends"; }),
                         local->entries.end());
    std::vector<std::string_view> path{"services", name};
    return MergeAt(base, local, path, arena, 0);
  }

  // Applies `include` of `root`: included models are merged under the local one.
  const Node* ResolveIncludes(const Node* root, const std::string& dir, int depth) {
    if (!root || !root->IsMapping()) return root;
    const Node* inc = root->Get("include");
    if (!inc || !inc->IsSequence()) return root;
    if (depth > 10) {
      Problem("`include` nested too deeply (cycle?)", inc->range, inc->source);
      return root;
    }
    const Node* result = nullptr;
    for (const Item& it : inc->items) {
      std::vector<const Node*> paths;
      if (it.node->IsScalar()) paths.push_back(it.node);
      else if (const Node* p = it.node->Get("path")) {
        if (p->IsScalar()) paths.push_back(p);
        else for (const Item& pi : p->items) paths.push_back(pi.node);
      }
      for (const Node* p : paths) {
        const std::string file = JoinPath(dir, p->value);
        int id = Load(file, p->range, p->source);
        if (id < 0) continue;
        const Node* r = out->sources[id].document->root();
        r = ResolveIncludes(r, DirName(file), depth + 1);
        r = ResolveExtends(r, DirName(file), 0);
        result = result ? MergeAt(result, r, {}, arena, 0) : r;
      }
    }
    Node* local = Clone(root, arena);
    local->entries.erase(std::remove_if(local->entries.begin(), local->entries.end(),
                                        [](const Entry& e) { return e.key->IsScalar() && e.key->value == "include"; }),
                         local->entries.end());
    return result ? MergeAt(result, local, {}, arena, 0) : local;
  }
};

}  // namespace

const Node* MergeNodes(const Node* base, const Node* over, std::deque<Node>* arena) {
  return MergeAt(base, over, {}, arena, 0);
}

std::vector<std::string> DiscoverComposeFiles(const FileSystem& fs, std::string_view dir) {
  std::vector<std::string> out;
  for (std::string_view n : kComposeFileNames) {
    std::string p = JoinPath(dir, n);
    if (fs.Exists(p) && !fs.IsDirectory(p)) {
      out.push_back(p);
      break;
    }
  }
  if (out.empty()) return out;
  for (std::string_view n : kOverrideFileNames) {
    std::string p = JoinPath(dir, n);
    if (fs.Exists(p) && !fs.IsDirectory(p)) {
      out.push_back(p);
      break;
    }
  }
  return out;
}

Result<std::unique_ptr<ComposeFile>> LoadComposeProject(const FileSystem& fs, const ProjectOptions& options) {
  std::vector<std::string> files = options.files;
  if (files.empty()) files = DiscoverComposeFiles(fs, options.project_dir.empty() ? "." : options.project_dir);
  if (files.empty())
    return Error{ErrorCode::kNotFound, "no compose file found (compose.yaml, docker-compose.yml, ...)", options.project_dir};
  const std::string project_dir = options.project_dir.empty() ? DirName(files[0]) : options.project_dir;

  // Interpolation variables: process environment first, then env files (never overriding it).
  std::vector<std::string> env_files = options.env_files;
  if (env_files.empty()) {
    const std::string dotenv = JoinPath(project_dir, ".env");
    if (fs.Exists(dotenv)) env_files.push_back(dotenv);
  }
  auto vars = std::make_shared<std::map<std::string, std::string, std::less<>>>();
  auto f = std::make_unique<ComposeFile>();
  for (const std::string& ef : env_files) {
    std::optional<std::string> text = fs.Read(ef, 1 << 20);
    if (!text) {
      f->problems.push_back({Problem::Kind::kError, "cannot read env file `" + ef + "`", {}, 0});
      continue;
    }
    envfile::ParseOptions eo;
    eo.environment = options.environment;
    envfile::EnvFile env = envfile::Parse(*text, eo);
    for (auto& [k, v] : env.ToMap()) (*vars)[k] = v;
  }
  LoadOptions lo;
  VarLookup environment = options.environment;
  lo.lookup = [environment, vars](std::string_view name) -> std::optional<std::string> {
    if (environment)
      if (auto v = environment(name)) return v;
    auto it = vars->find(name);
    if (it == vars->end()) return std::nullopt;
    return it->second;
  };

  f->merged_nodes = std::make_shared<Arena>();
  Loader loader{fs, f.get(), f->merged_nodes.get()};
  const Node* merged = nullptr;
  for (size_t i = 0; i < files.size(); ++i) {
    int id = loader.Load(NormalizePath(files[i]), {}, 0);
    if (id < 0) {
      if (i == 0) return Error{ErrorCode::kNotFound, "cannot read compose file", files[i]};
      continue;
    }
    const Node* root = f->sources[id].document->root();
    if (!root) continue;
    const std::string dir = DirName(files[i]);
    if (options.resolve_includes) root = loader.ResolveIncludes(root, dir, 0);
    if (options.resolve_extends) root = loader.ResolveExtends(root, dir, 0);
    merged = merged ? MergeAt(merged, root, {}, f->merged_nodes.get(), 0) : root;
  }
  f->path = f->sources[0].path;
  f->text = f->sources[0].text;
  f->document = f->sources[0].document;
  f->root = merged;
  BuildModel(f.get(), lo);
  return f;
}

}  // namespace shipshape::compose
