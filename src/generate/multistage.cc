#include "generate/multistage.h"

#include <algorithm>
#include <cctype>

#include "generate/detect.h"

namespace shipshape::generate {
namespace {

using dockerfile::Instruction;
using dockerfile::Keyword;

uint32_t LineStart(std::string_view s, uint32_t at) {
  while (at > 0 && s[at - 1] != '\n') --at;
  return at;
}
uint32_t LineEnd(std::string_view s, uint32_t at) {
  while (at < s.size() && s[at] != '\n') ++at;
  return at < s.size() ? at + 1 : at;
}
/// The instruction's whole lines with the comments directly above it.
TextRange Lines(std::string_view src, const Instruction& ins) {
  uint32_t from = LineStart(src, ins.leading_comments.empty() ? ins.range.start : ins.leading_comments.front().start);
  return {from, LineEnd(src, ins.range.end > ins.range.start ? ins.range.end - 1 : ins.range.start)};
}
std::string Text(std::string_view src, TextRange r, std::string_view nl) {
  std::string t(src.substr(r.start, r.end - r.start));
  if (t.empty() || t.back() != '\n') t += nl;
  return t;
}

/// `-o X` / `--output X` in a command.
std::string OptionValue(std::string_view cmd, std::initializer_list<std::string_view> opts) {
  for (std::string_view o : opts) {
    std::string key = " " + std::string(o);
    for (size_t p = cmd.find(key); p != std::string_view::npos; p = cmd.find(key, p + 1)) {
      size_t v = p + key.size();
      if (v < cmd.size() && cmd[v] == '=') ++v;
      else if (v < cmd.size() && cmd[v] == ' ') ++v;
      else continue;
      size_t e = cmd.find_first_of(" \t;&|", v);
      std::string val(cmd.substr(v, e == std::string_view::npos ? std::string_view::npos : e - v));
      if (!val.empty()) return val;
    }
  }
  return {};
}

std::string Resolve(const std::string& workdir, const std::string& p) {
  if (p.empty() || p[0] == '/') return NormalizePath(p);
  return NormalizePath(JoinPath(workdir.empty() ? "/" : workdir, p));
}

bool Contains(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

/// The program words of CMD/ENTRYPOINT (exec form args, or the shell form split on spaces).
std::vector<std::string> Words(const Instruction& ins) {
  if (ins.json_form) {
    std::vector<std::string> out;
    for (const dockerfile::Arg& a : ins.args) out.push_back(a.value);
    return out;
  }
  std::vector<std::string> out;
  std::string cur;
  for (char c : ins.rest.text) {
    if (c == ' ' || c == '\t') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

struct Scan {
  const Instruction* build = nullptr;  ///< The RUN that builds (or installs the compilers).
  size_t build_index = 0;
  std::string workdir;                 ///< At the end of the stage.
  const Instruction* cmd = nullptr;    ///< Last CMD or ENTRYPOINT (ENTRYPOINT preferred).
  std::vector<const Instruction*> moved, copied;
  std::vector<const Instruction*> user_setup;  ///< RUN useradd/adduser/groupadd.
  const Instruction* healthcheck = nullptr;
  std::string port;
};

}  // namespace

MultiStage SplitBuildStage(const dockerfile::Dockerfile& df) {
  MultiStage out;
  auto refuse = [&](std::string why) {
    out.refuse = std::move(why);
    out.edits.clear();
    return out;
  };
  if (df.stages.size() != 1 || df.stages[0].implicit || !df.stages[0].from)
    return refuse("the Dockerfile already has several stages");
  const dockerfile::Stage& st = df.stages[0];
  const std::string_view src = df.source;
  const std::string nl = df.crlf ? "\r\n" : "\n";
  const dockerfile::ImageRef ref = dockerfile::ParseImageRef(st.base_resolved);
  if (ref.has_variable) return refuse("the base image is built from a variable");
  const std::string repo = ref.repository.substr(ref.repository.rfind('/') + 1);
  std::string stack;
  if (repo == "golang") stack = "go";
  else if (repo == "maven" || repo == "gradle" || repo == "eclipse-temurin" || repo == "openjdk" ||
           repo == "amazoncorretto")
    stack = "java";
  else if (repo == "node") stack = "node";
  else if (repo == "python") stack = "python";
  else return refuse("the base image `" + st.base + "` is not one whose artefacts the rewrite knows");

  Scan sc;
  std::string workdir;
  for (size_t i = 0; i < st.instructions.size(); ++i) {
    const Instruction& ins = *st.instructions[i];
    const std::string t = ins.rest.text;
    if (ins.kind == Keyword::kOnbuild || ins.kind == Keyword::kShell)
      return refuse("`" + ins.keyword + "` cannot be carried into a new stage safely");
    if (ins.kind == Keyword::kWorkdir && !ins.args.empty()) workdir = Resolve(workdir, ins.args[0].value);
    if (ins.kind == Keyword::kRun && !sc.build) {
      bool hit = false;
      if (stack == "go") hit = Contains(t, "go build");
      if (stack == "java") hit = Contains(t, "mvn ") || Contains(t, "gradle") || Contains(t, "gradlew");
      if (stack == "node")
        hit = Contains(t, "npm run build") || Contains(t, "yarn build") || Contains(t, "yarn run build") ||
              Contains(t, "pnpm build") || Contains(t, "pnpm run build");
      if (stack == "python")
        hit = (Contains(t, "apt-get install") || Contains(t, "apk add") || Contains(t, "apt install")) &&
              (Contains(t, "gcc") || Contains(t, "build-essential") || Contains(t, "g++") ||
               Contains(t, "build-base"));
      if (hit) {
        sc.build = &ins;
        sc.build_index = i;
        if (!ins.heredocs.empty()) return refuse("the build is a heredoc script");
        continue;
      }
    }
    switch (ins.kind) {
      case Keyword::kCmd:
      case Keyword::kEntrypoint:
        if (!sc.cmd || ins.kind == Keyword::kEntrypoint || sc.cmd->kind == Keyword::kCmd) sc.cmd = &ins;
        sc.moved.push_back(&ins);
        break;
      case Keyword::kHealthcheck:
        sc.healthcheck = &ins;
        sc.moved.push_back(&ins);
        break;
      case Keyword::kExpose:
        if (sc.port.empty() && !ins.args.empty()) sc.port = ins.args[0].value.substr(0, ins.args[0].value.find('/'));
        sc.moved.push_back(&ins);
        break;
      case Keyword::kStopsignal:
      case Keyword::kVolume:
      case Keyword::kLabel:
        sc.moved.push_back(&ins);
        break;
      case Keyword::kEnv:
      case Keyword::kArg:
      case Keyword::kUser:
        sc.copied.push_back(&ins);
        break;
      case Keyword::kRun:
        if (Contains(t, "useradd") || Contains(t, "adduser") || Contains(t, "groupadd") || Contains(t, "addgroup"))
          sc.user_setup.push_back(&ins);
        if (sc.build && i > sc.build_index && stack != "python") {
          // Installing the static server the rewrite replaces is fine; anything else changes the
          // image in ways a new stage would not have.
          bool server = Contains(t, "-g serve") || Contains(t, "-g http-server") || Contains(t, "global add serve");
          if (!server)
            return refuse("`RUN " + t.substr(0, 60) + "` after the build changes the image in ways the "
                          "runtime stage would not have");
        }
        if (sc.build && i > sc.build_index && stack == "python") {
          // useradd/adduser are repeated in the runtime stage (user_setup); these are not.
          const bool user_setup = Contains(t, "useradd") || Contains(t, "adduser");
          for (std::string_view w : {"apt", "apk ", "mkdir", "chown", "chmod", "ln -s"}) {
            if (user_setup && w == "mkdir") continue;
            if (Contains(t, w))
              return refuse("`RUN " + t.substr(0, 60) + "` after the build changes files outside the "
                            "app directory the runtime stage copies");
          }
        }
        break;
      case Keyword::kCopy:
      case Keyword::kAdd:
        // Files copied after the build are runtime files; with --from they refer to other images.
        if (sc.build && i > sc.build_index && (stack == "go" || stack == "java") && !ins.HasFlag("from"))
          sc.moved.push_back(&ins);
        break;
      default:
        break;
    }
  }
  if (!sc.build) return refuse("no build step the rewrite recognises");
  if (!sc.cmd) return refuse("no CMD or ENTRYPOINT: what the image runs is not known");
  sc.workdir = workdir;
  const std::vector<std::string> words = Words(*sc.cmd);
  const std::string build_cmd = sc.build->rest.text;

  std::string runtime;  // The new final stage, after its FROM line.
  std::string builder_tail;
  std::vector<Edit> builder_edits;
  auto carry = [&](bool with_user, bool with_env) {
    // Carried instructions in their original order.
    std::vector<const Instruction*> all = sc.moved;
    if (with_env || with_user)
      for (const Instruction* c : sc.copied)
        if ((c->kind == Keyword::kUser) ? with_user : with_env) all.push_back(c);
    std::sort(all.begin(), all.end(), [](const Instruction* a, const Instruction* b) { return a->range.start < b->range.start; });
    std::string s;
    for (const Instruction* c : all) s += Text(src, Lines(src, *c), nl);
    return s;
  };
  const std::string wd = sc.workdir.empty() || sc.workdir == "/" ? "" : sc.workdir;
  if (stack == "go" || stack == "java") {
    std::string artifact;
    if (stack == "go") {
      artifact = OptionValue(build_cmd, {"-o"});
      if (artifact.empty()) return refuse("`go build` has no `-o`: the binary's path is not known");
      artifact = Resolve(sc.workdir, artifact);
      if (artifact.back() == '/') return refuse("`go build -o` names a directory");
    } else {
      auto jar = std::find(words.begin(), words.end(), "-jar");
      if (jar == words.end() || jar + 1 == words.end())
        return refuse("the image does not run `java -jar <file>`: the artefact is not known");
      artifact = Resolve(sc.workdir, *(jar + 1));
      if (Contains(artifact, "*") || Contains(artifact, "$")) return refuse("the jar path is a pattern or variable");
    }
    std::string base;
    bool distroless = false;
    if (stack == "go") {
      if (Contains(ref.tag, "alpine")) {
        base = "alpine:3.22";
      } else {
        base = "gcr.io/distroless/base-debian12:nonroot";
        distroless = true;
      }
      if (distroless && !sc.cmd->json_form) return refuse("a shell-form CMD needs a shell the distroless runtime has not");
      for (const Instruction* m : sc.moved)
        if ((m->kind == Keyword::kCopy || m->kind == Keyword::kAdd) && distroless)
          return refuse("files copied after the build (scripts?) need a shell the distroless runtime has not");
    } else {
      // The JDK major from the build image's tag: maven:3.9-eclipse-temurin-21, gradle:8-jdk17,
      // eclipse-temurin:21-jdk, openjdk:17.
      std::string tag = ref.tag;
      std::string major;
      for (std::string_view key : {"temurin-", "jdk", "openjdk-", "corretto-"}) {
        size_t p = tag.find(key);
        if (p != std::string::npos) major = VersionFloor(tag.substr(p + key.size()), 1);
        if (!major.empty()) break;
      }
      if (major.empty() && (repo == "eclipse-temurin" || repo == "openjdk" || repo == "amazoncorretto"))
        major = VersionFloor(tag, 1);
      if (major.empty()) return refuse("the Java version is not in the image tag `" + st.base + "`");
      base = "eclipse-temurin:" + major + "-jre";
    }
    runtime += wd.empty() ? "" : "WORKDIR " + wd + nl;
    runtime += "COPY --from=build " + artifact + " " + artifact + nl;
    bool user_ok = true;
    for (const Instruction* c : sc.copied)
      if (c->kind == Keyword::kUser && !c->args.empty() && !std::isdigit(static_cast<unsigned char>(c->args[0].value[0])))
        user_ok = false;
    if (!distroless && !user_ok && !sc.user_setup.empty())
      for (const Instruction* u : sc.user_setup) runtime += Text(src, Lines(src, *u), nl);
    runtime += carry(/*with_user=*/!distroless, /*with_env=*/true);
    if (distroless) runtime += "USER nonroot:nonroot" + nl;
    out.what = (stack == "go" ? "the Go binary " : "the jar ") + artifact + " on " + base;
    runtime = "FROM " + base + nl + runtime;
  } else if (stack == "node") {
    // Static build served by `serve`/`http-server`: nginx serves the directory instead.
    std::string dir;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] != "serve" && words[i] != "http-server") continue;
      for (size_t j = i + 1; j < words.size(); ++j) {
        if (words[j].empty() || words[j][0] == '-') {
          if (words[j] == "-l" || words[j] == "-p" || words[j] == "--listen" || words[j] == "--port") ++j;
          continue;
        }
        dir = words[j];
        break;
      }
    }
    if (!dir.empty()) {
      if (sc.healthcheck) return refuse("the HEALTHCHECK probes the old server's port");
      const std::string path = Resolve(sc.workdir, dir);
      runtime = "FROM " + ToolImage("nginx") + nl + "COPY --from=build " + path + " /usr/share/nginx/html" + nl;
      for (const Instruction* m : sc.moved)
        if (m->kind == Keyword::kLabel) runtime += Text(src, Lines(src, *m), nl);
      runtime += "USER 101" + nl + "EXPOSE 8080" + nl + "CMD [\"nginx\", \"-g\", \"daemon off;\"]" + nl;
      out.what = "the build output " + path + " served by nginx on port 8080";
    } else {
      if (wd.empty()) return refuse("no WORKDIR: which files the server needs is not known");
      std::string prune = "npm prune --omit=dev";
      if (Contains(build_cmd, "yarn")) return refuse("yarn has no prune; the runtime's node_modules is not known");
      if (Contains(build_cmd, "pnpm")) prune = "pnpm prune --prod";
      // Right after the build, as the user that ran it (a later USER may not own the files).
      builder_edits.push_back(Edit::Insert(LineEnd(src, sc.build->range.end - 1), "RUN " + prune + nl));
      runtime = "FROM " + st.base + nl + "WORKDIR " + wd + nl + "COPY --from=build " + wd + " " + wd + nl +
                carry(true, true);
      out.what = wd + " with node_modules pruned of dev dependencies";
    }
  } else {  // python
    for (std::string_view p : {"--user"})
      if (Contains(build_cmd, p)) return refuse("pip --user installs outside the venv");
    // Compilers and headers stay behind; libraries a -dev package pulls in at runtime would not.
    std::string t = build_cmd;
    for (std::string_view dev : {"-dev", "-devel"}) {
      for (size_t p = t.find(dev); p != std::string::npos; p = t.find(dev, p + 1)) {
        size_t s = t.rfind(' ', p);
        std::string pkg = t.substr(s + 1, p + dev.size() - s - 1);
        if (pkg != "python3-dev" && pkg != "python-dev" && pkg != "libffi-dev" && pkg != "musl-dev" &&
            pkg != "libc-dev" && pkg != "libc6-dev")
          return refuse("`" + pkg + "` is installed for the build; the runtime would need its library too");
      }
    }
    if (wd.empty()) return refuse("no WORKDIR: which files the app needs is not known");
    std::string base = st.base;
    if (!Contains(ref.tag, "slim") && !Contains(ref.tag, "alpine")) {
      // python:3.12 -> python:3.12-slim, python:3.12-bookworm -> python:3.12-slim-bookworm.
      size_t colon = base.rfind(':');
      if (colon == std::string::npos || Contains(base, "@")) return refuse("the Python image has no tag to slim");
      std::string tag = base.substr(colon + 1);
      size_t dash = tag.find('-');
      base = base.substr(0, colon + 1) + (dash == std::string::npos ? tag + "-slim" : tag.substr(0, dash) + "-slim" + tag.substr(dash));
    }
    // The builder installs into a venv the runtime copies.
    const uint32_t after_from = LineEnd(src, st.from->range.end - 1);
    builder_edits.push_back(Edit::Insert(after_from, "ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH" + nl +
                                                         "RUN python -m venv /opt/venv" + nl));
    runtime = "FROM " + base + nl + "ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH" + nl;
    bool named_user = false;
    for (const Instruction* c : sc.copied)
      if (c->kind == Keyword::kUser && !c->args.empty() && !std::isdigit(static_cast<unsigned char>(c->args[0].value[0])))
        named_user = true;
    if (named_user)
      for (const Instruction* u : sc.user_setup) runtime += Text(src, Lines(src, *u), nl);
    runtime += "WORKDIR " + wd + nl + "COPY --from=build /opt/venv /opt/venv" + nl + "COPY --from=build " + wd + " " + wd + nl;
    runtime += carry(true, true);
    out.what = "the venv and " + wd + " on " + base;
  }

