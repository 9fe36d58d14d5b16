// What the host's filesystem means to a container: the container engines' API endpoints (Unix
// sockets, Windows named pipes, the directories that hold them) and the host directories whose
// write access is host access. One copy, read by the Compose rules (DC031, DC032) and the runtime
// rules (DR015, DR016): before issue 15 each pair kept its own list and the lists had drifted
// (DC031 knew `crio.sock` and the Windows pipe, DR015 `cri-dockerd.sock` and `buildkitd.sock`;
// DC032 knew 16 directories, DR016 8).
//
// Paths are host paths as written in a bind mount. Every query normalizes them first (`//`, `.`,
// `..`, a trailing `/`), so `/var/run/../run/docker.sock` and `/run/docker.sock` agree.
#ifndef SHIPSHAPE_KNOWLEDGE_HOST_PATHS_H_
#define SHIPSHAPE_KNOWLEDGE_HOST_PATHS_H_

#include <span>
#include <string>
#include <string_view>

namespace shipshape::knowledge {

/// File names of engine API sockets: Docker, Podman, containerd, CRI-O, dockershim, cri-dockerd,
/// BuildKit. Whoever can connect to one can start a privileged container: root on the host.
std::span<const std::string_view> EngineSocketNames();
/// Windows named pipes of the engines, in the `//./pipe/NAME` spelling (`\\.\pipe\NAME` is the same).
std::span<const std::string_view> EngineNamedPipes();
/// Host directories that hold an engine socket: mounting one mounts the socket with it.
std::span<const std::string_view> EngineSocketDirectories();

/// True if the host path `path` is an engine API endpoint: its last segment is one of
/// EngineSocketNames() (ASCII case ignored), or it is one of EngineNamedPipes() in either spelling.
bool IsEngineSocket(std::string_view path);
/// The entry of EngineSocketDirectories() that the absolute host path `path` is (not: lies under),
/// or empty.
std::string_view EngineSocketDirectory(std::string_view path);

/// Host directories whose write access is host access (users, boot files, devices, kernel knobs,
/// binaries and libraries, the engines' and kubelet's state, runtime sockets), `/` first.
std::span<const std::string_view> SensitiveHostDirectories();
/// Device nodes and the syslog socket, which containers routinely bind-mount read-write.
std::span<const std::string_view> HarmlessHostDevices();

/// The entry of SensitiveHostDirectories() that the absolute host path `path` is or lies under
/// (`/` only when `path` is `/` itself), or empty. Empty too for Unix sockets (`*.sock`: an engine
/// socket is the socket rules' concern, another service's socket is not a directory of the host)
/// and for HarmlessHostDevices().
std::string_view SensitiveHostDirectory(std::string_view path);

/// `path` normalized as the queries above see it: `..` resolved, `//` and `.` dropped, no
/// trailing `/`. Relative paths stay relative.
std::string NormalizeHostPath(std::string_view path);

}  // namespace shipshape::knowledge

#endif  // SHIPSHAPE_KNOWLEDGE_HOST_PATHS_H_
