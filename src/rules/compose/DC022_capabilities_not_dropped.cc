// No `cap_drop: [ALL]`: the container keeps Docker's default capability set.
#include "knowledge/capabilities.h"
#include "rules/compose/build_facts_util.h"
#include "rules/compose/compose_util.h"

namespace shipshape {
namespace {

using compose::edit::YamlValue;

bool ListHas(const std::vector<compose::Value>& vals, std::string_view cap) {
  for (const compose::Value& v : vals)
    if (v.known && knowledge::NormalizeCapability(v.text) == cap) return true;
  return false;
}

// Added back for images whose needs are not in the known-images table: Docker's default set
// (docs: "Runtime privilege and Linux capabilities") minus NET_RAW, MKNOD, AUDIT_WRITE, SETFCAP,
// SETPCAP, SYS_CHROOT and FSETID. What is kept lets a typical entrypoint start as root, fix the
// ownership of its volumes (CHOWN, DAC_OVERRIDE, FOWNER), step down with gosu/su-exec/setpriv
// (SETGID, SETUID), signal children running as another user (KILL) and bind ports below 1024
// (NET_BIND_SERVICE). None of these is in DC021's list of dangerous capabilities.
constexpr std::string_view kGenericCaps[] = {"CHOWN", "DAC_OVERRIDE", "FOWNER", "KILL",
                                             "NET_BIND_SERVICE", "SETGID", "SETUID"};

bool IsHost(const compose::Value& v) { return v.known && Lower(v.text) == "host"; }

// Services the generic set is not offered to: host networking or PID namespace (system agents
// that need raw sockets, ptrace or more), Windows containers (no Linux capabilities).
bool GenericSetRisky(const compose::ComposeFile& f, const compose::Service& s) {
  if (crules::InChain(f, s, [](const compose::Service& x) { return IsHost(x.network_mode) || IsHost(x.pid); }))
    return true;
  const compose::Value& image = crules::ImageOf(f, s);
  const std::string platform = Lower(s.platform.text), ref = Lower(image.text);
  if (platform.starts_with("windows") || ref.find("windows") != std::string::npos ||
      ref.find("nanoserver") != std::string::npos || ref.find("servercore") != std::string::npos)
    return true;
  // Daemons that chroot their privilege-separated workers (SYS_CHROOT: dovecot's login processes,
  // postfix, sshd, FTP servers, unbound, bind) or ping hosts (NET_RAW: uptime monitors). Real case:
  // Mailu's dovecot and postfix images (issue 16).
  for (std::string_view d : {"dovecot", "postfix", "exim", "opensmtpd", "mailserver", "sshd", "openssh",
                             "vsftpd", "proftpd", "pure-ftpd", "unbound", "bind9", "uptime-kuma", "smokeping"})
    if (ref.find(d) != std::string::npos) return true;
  return false;
}

// The service's own (not merged-in) entry for `key`, if it is a sequence.
const yaml::Node* OwnSeq(const compose::Service& s, std::string_view key, bool* merged) {
  const yaml::Entry* e = s.Find(key);
  *merged = e && (e->merged_via || e->value_is_alias);
  if (!e || *merged || !e->value->IsSequence()) return nullptr;
  return e->value;
}

// What a built image needs after `cap_drop: [ALL]`, from its build (unset when not known): its
// known base's set when the Dockerfile keeps the base's process; none when the process starts as
// a non-root user (it holds no capability to lose; a `setcap` binary would, so not then); the
// step-down set when it starts as root and an entrypoint drops privileges (gosu, su-exec...).
void BuiltCapabilities(const compose::ComposeFile& f, const compose::Service& s, const compose::BuildFacts& facts,
                       std::optional<std::vector<std::string>>* caps, std::string* why) {
  if (facts.KeepsBaseProcess() && facts.base_image->capabilities) {
    *caps = *facts.base_image->capabilities;
    *why = "its Dockerfile keeps the process of its base `" + facts.base + "`, which needs ";
    for (size_t i = 0; i < (*caps)->size(); ++i) *why += (i ? ", " : "") + (**caps)[i];
    if ((*caps)->empty()) *why += "none";
    return;
  }
  const std::optional<bool> root = crules::BuiltRunsAsRoot(f, s, facts);
  if (root == false && !facts.sets_file_caps) {
    *caps = std::vector<std::string>();
    *why = "it runs as a non-root user, so it needs none";
  } else if (root != false && facts.drops_privileges) {  // an entrypoint that steps down starts as root
    *caps = std::vector<std::string>{"CHOWN", "DAC_OVERRIDE", "FOWNER", "SETGID", "SETUID"};
    *why = "it starts as root and its entrypoint drops privileges: it needs CHOWN, DAC_OVERRIDE, FOWNER, "
           "SETGID, SETUID";
  }
}

void Check(const compose::ComposeFile& f, RuleContext& ctx) {
  for (const compose::Service& s : f.services) {
    if (s.source != 0 || crules::CannotJudgeMissing(f, s, ctx.file().path, {"cap_drop"})) continue;
    if (crules::InChain(f, s, [](const compose::Service& x) { return x.privileged.AsBool() == true; })) continue;
    if (crules::InChain(f, s, [](const compose::Service& x) { return ListHas(x.cap_drop, "ALL"); })) continue;
    const compose::KnownImage* img = crules::KnownImageOf(f, s);
    std::string msg = "service `" + s.name + "` keeps Docker's default capabilities: add `cap_drop: [ALL]` and "
                      "add back only what it needs";
    // A built image: what its own build says about the user its process starts as.
    std::optional<std::vector<std::string>> built_caps;
    std::string built_why;
    if (!img && crules::IsBuilt(f, s))
      if (std::optional<compose::BuildFacts> facts = crules::BuildFactsOf(ctx, f, s); facts && facts->read())
        BuiltCapabilities(f, s, *facts, &built_caps, &built_why);
    if (built_caps) {
      msg += " (" + built_why + ")";
    } else if (img && img->capabilities) {
      if (img->capabilities->empty()) {
        msg += " (the " + img->name + " image needs none)";
      } else {
        msg += " (the " + img->name + " image needs ";
        for (size_t i = 0; i < img->capabilities->size(); ++i) msg += (i ? ", " : "") + (*img->capabilities)[i];
        msg += ")";
      }
    }
    // `docker stack deploy` ignores `cap_drop`/`cap_add` ("Ignoring unsupported options"): a fix
    // there would change nothing while looking done.
    const bool swarm = crules::FileRoleOf(f, ctx).role == compose::FileRole::kSwarmStack;
    if (swarm) msg += "; a Swarm stack ignores `cap_drop`/`cap_add`, so no fix is offered here";
    DiagnosticBuilder b = ctx.Report(s.name_range, std::move(msg));
    const bool known = (img && img->capabilities) || built_caps;
    if (swarm || !crules::OwnsMapping(f, s) || (!known && GenericSetRisky(f, s)) ||
        crules::InChain(f, s, [](const compose::Service& x) { return ListHas(x.cap_add, "ALL"); }))
      continue;
    std::vector<std::string_view> caps(std::begin(kGenericCaps), std::end(kGenericCaps));
    if (known) {
      const std::vector<std::string>& need = built_caps ? *built_caps : *img->capabilities;
      caps.assign(need.begin(), need.end());
    }
    // Capabilities still missing from cap_add (anywhere in the chain).
    std::vector<YamlValue> need;
    for (std::string_view c : caps)
      if (!crules::InChain(f, s, [&](const compose::Service& x) { return ListHas(x.cap_add, c); }))
        need.push_back(YamlValue::Str(c));
    const compose::edit::Editor ed = crules::EditorFor(f);
    std::vector<Edit> edits;
    std::vector<std::pair<std::string, YamlValue>> insert;
    bool merged = false;
    if (const yaml::Node* drop = OwnSeq(s, "cap_drop", &merged)) {
      std::optional<Edit> e = drop->items.empty() && !compose::edit::IsFlow(f.text, *drop)
                                  ? std::nullopt
                                  : ed.AppendItem(*drop, YamlValue::Str("ALL"));
      if (!e) continue;
      edits.push_back(*e);
    } else if (merged || s.Find("cap_drop") ||
               crules::InChain(f, s, [](const compose::Service& x) { return !x.cap_drop.empty(); })) {
      continue;  // inherited list: a local key would replace it
    } else {
      insert.push_back({"cap_drop", YamlValue::Seq({YamlValue::Str("ALL")})});
    }
    if (!need.empty()) {
      if (const yaml::Node* add = OwnSeq(s, "cap_add", &merged)) {
        std::optional<Edit> e = ed.AppendItems(*add, need);
        if (!e) continue;
        edits.push_back(*e);
      } else if (merged || s.Find("cap_add") ||
                 crules::InChain(f, s, [](const compose::Service& x) { return !x.cap_add.empty(); })) {
        continue;
      } else {
        insert.push_back({"cap_add", YamlValue::Seq(need)});
      }
    }
    if (!insert.empty()) {
      std::optional<Edit> e = crules::InsertIntoService(f, s, insert);
      if (!e) continue;
      edits.push_back(*e);
    }
    std::optional<std::vector<Edit>> merged_edits = compose::edit::MergeEdits(std::move(edits));
    if (!merged_edits) continue;
    std::string title;
    if (built_caps) {
      title = "Drop all capabilities" + std::string(caps.empty() ? "" : " and add back the ones its build needs");
    } else if (known) {
      title = "Drop all capabilities and add back the ones " + img->name + " needs";
    } else {
      title = "Drop all capabilities and keep a generic set for an entrypoint that starts as root and switches "
              "user (";
      for (size_t i = 0; i < caps.size(); ++i) title += std::string(i ? ", " : "") + std::string(caps[i]);
      title += "): trim it to what the service needs";
    }
    b.WithFix(std::move(title), Applicability::kUnsafe, std::move(*merged_edits));
  }
}

}  // namespace

extern constinit const Rule kCapabilitiesNotDropped{
    .code = "DC022",
    .name = "capabilities-not-dropped",
    .summary = "No `cap_drop: [ALL]`: the container keeps Docker's default capabilities",
    .target = Target::kCompose,
    .severity = Severity::kInfo,
    .category = Category::kSecurity,
    .fix = FixAvailability::kSometimes,
    .status = Status::kStable,
    .aliases = {{"cis", "5.4"}, {"kics", "Container Capabilities Unrestricted"}},
    .check_compose = Check,
    .fix_example = {.before = "services:\n  api:\n    build: ./api\n", .after = "services:\n  api:\n    build: ./api\n    cap_drop:\n      - ALL\n"},
    .docs = R"md(## What it does
Flags services without `cap_drop: [ALL]` (here or in what they `extends` or merge from an
anchor). Privileged services are DC020's. For images in shipshape's known-images table the
message says which capabilities the image needs.

## Why is this bad
Docker's default set has 14 capabilities (`CHOWN`, `DAC_OVERRIDE`, `FOWNER`, `SETUID`,
`SETGID`, `NET_RAW`, `MKNOD`, ...). Most services need none or two of them, and the rest make a
compromise worse: `NET_RAW` allows ARP/DNS spoofing on the bridge, `DAC_OVERRIDE` lets root read
every file regardless of permissions. CIS Docker Benchmark 5.4 asks for the minimum.

## Example
```yaml
services:
  cache:
    image: redis:7.4
```

## Use instead
```yaml
services:
  cache:
    image: redis:7.4
    cap_drop:
      - ALL
    cap_add:
      - CHOWN
      - SETGID
      - SETUID
```

## Fix safety
Unsafe. It adds `cap_drop: [ALL]` and a `cap_add` with what the service should need:
- for images in the known-images table, the capabilities that image's entrypoint needs (for
  example postgres needs `CHOWN`, `DAC_OVERRIDE`, `FOWNER`, `SETGID`, `SETUID` to fix volume
  ownership and drop to its user; bitnami images, which run as a non-root user, need none);
