#include "shell/commands.h"

#include <gtest/gtest.h>

#include <string>

namespace shipshape::shell {
namespace {

// Renders the effective command of the first simple command: `name arg arg` (values).
std::string Effective(std::string_view src) {
  Script s = Parse(src);
  if (s.commands.empty()) return "<none>";
  Invocation inv = Unwrap(s, 0);
  if (!inv.ok()) return "<unknown>";
  std::string out(inv.name);
  for (const Word& w : inv.args()) {
    out += ' ';
    out += w.value();
  }
  return out;
}

TEST(UnwrapTest, SkipsWrappers) {
  static const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"apt-get install x", "apt-get install x"},
      {"/usr/bin/apt-get install x", "apt-get install x"},
      {"sudo apt-get install x", "apt-get install x"},
      {"sudo -E -u root -- apt-get install x", "apt-get install x"},
      {"sudo -uroot DEBIAN_FRONTEND=noninteractive apt-get -y install", "apt-get -y install"},
      {"env -i PATH=/bin A=1 pip install x", "pip install x"},
      {"env", "env"},
      {"sudo -v", "sudo -v"},
      {"nice -n 10 nohup time -p make -j4", "make -j4"},
      {"exec gosu app node server.js", "node server.js"},
      {"su-exec nobody:nobody ./run", "run"},
      {"timeout -s KILL 30s curl -f u", "curl -f u"},
      {"stdbuf -oL -e 0 python app.py", "python app.py"},
      {"command -v curl", "command -v curl"},
      {"command curl x", "curl x"},
      {"xargs -r -n1 -I{} rm {}", "rm {}"},
      {"chroot /mnt apt-get update", "apt-get update"},
      {"busybox wget u", "wget u"},
      {"ionice -c3 nice tar c", "tar c"},
      {"$CC -o x", "<unknown>"},
      {"A=1", "<unknown>"},
  };
  for (const auto& c : kCases) EXPECT_EQ(Effective(c.in), c.out) << c.in;

  Script s = Parse("sudo -E xargs apt-get install -y");
  Invocation inv = Unwrap(s, 0);
  EXPECT_EQ(inv.name_index, 3u);
  EXPECT_EQ(inv.wrappers, kWrapSudo | kWrapXargs);
}

TEST(OptionsTest, CombinedShortLongAndEndOfOptions) {
  static const OptionSyntax kApt{"ot", {}};
  struct Case {
    const char* in;
    bool has_y;
  } kCases[] = {
      {"apt-get install -y x", true},      {"apt-get install -yq x", true},
      {"apt-get install -qy x", true},     {"apt-get -y install x", true},
      {"apt-get install --yes x", true},   {"apt-get install --assume-yes x", true},
      {"apt-get install x --yes", true},   {"apt-get install -q x", false},
      {"apt-get install -- -y", false},    {"apt-get install '-y' x", true},
      {"apt-get install $Y x", false},     {"apt-get install -oAPT::y=1 x", false},
      {"apt-get install -o -y x", false},  {"apt-get install --yes=true x", true},
      {"apt-get install --no-yes x", false},
  };
  for (const Case& c : kCases) {
    Script s = Parse(c.in);
    Invocation inv = Unwrap(s, 0);
    EXPECT_EQ(HasFlag(inv, 'y', {"yes", "assume-yes"}, kApt), c.has_y) << c.in;
  }
  Script s = Parse("apt-get -qq -o Dpkg::Options::=--force-confnew --target-release=bookworm install a -- -b");
  Invocation inv = Unwrap(s, 0);
  EXPECT_EQ(CountFlag(inv.args(), 'q', {"quiet"}, kApt), 2);
  std::optional<Arg> o = FindFlag(inv, 'o', {"option"}, kApt);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->value, "Dpkg::Options::=--force-confnew");
  ASSERT_NE(o->value_word, nullptr);
  std::optional<Arg> t = FindFlag(inv, 't', {"target-release"}, kApt);
  ASSERT_TRUE(t);
  EXPECT_EQ(t->value, "bookworm");
  EXPECT_EQ(t->value_word, nullptr);
  std::vector<const Word*> pos = Positionals(inv, kApt);
  ASSERT_EQ(pos.size(), 3u);
  EXPECT_EQ(pos[0]->value(), "install");
  EXPECT_EQ(pos[1]->value(), "a");
  EXPECT_EQ(pos[2]->value(), "-b");
}

std::string Install(std::string_view src) {
  Script s = Parse(src);
  CommandList list(s);
  for (const Invocation& inv : list.all()) {
    std::optional<PackageInstall> p = MatchPackageInstall(inv);
    if (!p) continue;
    std::string out(PackageManagerName(p->manager));
    out += ':';
    for (const Word* w : p->packages) {
      out += ' ';
      out += w->value();
    }
    return out;
  }
  return "<none>";
}

