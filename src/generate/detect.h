// Stack detection for generation: what a directory holds (Node, Python, Go, Java, PHP, Ruby, Rust,
// a static site), how it installs its dependencies (npm/yarn/pnpm, pip/poetry/uv/pdm/pipenv,
// Maven/Gradle, ...), which framework decides what the image runs (a static build served by
// nginx, a Next.js server, a FastAPI app under uvicorn, ...), the language version the manifests
// ask for, and the entry point. Driven by the table in data/stacks.json; reads the project only
// through the FileSystem interface and never runs anything from it.
#ifndef SHIPSHAPE_GENERATE_DETECT_H_
#define SHIPSHAPE_GENERATE_DETECT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workspace.h"

namespace shipshape::generate {

/// One deployable unit: a directory with a manifest of a known stack.
struct Component {
  std::string dir;             ///< Normalized directory ("." for the root).
  std::string stack;           ///< "node", "python", "go", "java", "php", "ruby", "rust", "static".
  std::string stack_name;      ///< "Node.js", ...
  std::string manager;         ///< "npm", "yarn", "pnpm", "pip", "poetry", "uv", "pdm", "pipenv", "go",
                               ///< "maven", "gradle", "composer", "bundler", "cargo", "none".
  std::string framework;       ///< Table id ("vite", "fastapi", "spring-boot", ...).
  std::string framework_name;  ///< "Vite", ...
  std::string kind;            ///< "static", "server" or "worker".
  int port = 0;                ///< Port the process listens on (0: none).
  std::string output;          ///< Build output directory (static sites, Nuxt/Next, PHP docroot).
  std::string probe;           ///< HTTP path a health check may poll; empty: none known.
  std::string server;          ///< Python app server ("uvicorn", "gunicorn").
  bool server_listed = false;  ///< The manifests already depend on `server`.
  std::string version;         ///< Language version for the base image tag ("22", "3.12", "1.24").
  std::string version_from;    ///< Where it came from ("engines.node", ".nvmrc", "pin table", ...).
  std::string name;            ///< Project / artifact / binary name.
  std::string entry;           ///< What runs: a module (`app.main:app`), a file, a Go package.
  bool lockfile = false;       ///< The manager's lockfile is present.
  bool build_script = false;   ///< Node: package.json has scripts.build (or a build is needed).
  std::string build_command;   ///< Node: the build when there is no `build` script.
  bool wrapper = false;        ///< Gradle/Maven wrapper present (gradlew, mvnw).
  std::vector<std::string> manifests;  ///< Dependency files to copy before the install.
  std::vector<std::string> checks;     ///< What a human must confirm (entry module, port).
  /// Environment variables the source reads (`process.env.X`, `os.getenv("X")`, ...), sorted;
  /// the generated Compose service passes them through and `.env.example` lists them.
  std::vector<std::string> env;
  /// Lower-cased text of the dependency manifests (to match backing services: `psycopg` ->
  /// postgres).
  std::string manifest_text;
  bool has_dockerfile = false;         ///< A Dockerfile/Containerfile is already in `dir`.
};

/// The component in `dir`, or nullopt when no stack's marker is there.
std::optional<Component> DetectComponent(const FileSystem& fs, std::string_view dir);

/// Components in `root` and its subdirectories down to `depth` levels (skipping dependency,
/// build and hidden directories), sorted by directory. A directory inside a detected
/// component's own tree is still visited (monorepos: `apps/web` under a root package.json).
std::vector<Component> DetectComponents(const FileSystem& fs, std::string_view root, int depth = 2);

/// A one-line description: "Node.js (pnpm, Vite static build) 22 from engines.node".
std::string Describe(const Component& c);

/// An image reference from the `images` table of data/stacks.json with `{v}` replaced by
/// `version` ("" if the key is unknown).
std::string ToolImage(std::string_view key, std::string_view version = {});

/// The pinned version of a tool a generated Dockerfile installs (`tools` of data/stacks.json).
std::string ToolVersion(std::string_view tool);

/// The lower bound of a version requirement (`>=3.10,<4` -> "3.10", `^20.11` -> "20.11",
/// `v18.17.0` -> "18.17.0", `lts/*` -> ""), cut to `parts` dot-separated parts.
std::string VersionFloor(std::string_view spec, int parts);

}  // namespace shipshape::generate

#endif  // SHIPSHAPE_GENERATE_DETECT_H_