  // Builder: alias the stage, drop what moved, append the tail; then the runtime stage.
  if (st.name.empty()) {
    const dockerfile::Instruction& from = *st.from;
    const std::string as = from.keyword_range.size() && std::islower(static_cast<unsigned char>(src[from.keyword_range.start]))
                               ? " as build" : " AS build";
    builder_edits.push_back(Edit::Insert(st.base_range.end, as));
  } else if (st.name != "build") {
    return refuse("the stage is already named `" + st.name + "`");
  }
  for (const Instruction* m : sc.moved) {
    // A moved instruction takes the blank lines after it along, so none pile up at the end.
    TextRange r = Lines(src, *m);
    while (r.end < src.size() && (src[r.end] == '\n' || (src[r.end] == '\r' && r.end + 1 < src.size() &&
                                                          src[r.end + 1] == '\n')))
      r.end += src[r.end] == '\r' ? 2 : 1;
    builder_edits.push_back(Edit::Delete(r));
  }
  std::stable_sort(builder_edits.begin(), builder_edits.end(),
            [](const Edit& a, const Edit& b) { return a.range.start < b.range.start; });
  const uint32_t end = static_cast<uint32_t>(src.size());
  // Where the builder's text will end: before the deletions that reach the end of the file.
  uint32_t kept_end = end;
  for (auto it = builder_edits.rbegin(); it != builder_edits.rend(); ++it) {
    if (it->range.end != kept_end || !it->text.empty()) break;
    kept_end = it->range.start;
  }
  const bool blank_before = kept_end >= 2 && src[kept_end - 1] == '\n' &&
                            (src[kept_end - 2] == '\n' || (kept_end >= 3 && src[kept_end - 2] == '\r' &&
                                                            src[kept_end - 3] == '\n'));
  std::string tail = builder_tail;
  if (end > 0 && src.back() != '\n') tail = nl + tail;
  tail += (builder_tail.empty() && blank_before ? "" : nl) + runtime;
  builder_edits.push_back(Edit::Insert(end, tail));
  // Edits that touch (an insertion where a deletion ends) become one: the fixer applies a fix's
  // edits only when each starts after the previous one's end.
  std::vector<Edit> merged;
  for (Edit& e : builder_edits) {
    if (!merged.empty() && e.range.start < merged.back().range.end) return refuse("internal: overlapping edits");
    if (!merged.empty() && e.range.start == merged.back().range.end) {
      merged.back().range.end = e.range.end;
      merged.back().text += e.text;
      continue;
    }
    merged.push_back(std::move(e));
  }
  out.edits = std::move(merged);
  return out;
}

}  // namespace shipshape::generate
