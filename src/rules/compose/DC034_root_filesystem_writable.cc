// The container's root filesystem is writable (`read_only: true` missing).
#include "compose/swarm_schema.h"
#include "rules/compose/compose_util.h"
#include "rules/compose/build_facts_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

bool Under(std::string_view path, std::string_view dir) {
  if (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  return path == dir || (path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
                         (dir == "/" || path[dir.size()] == '/'));
}

// Container paths already backed by a volume, bind or tmpfs.
std::vector<std::string> Backed(const compose::ComposeFile& f, const compose::Service& s) {
  std::vector<std::string> out;
  crules::InChain(f, s, [&](const compose::Service& x) {
    for (const compose::Mount& m : x.volumes)
      if (m.target.present() && m.target.known) out.push_back(m.target.text);
    for (const compose::Value& t : x.tmpfs)
      if (t.known) out.push_back(t.text.substr(0, t.text.find(':')));
    return false;
  });
  return out;
}

bool CoveredBy(std::string_view path, const std::vector<std::string>& mounts) {
  for (const std::string& m : mounts)
    if (Under(path, m) || Under(m, path)) return true;
  return false;
}

// The first data directory of `img` that no volume keeps: neither one of the service's mounts nor
// a VOLUME of the image itself covers it, or an environment value (`PGDATA=...`) moves the data
// to a path under it that none covers. Empty if every data directory is kept.
std::string UnkeptData(const compose::ComposeFile& f, const compose::Service& s, const compose::KnownImage& img,
                       const std::vector<std::string>& backed) {
  std::vector<std::string> kept = backed;
  kept.insert(kept.end(), img.image_volumes.begin(), img.image_volumes.end());
  for (const std::string& d : img.data_paths) {
    if (!CoveredBy(d, kept)) return d;
    const bool moved = crules::InChain(f, s, [&](const compose::Service& x) {
      for (const compose::KeyValue& kv : x.environment) {
        if (!kv.value || !kv.value->known) continue;
        const std::string& v = kv.value->text;
        bool inside = false;
        for (const std::string& k : kept) inside = inside || Under(v, k);
        if (Under(v, d) && !inside) return true;
      }
      return false;
    });
    if (moved) return d;
  }
  return {};
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  for (const compose::Service& s : f.services) {
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path, {"read_only"})) continue;
    bool unknown = false, explicit_false = false;
    const bool ro = crules::InChain(f, s, [&](const compose::Service& x) {
      if (!x.read_only.present()) return false;
      if (!x.read_only.known) unknown = true;
      if (x.read_only.AsBool() == false && &x == &s) explicit_false = true;
      return x.read_only.AsBool() == true;
    });
    if (ro || unknown) continue;
    const compose::KnownImage* img = crules::KnownImageOf(f, s);
    // A built image keeps its known base's facts when its Dockerfile keeps the base's process and
    // user (FROM nginx with the site copied in); its own VOLUMEs stay writable like the base's.
    std::optional<compose::KnownImage> derived;
    std::string build_why;
    if (!img && crules::IsBuilt(f, s))
      if (std::optional<compose::BuildFacts> facts = crules::BuildFactsOf(ctx, f, s)) {
        if (!facts->read()) {
          build_why = facts->missing;
        } else if (facts->KeepsBaseProcess()) {
          derived = *facts->base_image;
          derived->image_volumes.insert(derived->image_volumes.end(), facts->volumes.begin(), facts->volumes.end());
          img = &*derived;
        } else if (facts->base_image) {
          build_why = "its Dockerfile " + std::string(facts->own_process ? "runs its own process" : "changes the user") +
                      " on `" + facts->base + "`";
        } else {
          build_why = facts->base.empty() ? "its Dockerfile builds on no known image"
                                          : "its base `" + facts->base + "` is not in the known-images table";
        }
      }
    const std::vector<std::string> backed = Backed(f, s);
    const std::string missing_data = img ? UnkeptData(f, s, *img, backed) : std::string();
    std::string msg = "service `" + s.name + "` has a writable root filesystem" +
                      std::string(explicit_false ? " (`read_only: false`)" : "") +
                      ": set `read_only: true` and give the paths it writes a tmpfs or a volume";
    // Configuration the image ships and writes at start (Elasticsearch's keystore in `config/`):
    // a tmpfs would hide the shipped files and the service would not start (issue 16).
    std::string unkept_config;
    if (img)
      for (const std::string& c : img->config_paths)
        if (unkept_config.empty() && !CoveredBy(c, backed)) unkept_config = c;
    // Why there is no fix, in the message: a fix needs facts, never a guess.
    if (!missing_data.empty()) {
      msg += " (its data directory `" + missing_data + "` needs a volume first)";
    } else if (!unkept_config.empty()) {
      msg += " (`" + unkept_config + "` holds the image's configuration and is written at start: a tmpfs "
             "would hide the shipped files, so it needs a volume holding them first)";
    } else if (!img) {
      msg += crules::IsBuilt(f, s) ? " (no fix: the paths a built image writes are not known" +
                                         (build_why.empty() ? std::string() : ": " + build_why) + ")"
                                   : " (no fix: the paths this image writes are not known)";
    } else if (!img->writable_paths) {
      msg += " (no fix: the paths " + img->name + " writes at run time are not known)";
    }
    DiagnosticBuilder b = ctx.Report(explicit_false ? s.read_only.range : s.name_range, std::move(msg));
    if (!img || !img->writable_paths || !missing_data.empty() || !unkept_config.empty() ||
        !crules::OwnsMapping(f, s))
      continue;
    std::vector<YamlValue> tmpfs;
    for (const std::string& w : *img->writable_paths) {
      bool covered = false;  // a tmpfs over the image's own VOLUME would lose what it keeps there
      for (const std::string& bk : backed) covered = covered || Under(w, bk);
      for (const std::string& v : img->image_volumes) covered = covered || Under(w, v);
      if (!covered) tmpfs.push_back(YamlValue::Str(w));
    }
    const compose::edit::Editor ed = crules::EditorFor(f);
    std::vector<Edit> edits;
    std::vector<std::pair<std::string, YamlValue>> insert;
    const yaml::Entry* ro_entry = s.Find("read_only");
    if (ro_entry) {
      if (ro_entry->merged_via || ro_entry->value_is_alias || !ro_entry->value->IsScalar()) continue;
      std::optional<Edit> e = ed.ReplaceRaw(*ro_entry->value, "true");
      if (!e) continue;
      edits.push_back(*e);
    } else {
      insert.push_back({"read_only", YamlValue::Raw("true")});
    }
    // A Swarm stack declaring a version below 3.6 has no service `tmpfs` (docker stack refuses it).
    if (!tmpfs.empty() && compose::SwarmSchemaBelow(f, ctx.file().path, 6)) continue;
    if (!tmpfs.empty()) {
      const yaml::Entry* t = s.Find("tmpfs");
      if (t) {
        if (t->merged_via || t->value_is_alias || !t->value->IsSequence()) continue;
        std::optional<Edit> e = ed.AppendItems(*t->value, tmpfs);
        if (!e) continue;
        edits.push_back(*e);
      } else if (crules::InChain(f, s, [](const compose::Service& x) { return !x.tmpfs.empty(); })) {
        continue;
      } else {
        insert.push_back({"tmpfs", YamlValue::Seq(tmpfs)});
      }
    }
    if (!insert.empty()) {
      std::optional<Edit> e = crules::InsertIntoService(f, s, insert);
      if (!e) continue;
      edits.push_back(*e);
    }
    std::optional<std::vector<Edit>> merged = compose::edit::MergeEdits(std::move(edits));
    if (merged)
      b.WithFix("Make the root filesystem read-only with tmpfs for the paths " + img->name + " writes",
                Applicability::kUnsafe, std::move(*merged));
  }
}

}  // namespace