TEST(PackageInstallTest, ManagersAndOperands) {
  static const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"apt-get install -y --no-install-recommends curl ca-certificates",
       "apt-get: curl ca-certificates"},
      {"apt-get -o Acquire::Retries=3 -t bookworm-backports install -y vim=2:9.0",
       "apt-get: vim=2:9.0"},
      {"DEBIAN_FRONTEND=noninteractive sudo apt install -yq git", "apt: git"},
      {"apt-get update", "<none>"},
      {"apt-get update && apt-get install -y a", "apt-get: a"},
      {"apk add --no-cache --virtual .build-deps gcc musl-dev", "apk: gcc musl-dev"},
      {"apk -U add -X http://r tini", "apk: tini"},
      {"yum install -y --setopt=tsflags=nodocs httpd", "yum: httpd"},
      {"dnf --enablerepo crb install -y gcc", "dnf: gcc"},
      {"microdnf install -y shadow-utils && microdnf clean all", "microdnf: shadow-utils"},
      {"zypper --non-interactive in -y curl", "zypper: curl"},
      {"zypper install --from repo x", "zypper: x"},
      {"pip install --no-cache-dir -r requirements.txt flask==3.0", "pip: flask==3.0"},
      {"pip3 install -i https://pypi.org/simple -c c.txt --index-url u requests", "pip: requests"},
      {"python -m pip install --upgrade pip", "pip: pip"},
      {"python3.11 -m pip install -U 'django<5'", "pip: django<5"},
      {"python3 -mpip install x", "pip: x"},
      {"python app.py install", "<none>"},
      {"uv pip install --system -r r.txt numpy", "uv: numpy"},
      {"uv add httpx", "uv: httpx"},
      {"npm install -g --registry https://r npm@10", "npm: npm@10"},
      {"npm ci --omit=dev", "npm:"},
      {"npm i typescript", "npm: typescript"},
      {"yarn", "yarn:"},
      {"yarn install --frozen-lockfile", "yarn:"},
      {"yarn global add pm2", "yarn: pm2"},
      {"pnpm add -D --filter web vite", "pnpm: vite"},
      {"gem install bundler -v 2.4.0 --no-document", "gem: bundler"},
      {"go install -ldflags '-s -w' github.com/x/y@v1.2.3", "go: github.com/x/y@v1.2.3"},
      {"cargo install --locked --version 0.1 ripgrep -j 2", "cargo: ripgrep"},
      {"poetry install --no-root --with dev", "poetry:"},
      {"poetry add -G dev pytest", "poetry: pytest"},
      {"pipx install --python python3.12 black", "pipx: black"},
      {"composer install --no-dev -d /app", "composer:"},
      {"composer require monolog/monolog", "composer: monolog/monolog"},
      {"conda install -y -c conda-forge -n base numpy", "conda: numpy"},
      {"sh -c 'apt-get install -y jq'", "apt-get: jq"},
  };
  for (const auto& c : kCases) EXPECT_EQ(Install(c.in), c.out) << c.in;
}

TEST(PackageInstallTest, FlagsAndRanges) {
  std::string_view src = "apk add --no-cache curl";
  Script s = Parse(src);
  std::optional<PackageInstall> p = MatchPackageInstall(Unwrap(s, 0));
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->HasFlag(0, {"no-cache"}));
  EXPECT_EQ(p->subcommand->value(), "add");
  ASSERT_EQ(p->packages.size(), 1u);
  EXPECT_EQ(p->packages[0]->range.Of(src), "curl");

  Script t = Parse("python3 -m pip install --no-cache-dir -q x");
  std::optional<PackageInstall> q = MatchPackageInstall(Unwrap(t, 0));
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->HasFlag(0, {"no-cache-dir"}));
  EXPECT_FALSE(q->HasFlag('m', {}));  // `-m pip` belongs to python, not pip
}

TEST(ShellStringTest, ParsesShDashC) {
  std::string_view src = "set -e && bash -ec 'curl -fsSL u | sh' && sh -c \"echo \\\"x\\\"; rm -rf /a\"";
  Script s = Parse(src);
  CommandList list(s);
  std::vector<std::string> names;
  for (const Invocation& inv : list.all()) names.push_back(std::string(inv.name));
  EXPECT_EQ(names, (std::vector<std::string>{"set", "bash", "curl", "sh", "sh", "echo", "rm"}));
  // Plain quoted slice: exact ranges into the outer text.
  EXPECT_EQ(list[2].command->range.Of(src), "curl -fsSL u");
  EXPECT_EQ(list[2].shell_depth, 1);
  // With escapes: ranges are clamped into the string's word.
  const Word& sh_string = list[4].command->argv[2];
  EXPECT_TRUE(sh_string.range.Contains(list[6].command->range));
  EXPECT_EQ(list[6].command->argv[2].value(), "/a");

  auto pairs = FindDownloadPipedToInterpreter(list);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(list[pairs[0].first].name, "curl");
  EXPECT_EQ(list[pairs[0].second].name, "sh");

  // Bounded: nested sh -c stops at max depth without crashing.
  std::string deep = "x";
  for (int i = 0; i < 50; ++i) deep = "sh -c '" + deep + "'";  // quoting breaks; must not crash
  Script d = Parse(deep);
  CommandList dl(d);
  EXPECT_GE(dl.size(), 1u);
  Script e = Parse("sh -c \"sh -c \\\"sh -c \\\\\\\"sh -c \\\\\\\\\\\\\\\"true\\\\\\\\\\\\\\\"\\\\\\\"\\\"\"");
  CommandList el(e, 2);
  EXPECT_LE(el.size(), 3u);
  Script f = Parse("sh script.sh && bash -x -o pipefail -c 'ls'");
  CommandList fl(f);
  ASSERT_EQ(fl.size(), 3u);
  EXPECT_EQ(fl[2].name, "ls");
}

