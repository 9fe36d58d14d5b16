#include "knowledge/host_paths.h"

#include "core/strings.h"
#include "core/workspace.h"

namespace shipshape::knowledge {
namespace {

constexpr std::string_view kSocketNames[] = {
    "docker.sock",    "podman.sock",      "containerd.sock", "crio.sock",
    "dockershim.sock", "cri-dockerd.sock", "buildkitd.sock",
};

// Docker Engine and Docker Desktop, containerd, and Podman's machine on Windows.
constexpr std::string_view kNamedPipes[] = {
    "//./pipe/docker_engine",
    "//./pipe/dockerdesktoplinuxengine",
    "//./pipe/containerd-containerd",
    "//./pipe/podman-machine-default",
};

// `/` and `/var` hold everything below; the others are where the engines put their sockets.
constexpr std::string_view kSocketDirs[] = {
    "/",           "/var",          "/run",         "/var/run",       "/run/podman",
    "/run/containerd", "/var/run/containerd", "/run/crio", "/var/run/crio", "/run/buildkit",
    "/var/run/buildkit",
};

constexpr std::string_view kSensitiveDirs[] = {
    "/",         "/bin",  "/boot",    "/dev",     "/etc",
    "/lib",      "/lib64", "/proc",   "/root",    "/run",
    "/sbin",     "/sys",  "/usr",     "/var/run", "/var/lib/containerd",
    "/var/lib/docker", "/var/lib/kubelet",
};

constexpr std::string_view kHarmlessDevices[] = {"/dev/log",    "/dev/null",    "/dev/zero",
                                                 "/dev/random", "/dev/urandom", "/dev/full"};

bool In(std::span<const std::string_view> list, std::string_view s) {
  for (std::string_view e : list)
    if (e == s) return true;
  return false;
}

}  // namespace

std::span<const std::string_view> EngineSocketNames() { return kSocketNames; }
std::span<const std::string_view> EngineNamedPipes() { return kNamedPipes; }
std::span<const std::string_view> EngineSocketDirectories() { return kSocketDirs; }
std::span<const std::string_view> SensitiveHostDirectories() { return kSensitiveDirs; }
std::span<const std::string_view> HarmlessHostDevices() { return kHarmlessDevices; }

std::string NormalizeHostPath(std::string_view path) {
  if (path.empty()) return {};
  return NormalizePath(path);
}

bool IsEngineSocket(std::string_view path) {
  std::string p = Lower(path);
  for (char& c : p)
    if (c == '\\') c = '/';
  if (p.starts_with("//./pipe/")) return In(kNamedPipes, p);
  const std::string n = NormalizeHostPath(p);
  const size_t slash = n.rfind('/');
  return In(kSocketNames, slash == std::string::npos ? std::string_view(n)
                                                     : std::string_view(n).substr(slash + 1));
}

std::string_view EngineSocketDirectory(std::string_view path) {
  if (path.empty() || path[0] != '/') return {};
  const std::string n = NormalizeHostPath(path);
  for (std::string_view d : kSocketDirs)
    if (n == d) return d;
  return {};
}

std::string_view SensitiveHostDirectory(std::string_view path) {
  if (path.empty() || path[0] != '/') return {};
  const std::string n = NormalizeHostPath(path);
  if (n.ends_with(".sock") || In(kHarmlessDevices, n)) return {};
  if (n == "/") return kSensitiveDirs[0];
  for (std::string_view d : kSensitiveDirs) {
    if (d == "/") continue;
    if (n == d || (n.size() > d.size() && n.starts_with(d) && n[d.size()] == '/')) return d;
  }
  return {};
}

}  // namespace shipshape::knowledge