extern constinit const Rule kRootFilesystemWritable{
    .code = "DC034",
    .name = "root-filesystem-writable",
    .summary = "The container's root filesystem is writable (`read_only: true` missing)",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.13"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  cache:\n    image: redis:7.4\n    volumes:\n      - redis-data:/data\n", .after = "services:\n  cache:\n    image: redis:7.4\n    volumes:\n      - redis-data:/data\n    read_only: true\n"
                  "    tmpfs:\n      - /tmp\n"},
    .docs = R"md(## What it does
Flags services without `read_only: true` (here, in a merged anchor or an `extends` base), or
with `read_only: false`.

## Why is this bad
With a writable root filesystem an attacker can drop tools, alter binaries and configuration,
and keep a foothold until the container is recreated. A read-only root also makes the container
honest: everything it writes goes to a declared volume or tmpfs. CIS Docker Benchmark 5.13
(5.12 before v1.6.0).

## Example
```yaml
services:
  cache:
    image: redis:7.4
    volumes:
      - redis-data:/data
```

## Use instead
```yaml
services:
  cache:
    image: redis:7.4
    volumes:
      - redis-data:/data
    read_only: true
    tmpfs:
      - /tmp
```

## Fix safety
Unsafe, and offered only for images in the known-images table whose run-time writes are known and
whose data directories are kept by a volume: one of the service's, or a `VOLUME` the image
declares itself (postgres, mysql, mariadb, redis, rabbitmq: Docker mounts an anonymous volume
there, which stays writable with `read_only: true`). A tmpfs over a data directory would lose the
data on restart, so there is no fix when a data directory has no volume, or when an environment
value such as `PGDATA` moves the data to a path under it that no volume covers. The fix adds
`read_only: true` and a `tmpfs` entry for each path the image writes at run time (postgres:
`/var/run/postgresql`, `/tmp`; nginx: `/var/cache/nginx`, `/var/run`, `/tmp`) that no volume
covers yet. Plugins, extra modules or a custom entrypoint may write elsewhere.

Configuration directories the image ships and also writes at start are never given a tmpfs
(it would hide the shipped files): Elasticsearch and OpenSearch `config/` (the keystore),
RabbitMQ's `/etc/rabbitmq`, Bitnami `conf/` directories. Such a service gets no fix until a
volume holds that directory; Kibana's `data/` (where it writes its `uuid`) is a data directory
and needs a volume. Images without facts in the table get no fix either, and the message says
what is missing.

A service built from a local Dockerfile keeps the facts of its known base image when the
Dockerfile keeps the base's process and user (`FROM nginx` with the site copied in); the
Dockerfile's own `VOLUME`s count as kept paths. Other built services get no fix, and the message
says why (the Dockerfile could not be read, it runs its own process on its base, its base is not
in the table).

## References
- https://docs.docker.com/reference/compose-file/services/#read_only
- CIS Docker Benchmark v1.6.0, 5.13
)md",
};

}  // namespace shipshape