TEST(PipeTest, DownloadPipedToInterpreter) {
  static const struct {
    const char* in;
    size_t pairs;
  } kCases[] = {
      {"curl -fsSL https://x/install.sh | sh", 1},
      {"curl -fsSL https://x | sudo -E bash -", 1},
      {"wget -qO- https://x | bash", 1},
      {"wget -O - https://x | sh -s -- -y", 1},
      {"wget https://x | sh", 0},
      {"curl -o f https://x | sh", 0},
      {"curl https://x | tar xz", 0},
      {"curl -sL u | gpg --dearmor | tee k", 0},
      {"curl -sL u | python3 -", 1},
      {"(curl -sL u; echo) | sh", 1},
      {"curl u | (cd /t && sh)", 1},
      {"curl u > f && sh f", 0},
      {"echo $(curl u) | sh", 0},
      {"curl u | bash -c 'cat'", 0},
  };
  for (const auto& c : kCases) {
    Script s = Parse(c.in);
    CommandList list(s);
    EXPECT_EQ(FindDownloadPipedToInterpreter(list).size(), c.pairs) << c.in;
  }
}

TEST(LaterCommandTest, CleanupAfterInstall) {
  std::string_view src =
      "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*";
  Script s = Parse(src);
  CommandList list(s);
  std::vector<size_t> installs;
  for (size_t i = 0; i < list.size(); ++i) {
    if (MatchPackageInstall(list[i])) installs.push_back(i);
  }
  ASSERT_EQ(installs.size(), 1u);
  EXPECT_TRUE(list.AnyAfter(installs[0], [](const Invocation& inv) {
    return RemovesPath(inv, "/var/lib/apt/lists");
  }));
  EXPECT_FALSE(list.AnyAfter(installs[0], [](const Invocation& inv) {
    return RemovesPath(inv, "/var/lib/apt/lists/partial");
  }));
  EXPECT_EQ(list.Find("apt-get").size(), 2u);

  static const struct {
    const char* in;
    bool cleanup;
  } kCases[] = {
      {"apt-get clean", true},     {"yum clean all", true},         {"dnf clean all", true},
      {"apk cache clean", true},   {"pip cache purge", true},       {"npm cache clean --force", true},
      {"rm -rf /var/cache/apk/*", true}, {"rm -rf /tmp/*", true},   {"rm -rf /var/lib/aptx", false},
      {"rm -f /root/.cache", true}, {"apt-get install x", false},   {"conda clean -afy", true},
  };
  for (const auto& c : kCases) {
    Script t = Parse(c.in);
    EXPECT_EQ(IsCacheCleanup(Unwrap(t, 0)), c.cleanup) << c.in;
  }
}

TEST(CommandListTest, RealisticRun) {
  std::string_view src =
      "set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; "
      "\tapt-get install -y --no-install-recommends ca-certificates wget; "
      "\tif ! command -v gpg > /dev/null; then \t\tapt-get install -y --no-install-recommends "
      "gnupg dirmngr; \tfi; \trm -rf /var/lib/apt/lists/*; "
      "\tdpkgArch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; "
      "\twget -O /usr/local/bin/gosu \"https://x/gosu-$dpkgArch\"; \tchmod +x /usr/local/bin/gosu";
  Script s = Parse(src);
  EXPECT_TRUE(s.ok());
  CommandList list(s);
  std::vector<std::string> pkgs;
  for (const Invocation& inv : list.all()) {
    if (auto p = MatchPackageInstall(inv)) {
      for (const Word* w : p->packages) pkgs.push_back(std::string(w->value()));
    }
  }
  EXPECT_EQ(pkgs, (std::vector<std::string>{"ca-certificates", "wget", "gnupg", "dirmngr"}));
  size_t gpg_check = list.Find("command")[0];
  EXPECT_TRUE(list[gpg_check].command->in_condition);
  EXPECT_TRUE(list[gpg_check].command->negated);
  std::vector<size_t> awk = list.Find("awk");
  ASSERT_EQ(awk.size(), 1u);
  std::vector<size_t> up = list.Upstream(awk[0]);
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(list[up[0]].name, "dpkg");
}

}  // namespace
}  // namespace shipshape::shell
