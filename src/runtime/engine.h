// A minimal Docker Engine API client: HTTP/1.1 GET over a unix socket, enough to list the
// containers and fetch each one's inspect JSON. It never shells out to the docker CLI.
//
// Only unix:// hosts are supported (DOCKER_HOST=unix:///path, default /var/run/docker.sock);
// tcp://, ssh://, npipe:// and fd:// are refused with a clear message, as are Docker contexts
// (not read). Every request uses its own connection (`Connection: close`) and is bounded by a
// deadline covering connect, send and the whole response (poll() on a non-blocking socket).
// Responses may be framed by Content-Length, chunked transfer encoding, or connection close.
//
// This is the only code in src/runtime/ that does I/O.
#ifndef SHIPSHAPE_RUNTIME_ENGINE_H_
#define SHIPSHAPE_RUNTIME_ENGINE_H_

#include <map>
#include <string>
#include <string_view>

#include "core/result.h"

namespace shipshape::runtime {

inline constexpr std::string_view kDefaultDockerHost = "unix:///var/run/docker.sock";

struct EngineOptions {
  /// "unix:///path/docker.sock" (or a bare absolute socket path). Empty: kDefaultDockerHost.
  std::string host;
  /// Per request: connect, send and the whole response. The CLI default is 10 s.
  int timeout_ms = 10000;
  /// Also stopped containers (`docker ps -a`); by default only running ones, as `docker ps`.
  bool all = false;
};

/// The host to use given the value of $DOCKER_HOST (`std::getenv("DOCKER_HOST")`; null or empty
/// gives kDefaultDockerHost). Pure: the caller reads the environment.
std::string DockerHostFromEnv(const char* docker_host);

/// The socket path of a unix:// host ("unix:///run/docker.sock" -> "/run/docker.sock"; a bare
/// absolute path is taken as is). Errors (kUsage) for tcp://, http(s)://, ssh://, npipe://,
/// fd:// and anything else: "only unix:// sockets are supported ...".
Result<std::string> UnixSocketPath(std::string_view host);

struct HttpResponse {
  int status = 0;                              ///< 200
  std::string reason;                          ///< "OK"
  std::map<std::string, std::string> headers;  ///< Names lower-cased; last one wins.
  std::string body;                            ///< De-chunked.
};

/// Maximum response body accepted (bytes).
inline constexpr size_t kMaxResponseBytes = 256u << 20;

/// One `GET target` to the engine listening on `socket_path`. `host_for_messages` is how errors
/// name the engine (e.g. "unix:///var/run/docker.sock"). Errors:
///  - kNotFound / kPermission / kIo: "cannot connect to the Docker engine at <host>: <strerror>"
///  - kIo: "the Docker engine at <host> did not answer GET <target> within <n> ms"
///  - kIo: closed mid-response, malformed status line, headers or chunk framing, body too large.
/// Any HTTP status is returned as a response; callers decide what is an error.
Result<HttpResponse> HttpGetUnix(const std::string& socket_path, std::string_view target,
                                 int timeout_ms, std::string_view host_for_messages);

/// `GET /containers/json` (with `?all=1` when opts.all), then `GET /containers/{id}/json` for each
/// container, joined into one JSON array: the same text `docker inspect $(docker ps -q)` prints,
/// ready for LoadInspectJson(). A container removed between the two calls (404) is skipped.
/// Errors: those of UnixSocketPath and HttpGetUnix, and (kIo) a non-200 answer, quoting the
/// engine's `message`: "the Docker engine at <host> answered GET /containers/json with 500
/// Internal Server Error: <message>".
Result<std::string> FetchInspectJson(const EngineOptions& opts);

}  // namespace shipshape::runtime

#endif  // SHIPSHAPE_RUNTIME_ENGINE_H_