- for a service built from a local Dockerfile that shipshape can read: the known base image's
  set when the Dockerfile keeps the base's process (`FROM redis` with a config copied in); none
  when the process starts as a non-root user (its `user:`, else the Dockerfile's last `USER`),
  unless a RUN gives a binary file capabilities with `setcap`; and `CHOWN`, `DAC_OVERRIDE`,
  `FOWNER`, `SETGID`, `SETUID` when it starts as root and its entrypoint (or the script the
  ENTRYPOINT runs, read from the build context) steps down with gosu, su-exec or setpriv;
- for any other image (a custom or built image, `image: ${IMAGE}`), a generic set that lets a
  typical entrypoint start as root, chown its volumes, step down with gosu/su-exec/setpriv, signal
  its children and bind a port below 1024: `CHOWN`, `DAC_OVERRIDE`, `FOWNER`, `KILL`,
  `NET_BIND_SERVICE`, `SETGID`, `SETUID`. This is Docker's default set without `NET_RAW`,
  `MKNOD`, `AUDIT_WRITE`, `SETFCAP`, `SETPCAP`, `SYS_CHROOT` and `FSETID`; the fix says it is
  generic, and you should trim it to what the service really uses. The generic set is not offered
  to services on the host network or PID namespace (system agents usually need more), to
  Windows containers, nor to daemons that chroot their workers (`SYS_CHROOT`: dovecot, postfix,
  exim, sshd, FTP servers, unbound, bind) or ping hosts (`NET_RAW`: uptime monitors).

Custom entrypoints, extra packages or another `user:` may need more (`ping` needs `NET_RAW`, a
chroot needs `SYS_CHROOT`). Existing `cap_drop` / `cap_add` lists are extended, never replaced,
and a capability already added is not repeated; lists inherited from an anchor or a base service
are left alone (no fix), and so is a service that already adds `ALL`.

No fix in a Swarm stack file: `docker stack deploy` ignores `cap_drop` and `cap_add`.

## References
- https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities
- CIS Docker Benchmark v1.6.0, 5.4
)md",
  // no fix: dovecot chroots
};

}  // namespace shipshape
