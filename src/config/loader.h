// Loading configuration: `.shipshape.yaml` (or `.shipshape.yml`), found upward from the scanned
// path or named with --config; when none exists, hadolint's `.hadolint.yaml`/`.hadolint.yml` is
// read so hadolint users switch without edits. Errors name the file, line and column.
//
// .shipshape.yaml keys (all optional):
//   ignore: [DF020, DL3008]        rules to skip (codes, names or aliases)
//   select: [DF, DC001]            only these (codes, names, aliases or code prefixes)
//   severity: {DF020: warning}     severity overrides
//   failure-threshold: warning     style | info | warning | error | critical | none
//   trusted-registries: [docker.io, "*.gcr.io"]
//   label-schema: {maintainer: text, org.opencontainers.image.source: url}
//   strict-labels: true
//   preview: true
//   shellcheck: true
//   image-pins: {alpine: "3.22"}  tags `fix --unsafe` pins untagged/`latest` images to, over
//                                  the built-in table (data/image-pins.json)
//   exclude: [examples/, "**/testdata/"]   paths never scanned, gitignore-style, relative to the
//                                  config file's directory (a pattern without '/' matches a name
//                                  at any depth; a trailing '/' matches directories only)
//   per-path:                      settings for some files, applied over the above in order:
//     - paths: ["legacy/**", "tools/*/Dockerfile"]   globs like `exclude:` (`dir/` = below dir)
//       ignore: [DF044]
//       severity: {DF011: info}      (also `override:` and `trusted-registries:`)
//   per-file-ignores: {"test/**": [DF010]}   ruff-style shorthand for per-path ignores
// hadolint keys accepted in either file: ignored, trustedRegistries, label-schema, strict-labels,
// override {error|warning|info|style: [codes]}, failure-threshold, no-fail.
#ifndef SHIPSHAPE_CONFIG_LOADER_H_
#define SHIPSHAPE_CONFIG_LOADER_H_

#include <string>
#include <string_view>

#include "config/config.h"

namespace shipshape {

/// Parses config text into `*config` (merging over what it holds). `path` is for messages.
bool ParseConfig(std::string_view text, const std::string& path, Config* config, std::string* err);

/// Loads `explicit_path` if non-empty, else searches upward from `start` (a file or directory),
/// up to the tree holding it (ContainingTree: its repository; outside one, the working directory
/// when `start` is below it, else `start`'s directory only). A candidate is read only if it resolves beneath that boundary and is a regular
/// file; one that does not is an error (never a silent fallback to defaults). `*note` says which
/// file was used (empty when none).
bool LoadConfig(const std::string& explicit_path, const std::string& start, Config* config,
                std::string* note, std::string* err);

}  // namespace shipshape

#endif  // SHIPSHAPE_CONFIG_LOADER_H_
