#include "generate/dockerfile_gen.h"

namespace shipshape::generate {
namespace {

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

std::string Quoted(const std::vector<std::string>& argv) {
  std::string out = "[";
  for (size_t i = 0; i < argv.size(); ++i) {
    if (i) out += ", ";
    out += '"';
    for (char ch : argv[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  return out + "]";
}

/// `COPY a b ./` for the manifests that are files (directories such as `.mvn` get their own COPY).
std::string CopyManifests(const Component& c, std::string_view dest = "./") {
  std::vector<std::string> files, dirs;
  for (const std::string& m : c.manifests) {
    if (m == ".mvn" || m == "gradle") dirs.push_back(m);
    else files.push_back(m);
  }
  std::string out = "COPY " + Join(files, " ") + " " + std::string(dest) + "\n";
  for (const std::string& d : dirs) out += "COPY " + d + " " + d + "\n";
  return out;
}

constexpr std::string_view kUser = "10001";

/// A system user with a fixed id: numeric so Kubernetes' runAsNonRoot can verify it.
std::string AddUserDebian() {
  return "RUN useradd --no-log-init --create-home --uid 10001 --user-group app\n";
}

std::string InstallTiniDebian() {
  return "RUN apt-get update \\\n"
         " && apt-get install -y --no-install-recommends tini \\\n"
         " && rm -rf /var/lib/apt/lists/*\n";
}

std::string Healthcheck(const Component& c) {
  std::vector<std::string> cmd = HealthcheckCommand(c);
  if (cmd.empty()) return {};
  return "HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \\\n  CMD " +
         Quoted(cmd) + "\n";
}

std::string Expose(const Component& c) {
  return c.port ? "EXPOSE " + std::to_string(c.port) + "\n" : std::string();
}

// ---- Node ------------------------------------------------------------------------------------

struct NodeTool {
  std::string install;      ///< Full install command.
  std::string prod_install; ///< Install without dev dependencies.
  std::string prune;        ///< Drops dev dependencies after a build.
  std::string run_build;
  std::string cache;        ///< Cache mount target.
  std::string setup;        ///< Run before the install (corepack).
};

NodeTool NodeToolFor(const Component& c) {
  NodeTool t;
  if (c.manager == "pnpm") {
    t = {"pnpm install --frozen-lockfile", "pnpm install --frozen-lockfile --prod",
         "pnpm prune --prod", "pnpm run build", "/root/.local/share/pnpm/store",
         "RUN corepack enable\n"};
  } else if (c.manager == "yarn") {
    t = {"yarn install --frozen-lockfile", "yarn install --frozen-lockfile --production",
         "yarn install --frozen-lockfile --production --ignore-scripts --prefer-offline",
         "yarn run build", "/usr/local/share/.cache/yarn", ""};
  } else if (c.lockfile) {
    t = {"npm ci", "npm ci --omit=dev", "npm prune --omit=dev", "npm run build", "/root/.npm", ""};
  } else {
    // Without a lockfile `npm ci` fails; the header asks for one.
    t = {"npm install --no-audit --no-fund", "npm install --no-audit --no-fund --omit=dev",
         "npm prune --omit=dev", "npm run build", "/root/.npm", ""};
  }
  return t;
}

std::string NodeDockerfile(const Component& c) {
  const NodeTool t = NodeToolFor(c);
  const std::string base = "node:" + c.version + "-slim";
  const std::string mount = "RUN --mount=type=cache,target=" + t.cache + " ";
  std::string out;
  const bool builds = c.kind == "static" || c.build_script;
  if (builds) {
    out += "FROM " + base + " AS build\nWORKDIR /app\n" + t.setup + CopyManifests(c) + mount +
           t.install + "\nCOPY . .\n";
    std::string build = t.run_build;
    if (!c.build_command.empty()) build = c.build_command;
    else if (!c.build_script && c.framework == "vite") build = "npx vite build";
    out += "RUN " + build + "\n";
  }
  if (c.kind == "static") {
    out += "\n# nginx as an unprivileged user, listening on 8080.\n";
    out += "FROM " + ToolImage("nginx") + "\n";
    out += "COPY --from=build /app/" + c.output + " /usr/share/nginx/html\n";
    out += "USER 101\n" + Expose(c) + Healthcheck(c);
    out += "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n";
    return out;
  }
  if (builds) out += "RUN " + t.prune + "\n";
  if (!builds) {
    out += "FROM " + base + " AS deps\nWORKDIR /app\n" + t.setup + CopyManifests(c) + mount +
           t.prod_install + "\n";
  }
  out += "\nFROM " + base + "\n";
  out += "# node does not reap zombies or forward signals as PID 1: tini does.\n" + InstallTiniDebian();
  out += "WORKDIR /app\nENV NODE_ENV=production\n";
  if (c.framework == "nuxt") {
    out += "ENV HOST=0.0.0.0 PORT=" + std::to_string(c.port) + "\n";
    out += "COPY --from=build /app/.output ./.output\n";
  } else if (builds) {
    out += "COPY --from=build /app ./\n";
  } else {
    out += "COPY --from=deps /app/node_modules ./node_modules\nCOPY . .\n";
  }
  out += "USER node\n" + Expose(c) + Healthcheck(c);
  out += "ENTRYPOINT [\"tini\", \"--\"]\n";
  std::vector<std::string> cmd;
  if (c.framework == "next") cmd = {"node", "node_modules/next/dist/bin/next", "start", "-p", std::to_string(c.port)};
  else if (c.framework == "nuxt") cmd = {"node", ".output/server/index.mjs"};
  else cmd = {"node", c.entry.empty() ? "index.js" : c.entry};
  out += "CMD " + Quoted(cmd) + "\n";
  return out;
}

// ---- Python ----------------------------------------------------------------------------------

std::string PythonDockerfile(const Component& c) {
  const std::string base = "python:" + c.version + "-slim";
  const std::string pipc = "RUN --mount=type=cache,target=/root/.cache/pip ";
  std::string out = "FROM " + base + " AS build\n";
  out += "ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1\n";
  out += "RUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH VIRTUAL_ENV=/opt/venv\n";
  out += "WORKDIR /app\n";
  bool copied_all = false;
  if (c.manager == "poetry") {
    out += pipc + "pip install poetry==" + ToolVersion("poetry") + "\n" + CopyManifests(c);
    out += "RUN --mount=type=cache,target=/root/.cache/pypoetry poetry config virtualenvs.create false \\\n"
           " && poetry install --only main --no-root --no-interaction\n";
  } else if (c.manager == "uv") {
    out += pipc + "pip install uv==" + ToolVersion("uv") + "\n" + CopyManifests(c);
    out += "ENV UV_PROJECT_ENVIRONMENT=/opt/venv UV_LINK_MODE=copy\n";
    out += "RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-dev --no-install-project\n";
  } else if (c.manager == "pdm") {
    out += pipc + "pip install pdm==" + ToolVersion("pdm") + "\n" + CopyManifests(c);
    out += "RUN --mount=type=cache,target=/root/.cache/pdm pdm export --prod --without-hashes -o /tmp/req.txt \\\n"
           " && pip install --no-deps -r /tmp/req.txt\n";
  } else if (c.manager == "pipenv") {
    out += pipc + "pip install pipenv==" + ToolVersion("pipenv") + "\n" + CopyManifests(c);
    out += "RUN --mount=type=cache,target=/root/.cache/pip pipenv requirements > /tmp/req.txt \\\n"
           " && pip install -r /tmp/req.txt\n";
  } else if (c.manifests.size() == 1 && c.manifests[0] == "requirements.txt") {
    out += CopyManifests(c) + pipc + "pip install -r requirements.txt\n";
  } else {
    // A pyproject/setup.py without a lockfile: the project itself is the install.
    out += "COPY . .\n" + pipc + "pip install .\n";
    copied_all = true;
  }
  // The app server, when the manifests do not list it.
  if (!c.server.empty() && !c.server_listed)
    out += pipc + "pip install " + c.server + "==" + ToolVersion(c.server) + "\n";
  (void)copied_all;
  out += "\nFROM " + base + "\n";
  out += "ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH VIRTUAL_ENV=/opt/venv\n";
  const bool needs_init = c.server.empty();
  if (needs_init) out += "# python does not reap zombies or forward signals as PID 1: tini does.\n" + InstallTiniDebian();
  out += AddUserDebian() + "WORKDIR /app\nCOPY --from=build /opt/venv /opt/venv\nCOPY . .\n";
  out += "USER " + std::string(kUser) + "\n" + Expose(c) + Healthcheck(c);
  std::vector<std::string> cmd;
  const std::string port = std::to_string(c.port);
  if (c.server == "uvicorn") cmd = {"uvicorn", c.entry, "--host", "0.0.0.0", "--port", port};
  else if (c.server == "gunicorn") cmd = {"gunicorn", "--bind", "0.0.0.0:" + port, c.entry};
  else if (c.framework == "celery") cmd = {"celery", "-A", c.entry, "worker", "--loglevel=INFO"};
  else cmd = {"python", c.entry};
  if (needs_init) out += "ENTRYPOINT [\"tini\", \"--\"]\n";
  out += "CMD " + Quoted(cmd) + "\n";
  return out;
}

// ---- Go, Java, Rust (compiled) ---------------------------------------------------------------

std::string GoDockerfile(const Component& c) {
  // cgo packages (go-sqlite3) need a C toolchain at build time and glibc at run time.
  const bool cgo = c.manifest_text.find("go-sqlite3") != std::string::npos ||
                   c.manifest_text.find("confluent-kafka-go") != std::string::npos;
  std::string out = "FROM golang:" + c.version + " AS build\nWORKDIR /src\n" + CopyManifests(c);
  out += "RUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\n";
  out += "RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \\\n"
         "    " + std::string(cgo ? "" : "CGO_ENABLED=0 ") + "go build -trimpath -ldflags=\"-s -w\" -o /out/app " +
         c.entry + "\n";
  out += cgo ? "\n# A cgo binary (go-sqlite3) on a distroless base with glibc: no shell, no package manager.\n"
             : "\n# A static binary on a distroless base: no shell, no package manager.\n";
  out += "FROM " + ToolImage(cgo ? "go_runtime_cgo" : "go_runtime") + "\nCOPY --from=build /out/app /app\n";
  out += "USER 65532:65532\n" + Expose(c) + "ENTRYPOINT [\"/app\"]\n";
  return out;
}

std::string JavaDockerfile(const Component& c) {
  std::string out;
  const std::string mount = c.manager == "maven" ? "RUN --mount=type=cache,target=/root/.m2 "
                                                 : "RUN --mount=type=cache,target=/root/.gradle ";
  if (c.manager == "maven") {
    const std::string mvn = c.wrapper ? "./mvnw" : "mvn";
    out += "FROM " + (c.wrapper ? ToolImage("java_jdk", c.version) : ToolImage("maven", c.version)) +
           " AS build\nWORKDIR /src\n" + CopyManifests(c);
    out += mount + mvn + " -B -q dependency:go-offline\nCOPY . .\n";
    out += mount + mvn + " -B -q package -DskipTests \\\n && mkdir -p /out && cp target/*.jar /out/app.jar\n";
  } else {
    const std::string gradle = c.wrapper ? "./gradlew" : "gradle";
    out += "FROM " + (c.wrapper ? ToolImage("java_jdk", c.version) : ToolImage("gradle", c.version)) +
           " AS build\nWORKDIR /src\n" + CopyManifests(c);
    out += mount + gradle + " --no-daemon dependencies\nCOPY . .\n";
    out += mount + gradle + " --no-daemon build -x test \\\n"
           " && rm -f build/libs/*-plain.jar && mkdir -p /out && cp build/libs/*.jar /out/app.jar\n";
  }
  out += "\nFROM " + ToolImage("java_runtime", c.version) + "\n" + AddUserDebian();
  out += "WORKDIR /app\nCOPY --from=build /out/app.jar ./app.jar\n";
  out += "USER " + std::string(kUser) + "\n" + Expose(c) + Healthcheck(c);
  out += "ENTRYPOINT [\"java\", \"-jar\", \"/app/app.jar\"]\n";
  return out;
}

std::string RustDockerfile(const Component& c) {
  const std::string locked = c.lockfile ? " --locked" : "";
  std::string out = "FROM rust:" + c.version + "-slim AS build\nWORKDIR /src\n" + CopyManifests(c);
  out += "RUN --mount=type=cache,target=/usr/local/cargo/registry cargo fetch" + locked + "\nCOPY . .\n";
  out += "RUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/src/target \\\n"
         "    cargo build --release" + locked + " \\\n"
         " && mkdir -p /out && cp target/release/" + c.name + " /out/app\n";
  out += "\nFROM " + ToolImage("rust_runtime") + "\n" + AddUserDebian();
  out += "COPY --from=build /out/app /usr/local/bin/app\n";
  out += "USER " + std::string(kUser) + "\n" + Expose(c) + "ENTRYPOINT [\"/usr/local/bin/app\"]\n";
  return out;
}

// ---- PHP, Ruby, static -----------------------------------------------------------------------

std::string PhpDockerfile(const Component& c) {
  std::string out = "FROM " + ToolImage("composer") + " AS deps\nWORKDIR /app\n" + CopyManifests(c);
  out += "RUN --mount=type=cache,target=/tmp/cache composer install --no-dev --no-scripts --no-autoloader \\\n"
         "    --prefer-dist --no-interaction --ignore-platform-reqs\n";
  out += "COPY . .\nRUN composer dump-autoload --no-dev --optimize\n";
  const std::string root = c.output == "." ? "/var/www/html" : "/var/www/html/public";
  out += "\n# Apache on 8080 as www-data (the image's run directories already belong to it).\n";
  out += "FROM php:" + c.version + "-apache\n";
  out += "RUN sed -ri 's/^Listen 80$/Listen 8080/' /etc/apache2/ports.conf \\\n"
         " && sed -ri 's!<VirtualHost \\*:80>!<VirtualHost *:8080>!; s!/var/www/html!" + root +
         "!g' /etc/apache2/sites-available/000-default.conf\n";
  out += "COPY --from=deps /app /var/www/html\n";
  out += "USER www-data\n" + Expose(c) + Healthcheck(c) + "CMD [\"apache2-foreground\"]\n";
  return out;
}

std::string RubyDockerfile(const Component& c) {
  const std::string base = "ruby:" + c.version + "-slim";
  std::string env = "ENV BUNDLE_PATH=/usr/local/bundle BUNDLE_WITHOUT=development:test";
  if (c.lockfile) env += " BUNDLE_DEPLOYMENT=1";
  std::string out = "FROM " + base + " AS build\n";
  out += "RUN apt-get update \\\n && apt-get install -y --no-install-recommends build-essential \\\n"
         " && rm -rf /var/lib/apt/lists/*\n";
  out += "WORKDIR /app\n" + env + "\n" + CopyManifests(c);
  out += "RUN --mount=type=cache,target=/root/.cache/bundle BUNDLE_USER_CACHE=/root/.cache/bundle bundle install\n";
  out += "COPY . .\n";
  out += "\nFROM " + base + "\n" + env + "\n" + AddUserDebian();
  out += "WORKDIR /app\nCOPY --from=build /usr/local/bundle /usr/local/bundle\nCOPY --from=build /app /app\n";
  out += "USER " + std::string(kUser) + "\n" + Expose(c) + Healthcheck(c);
  const std::string port = std::to_string(c.port);
  std::vector<std::string> cmd;
  if (c.framework == "rails") cmd = {"bundle", "exec", "rails", "server", "-b", "0.0.0.0", "-p", port};
  else cmd = {"bundle", "exec", "rackup", "-o", "0.0.0.0", "-p", port};
  out += "CMD " + Quoted(cmd) + "\n";
  return out;
}

std::string StaticDockerfile(const Component& c) {
  std::string out = "# nginx as an unprivileged user, listening on 8080.\n";
  out += "FROM " + ToolImage("nginx") + "\nCOPY . /usr/share/nginx/html\n";
  out += "USER 101\n" + Expose(c) + Healthcheck(c) + "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n";
  return out;
}

}  // namespace

std::vector<std::string> HealthcheckCommand(const Component& c) {
  if (!c.port || c.kind == "worker") return {};
  const std::string port = std::to_string(c.port);
  const std::string url = "http://127.0.0.1:" + port + c.probe;
  // Each probe uses a program the runtime image has: busybox wget in nginx alpine, the
  // interpreter itself, bash on the Debian/Ubuntu bases. Without an HTTP path the framework is
  // known to serve, the probe only checks that the port accepts connections.
  if (c.kind == "static") return {"wget", "-q", "--spider", url};
  if (c.stack == "node") {
    if (!c.probe.empty())
      return {"node", "-e",
              "fetch('" + url + "').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"};
    return {"node", "-e",
            "require('net').connect(" + port + ", '127.0.0.1').on('connect', () => process.exit(0))"
            ".on('error', () => process.exit(1))"};
  }
  if (c.stack == "python") {
    if (!c.probe.empty())
      return {"python", "-c", "import urllib.request; urllib.request.urlopen('" + url + "', timeout=4)"};
    return {"python", "-c", "import socket; socket.create_connection(('127.0.0.1', " + port + "), timeout=4)"};
  }
  if (c.stack == "ruby") {
    if (!c.probe.empty())
      return {"ruby", "-rnet/http", "-e",
              "exit Net::HTTP.get_response(URI('" + url + "')).is_a?(Net::HTTPSuccess)"};
    return {"ruby", "-rsocket", "-e", "TCPSocket.new('127.0.0.1', " + port + ").close"};
  }
  if (c.stack == "java" || c.stack == "php" || c.stack == "rust")
    return {"bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port};
  return {};  // Go: the distroless image has no program to probe with
}

std::string GenerateDockerfile(const Component& c) {
  std::string out = "# Generated by `shipshape init` for " + (c.dir == "." ? std::string("this directory") : c.dir) +
                    ": " + Describe(c) + ".\n";
  if (!c.checks.empty()) {
    out += "# Check before you build:\n";
    for (const std::string& s : c.checks) out += "#   - " + s + "\n";
  }
  out += "\n";
  if (c.stack == "node") out += NodeDockerfile(c);
  else if (c.stack == "python") out += PythonDockerfile(c);
  else if (c.stack == "go") out += GoDockerfile(c);
  else if (c.stack == "java") out += JavaDockerfile(c);
  else if (c.stack == "rust") out += RustDockerfile(c);
  else if (c.stack == "php") out += PhpDockerfile(c);
  else if (c.stack == "ruby") out += RubyDockerfile(c);
  else out += StaticDockerfile(c);
  return out;
}

}  // namespace shipshape::generate
